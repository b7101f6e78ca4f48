import type * as Ort from 'onnxruntime-web/webgpu';
import type * as OrtCpu from 'onnxruntime-web/wasm';
import type { LoadProgress } from './engine';
import { fetchWithProgress } from './fetch-with-progress';
import { RUNTIME_CACHES } from '../pwa/caches';
// The build emits these once, hashed, from Loupe's own origin; onnxruntime-web would otherwise fetch them from a CDN.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import cpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import cpuMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';

const absolute = (url: string) => new URL(url, self.location.origin).href;

/**
 * onnxruntime-web as transformers.js loads it (the WebGPU build, whose asyncify wasm also runs the
 * WASM backend), for SmolVLM.
 */
export async function loadOrt(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<typeof Ort> {
  const ort = await import('onnxruntime-web/webgpu');
  // Fetched here rather than by onnxruntime so its 27 MB show in the progress bar.
  ort.env.wasm.wasmBinary ??= await fetchWithProgress(absolute(ortWasmUrl), 'model runtime', onProgress, signal);
  ort.env.wasm.wasmPaths = { mjs: absolute(ortMjsUrl), wasm: absolute(ortWasmUrl) };
  // Threads need cross-origin isolation (COOP + COEP). Every core reads: two threads on two cores take 0.7
  // of one thread's time and cost the page no CPU time (docs/BENCHMARKS.md).
  ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  ort.env.logLevel = 'error';
  return ort;
}

// Loupe's own copy of the OCR runtime, so it is compiled from Cache Storage on every visit, the first included:
// Chromium then keeps the optimized machine code beside the cached response and later visits skip compiling.
const RUNTIME_CACHE = RUNTIME_CACHES.ocr;

/**
 * onnxruntime-web's CPU-only build (no WebGPU, no asyncify: 14 MB of wasm instead of 27, compiled in half the
 * time) for the embedded OCR, compiled once for the engine worker and all its line readers: a compiled module
 * posted to a worker shares its code, so the cores tier it up once instead of once per worker.
 */
export async function compileCpuRuntime(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<WebAssembly.Module> {
  const url = absolute(cpuWasmUrl);
  const cache = await globalThis.caches?.open(RUNTIME_CACHE).catch(() => undefined);
  const cached = await cache?.match(url);
  // A damaged or half-evicted copy is dropped and fetched again, rather than failing every load from now on.
  if (cached) {
    const compiled = await WebAssembly.compileStreaming(cached).catch(() => undefined);
    if (compiled) return compiled;
    await cache!.delete(url);
  }
  const bytes = await fetchWithProgress(url, 'OCR runtime', onProgress, signal);
  if (!cache) return WebAssembly.compile(bytes);
  // A new release's runtime replaces the old one's. A cache that cannot take it (storage full) only costs the next visit a compile.
  const stored = await Promise.all((await cache.keys()).map((old) => cache.delete(old)))
    .then(() => cache.put(url, new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } })))
    .then(() => cache.match(url))
    .catch(() => undefined);
  return stored ? WebAssembly.compileStreaming(stored) : WebAssembly.compile(bytes);
}

/**
 * onnxruntime-web's CPU-only build, instantiated from a module `compileCpuRuntime` compiled. `threads` above 1
 * need cross-origin isolation; the line readers run one thread each, one reader per core (docs/BENCHMARKS.md).
 */
export async function loadCpuOrt(runtime: WebAssembly.Module, threads = 1): Promise<typeof OrtCpu> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmBinary ??= instantiatesFrom(runtime);
  ort.env.wasm.wasmPaths = { mjs: absolute(cpuMjsUrl), wasm: absolute(cpuWasmUrl) };
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
