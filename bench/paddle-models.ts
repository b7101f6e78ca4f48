// Speed of the PaddleOCR graphs Loupe serves (scripts/paddle/served-graphs.ts: rewritten, the recognizer
// in int8) against the package's originals and against the rewritten float recognizer, on
// onnxruntime-web's WASM backend in Node, runs interleaved so the machine's other load falls on all
// alike: the recognizer at fixed widths, then detection and recognition over
// the boxes of real receipts when a SROIE-like folder is there.
// Usage: npx tsx bench/paddle-models.ts [--set <dir>] [--limit 6] [--threads 1] [--out bench/out/paddle-models.json]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web';
import { PaddleOcr, paddleAlphabet, sessionReader, type OrtRuntime } from '../src/engines/paddle/paddle-ocr';
import { PADDLE_ASSETS, rewritten, servedRecognizer } from '../scripts/paddle/served-graphs';
import { readScan, receiptScans } from '../scripts/paddle/receipts';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-dev' },
    limit: { type: 'string', default: '6' },
    threads: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/out/paddle-models.json' },
  },
});
ort.env.wasm.numThreads = Number(args.threads);
const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;
const originalDet = readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_det_infer.onnx'));
const originalRec = readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'));
const variants = {
  original: { det: originalDet, rec: originalRec },
  'rewritten float': { det: rewritten(originalDet), rec: rewritten(originalRec) },
  served: { det: rewritten(originalDet), rec: servedRecognizer(originalRec) },
};
const alphabet = paddleAlphabet(readFileSync(join(PADDLE_ASSETS, 'ppocr_keys_v1.txt'), 'utf8'));
const loaded = await Promise.all(
  Object.entries(variants).map(async ([name, bytes]) => {
    const det = await ort.InferenceSession.create(bytes.det, options);
    const rec = await ort.InferenceSession.create(bytes.rec, options);
    return { name, rec, ocr: new PaddleOcr(ort as unknown as OrtRuntime, det as never, [sessionReader(ort as unknown as OrtRuntime, rec as never, alphabet)]) };
  }),
);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

const perWidth: Record<string, Record<string, number>> = {};
for (const width of [96, 320]) {
  const input = new ort.Tensor('float32', new Float32Array(3 * 48 * width).map((_, i) => ((i * 7919) % 97) / 48 - 1), [1, 3, 48, width]);
  const times = new Map(loaded.map((v) => [v.name, [] as number[]]));
  for (let run = 0; run < 25; run++)
    for (const v of loaded) {
      const started = performance.now();
      await v.rec.run({ [v.rec.inputNames[0]!]: input });
      if (run >= 5) times.get(v.name)!.push(performance.now() - started);
    }
  perWidth[`recognizer ms at 48x${width}`] = Object.fromEntries([...times].map(([name, t]) => [name, median(t)]));
}

const perReceipt: Record<string, Record<string, number>> = {};
const set = resolve(args.set);
if (existsSync(join(set, 'img'))) {
  const sums = new Map(loaded.map((v) => [v.name, { detect: 0, recognize: 0 }]));
  const files = receiptScans(set).slice(0, Number(args.limit));
  for (const file of files) {
    const image = await readScan(join(set, 'img', file));
    for (const v of loaded) {
      const { timings } = await v.ocr.recognize(image);
      sums.get(v.name)!.detect += (timings.detect ?? 0) / files.length;
      sums.get(v.name)!.recognize += (timings.recognize ?? 0) / files.length;
    }
  }
  perReceipt['detect ms per receipt'] = Object.fromEntries([...sums].map(([name, s]) => [name, s.detect]));
  perReceipt['recognize ms per receipt'] = Object.fromEntries([...sums].map(([name, s]) => [name, s.recognize]));
} else console.log(`paddle-models: no receipts at ${set}; fixed widths only.`);

const rows = { ...perWidth, ...perReceipt };
const ratio = (a: number | undefined, b: number | undefined) => +(a! / b!).toFixed(3);
console.table(
  Object.fromEntries(
    Object.entries(rows).map(([what, r]) => [
      what,
      { ...r, 'rewritten / original': ratio(r['rewritten float'], r.original), 'served / rewritten': ratio(r.served, r['rewritten float']) },
    ]),
  ),
);
mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(resolve(args.out), JSON.stringify({ date: new Date().toISOString(), threads: Number(args.threads), rows }, null, 2));
console.log(`paddle-models: wrote ${args.out}`);
