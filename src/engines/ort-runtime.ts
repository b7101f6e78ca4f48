import type * as Ort from 'onnxruntime-web/webgpu';
import type * as OrtCpu from 'onnxruntime-web/wasm';
import type { LoadProgress } from './engine';
import { fetchWithProgress } from './fetch-with-progress';
import { originUrl } from './vendor-url';
import { RUNTIME_CACHES } from '../pwa/caches';
import { compileCachedWasm } from '../pwa/compile-cached-wasm';
// The build emits these once, hashed, from Loupe's own origin; onnxruntime-web would otherwise fetch them from a CDN.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import cpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import cpuMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';


/**
 * onnxruntime-web as transformers.js loads it (the WebGPU build, whose asyncify wasm also runs the
 * WASM backend), for SmolVLM.
 */
export async function loadOrt(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<typeof Ort> {
  const ort = await import('onnxruntime-web/webgpu');
  // Fetched here rather than by onnxruntime so its 27 MB show in the progress bar.
  ort.env.wasm.wasmBinary ??= await fetchWithProgress(originUrl(ortWasmUrl), 'model runtime', onProgress, signal);
  ort.env.wasm.wasmPaths = { mjs: originUrl(ortMjsUrl), wasm: originUrl(ortWasmUrl) };
  // Threads need cross-origin isolation (COOP + COEP). Every core reads: two threads on two cores take 0.7
  // of one thread's time and cost the page no CPU time (docs/BENCHMARKS.md).
  ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  ort.env.logLevel = 'error';
  return ort;
}

/**
 * onnxruntime-web's CPU-only build (no WebGPU, no asyncify: 14 MB of wasm instead of 27, compiled in half the
 * time) for the embedded OCR, compiled once for the engine worker and all its line readers: a compiled module
 * posted to a worker shares its code, so the cores tier it up once instead of once per worker. It is compiled
 * from Loupe's own Cache Storage copy on every visit, the first included, so later visits start optimized.
 */
export function compileCpuRuntime(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<WebAssembly.Module> {
  return compileCachedWasm(originUrl(cpuWasmUrl), RUNTIME_CACHES.ocr, (url) => fetchWithProgress(url, 'OCR runtime', onProgress, signal));
}

/**
 * onnxruntime-web's CPU-only build, instantiated from a module `compileCpuRuntime` compiled. `threads` above 1
 * need cross-origin isolation; the line readers run one thread each, one reader per core (docs/BENCHMARKS.md).
 */
export async function loadCpuOrt(runtime: WebAssembly.Module, threads = 1): Promise<typeof OrtCpu> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmBinary ??= instantiatesFrom(runtime);
  ort.env.wasm.wasmPaths = { mjs: originUrl(cpuMjsUrl), wasm: originUrl(cpuWasmUrl) };
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  return ort;
}

// What onnxruntime is handed as its wasm bytes: not wasm, a mark that the instantiation below recognizes.
const MODULE_MARK = new TextEncoder().encode('loupe:compiled-module');

/**
 * onnxruntime-web takes its runtime only as bytes (or a URL), which it compiles again in every worker.
 * Handed the mark, its `WebAssembly.instantiate(bytes, imports)` instantiates the compiled module instead;
 * any other call goes through untouched.
 */
function instantiatesFrom(runtime: WebAssembly.Module): Uint8Array {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  const isMark = (source: unknown) =>
    source instanceof Uint8Array && source.length === MODULE_MARK.length && source.every((byte, i) => byte === MODULE_MARK[i]);
  WebAssembly.instantiate = ((source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) =>
    isMark(source)
      ? instantiate(runtime, imports).then((instance) => ({ instance, module: runtime }))
      : instantiate(source as BufferSource, imports)) as typeof WebAssembly.instantiate;
  return MODULE_MARK;
}
