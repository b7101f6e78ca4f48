// Fast accuracy loop for the PaddleOCR core: the same PaddleOcr class the browser engine uses, on
// onnxruntime-web's WASM backend in Node, over a SROIE-like folder, with the served (int8) recognizer and
// the rewritten float one it replaces. CER and word F1 are printed for all receipts and for each half:
// the int8 calibration read the even positions (scripts/paddle/calibrate-rec.ts), the odd ones it never saw.
// Accuracy only: timings here are not the browser's (bench/paddle-models.ts compares speed).
// Usage: npx tsx bench/paddle-node.ts [--set <dir>] [--limit N] [--show NAME]
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize, transcriptCounts, type Counts } from '../src/pipeline/metrics/text-metrics';
import { paddleInNode } from '../scripts/paddle/node-paddle';
import { readScan, receiptScans } from '../scripts/paddle/receipts';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-dev' },
    limit: { type: 'string' },
    show: { type: 'string' },
  },
});
const set = resolve(args.set);
if (!existsSync(join(set, 'img'))) {
  console.log(`paddle-node: no receipts at ${set}; skipping.`);
  process.exit(0);
}
const engines = [...(await paddleInNode(['served', 'rewritten float'])).entries()].map(([name, ocr]) => ({ name, ocr, counts: [] as Counts[] }));

for (const file of receiptScans(set).slice(0, Number(args.limit ?? Infinity))) {
  const image = await readScan(join(set, 'img', file));
  const reference = readFileSync(join(set, 'lines', `${basename(file, extname(file))}.txt`), 'utf8');
  const cells = [file];
  for (const engine of engines) {
    const { text } = await engine.ocr.recognize(image);
    const c = transcriptCounts(text, reference);
    engine.counts.push(c);
    cells.push(`${engine.name} CER ${((100 * c.errors) / c.referenceLength).toFixed(1)}%`);
    if (args.show === file) console.log(`${engine.name}:\n${text}`);
  }
  console.log(cells.join('\t'));
}
const figures = (counts: Counts[]) => {
  const { cer, wordF1 } = summarize(counts);
  return `CER ${(cer * 100).toFixed(2)}% word F1 ${(wordF1 * 100).toFixed(2)}%`;
};
console.table(
  Object.fromEntries(
    engines.map(({ name, counts }) => [
      name,
      {
        all: figures(counts),
        'calibration half (even)': figures(counts.filter((_, i) => i % 2 === 0)),
        'unseen half (odd)': figures(counts.filter((_, i) => i % 2 === 1)),
      },
    ]),
  ),
);
