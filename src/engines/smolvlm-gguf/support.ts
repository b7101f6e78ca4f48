/**
 * What llama.cpp's wasm (a wasm64 build with shared memory) needs of the browser: cross-origin
 * isolation for SharedArrayBuffer, and WebAssembly Memory64 (Chromium and Firefox have it; Safari does
 * not, and wllama's compat build for it lives on a CDN Loupe never fetches).
 */

/** The smallest module declaring a 64-bit memory: magic, version, a memory section with the i64 flag. */
const MEMORY64_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x04, 0x00]);

export function hasMemory64(): boolean {
  try {
    return typeof WebAssembly !== 'undefined' && WebAssembly.validate(MEMORY64_MODULE);
  } catch {
    return false;
  }
}

/** Why llama.cpp cannot run here, or undefined when it can. */
export function llamaUnsupported(isolated: boolean, memory64: boolean): string | undefined {
  if (!memory64) return 'This browser lacks WebAssembly Memory64, which llama.cpp’s build needs (Safari); choose a SmolVLM model in the ONNX layout.';
  if (!isolated)
    return 'llama.cpp needs a cross-origin-isolated page (SharedArrayBuffer), and this one is not: serve Loupe with the COOP and COEP headers (the preview and dev servers do), or choose a SmolVLM model in the ONNX layout.';
  return undefined;
}
