/**
 * What llama.cpp's wasm (a wasm64 build with shared memory that reads model files through JSPI) needs
 * of the browser: cross-origin isolation for SharedArrayBuffer, WebAssembly Memory64 and JSPI
 * (`WebAssembly.Suspending`: Chromium 137 and later). Without them wllama would switch to its compat
 * build, which lives on a CDN Loupe never fetches.
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

export function hasJspi(): boolean {
  return typeof WebAssembly !== 'undefined' && 'Suspending' in WebAssembly;
}

export interface LlamaSupport {
  isolated: boolean;
  memory64: boolean;
  jspi: boolean;
}

/** Why llama.cpp cannot run here (a short reason and what to do), or undefined when it can. */
export function llamaUnsupported({ isolated, memory64, jspi }: LlamaSupport): { reason: string; advice: string } | undefined {
  if (!memory64) return { reason: 'this browser lacks WebAssembly Memory64 (Safari)', advice: 'choose a SmolVLM model in the ONNX layout' };
  if (!jspi) return { reason: 'this browser lacks WebAssembly JSPI (Chromium before 137)', advice: 'update the browser, or choose a SmolVLM model in the ONNX layout' };
  if (!isolated)
    return { reason: 'the page is not cross-origin isolated (no SharedArrayBuffer)', advice: 'serve Loupe with the COOP and COEP headers (the preview and dev servers do), or choose a SmolVLM model in the ONNX layout' };
  return undefined;
}
