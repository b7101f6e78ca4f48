// Copies the runtime files Loupe serves from its own origin (wasm, OCR models) out of node_modules
// into public/vendor/, so no request ever goes to a CDN. Runs before dev, build and tests.
import { copyFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'vendor');

/** [source under node_modules, destination under public/vendor] */
export const VENDOR_FILES = [
  ['onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm', 'ort/ort-wasm-simd-threaded.asyncify.wasm'],
  ['onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.mjs', 'ort/ort-wasm-simd-threaded.asyncify.mjs'],
];

for (const [from, to] of VENDOR_FILES) {
  const source = join(root, 'node_modules', from);
  const target = join(out, to);
  if (!existsSync(source)) throw new Error(`copy-vendor: ${from} is missing; run npm install`);
  if (existsSync(target) && statSync(target).size === statSync(source).size) continue;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
}
console.log(`copy-vendor: ${VENDOR_FILES.length} files in public/vendor`);
