/**
 * OpenCV.js ships as one 10.8 MB script with its 8 MB of wasm inside as base64, decoded and compiled on every
 * load (the first photo to straighten waited for it) and never kept by the browser's code cache.
 * Split apart, the wasm is compiled from Cache Storage like the OCR runtime (Chromium keeps its machine code
 * between visits) and the script that is left, about 0.2 MB, takes the compiled module through Emscripten's
 * `instantiateWasm` hook, read from `globalThis.loupeOpenCvModule`.
 */
import { OPENCV_MODULE_GLOBAL } from '../../src/pipeline/image/capture/opencv-global';

const WASM_DATA_URI = /var wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)";/;
// The UMD wrapper hands the Emscripten factory an empty module object: ours goes in its place.
const MODULE_OBJECT = /(\n\s*if \(typeof Module === 'undefined'\)\s*\n\s*var Module = )\{\};/;

export function splitOpenCv(source: string): { script: string; wasm: Uint8Array } {
  const data = WASM_DATA_URI.exec(source);
  if (!data || !MODULE_OBJECT.test(source))
    throw new Error('vendor: this OpenCV.js is not laid out as scripts/opencv/split-opencv.ts expects (embedded wasm, UMD wrapper); update the split for it');
  const wasm = new Uint8Array(Buffer.from(data[1]!, 'base64'));
  const body = source
    .replace(WASM_DATA_URI, 'var wasmBinaryFile="";')
    .replace(MODULE_OBJECT, `$1globalThis.${OPENCV_MODULE_GLOBAL} || {};`);
  // An ES module, so it can be imported from a module worker: the wrapper's CommonJS branch fills `module`.
  return { script: `const module = { exports: {} };\n${body}\nexport default module.exports;\n`, wasm };
}
