// Fast accuracy loop for the PaddleOCR core: the same PaddleOcr class the browser engine uses,
// on onnxruntime-node, over a SROIE-like folder. Accuracy only: timings here are not the browser's.
// Usage: npx tsx bench/paddle-node.ts [--set <dir>] [--limit N] [--show NAME]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { PaddleOcr, paddleAlphabet, type OrtRuntime } from '../src/engines/paddle/paddle-ocr';
import { summarize, transcriptCounts } from '../src/pipeline/metrics/text-metrics';
import { capSize } from '../src/pipeline/image/cap';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const set = resolve(args.get('set') ?? '../shared/bench/sroie-dev');
if (!existsSync(join(set, 'img'))) {
  console.log(`paddle-node: no receipts at ${set}; skipping.`);
  process.exit(0);
}
// The models as Loupe serves them (rewritten by scripts/vendor.ts), not the package's originals.
const assets = 'public/vendor/paddle';
if (!existsSync(join(assets, 'rec.onnx'))) throw new Error('paddle-node: public/vendor/paddle is missing; run npm run vendor first');
const options = { executionProviders: ['cpu'], intraOpNumThreads: 1 };
const ocr = new PaddleOcr(
  ort as unknown as OrtRuntime,
  (await ort.InferenceSession.create(join(assets, 'det.onnx'), options)) as never,
  (await ort.InferenceSession.create(join(assets, 'rec.onnx'), options)) as never,
  paddleAlphabet(readFileSync(join(assets, 'keys.txt'), 'utf8')),
);

const files = readdirSync(join(set, 'img')).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().slice(0, Number(args.get('limit') ?? Infinity));
const counts = [];
for (const file of files) {
  const meta = await sharp(join(set, 'img', file)).rotate().metadata();
  const target = capSize(meta.width!, meta.height!);
  const { data, info } = await sharp(join(set, 'img', file)).rotate().resize(target.width, target.height).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const started = performance.now();
  const result = await ocr.recognize({ width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
  const reference = readFileSync(join(set, 'lines', `${basename(file, extname(file))}.txt`), 'utf8');
  const c = transcriptCounts(result.text, reference);
  counts.push(c);
  console.log(`${file}\tCER ${((100 * c.errors) / c.referenceLength).toFixed(1)}%\t${((performance.now() - started) / 1000).toFixed(2)} s`);
  if (args.get('show') === file) console.log(result.text);
}
const { cer, wordF1 } = summarize(counts);
console.log(`receipts ${counts.length}  CER ${(cer * 100).toFixed(2)}%  word F1 ${(wordF1 * 100).toFixed(2)}%`);
