import type * as Ort from 'onnxruntime-web/webgpu';
import type { LoadProgress } from './engine';
import { fetchWithProgress } from './fetch-with-progress';
// The build emits these once, hashed, from Loupe's own origin; onnxruntime-web would otherwise fetch them from a CDN.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

/**
 * onnxruntime-web as transformers.js loads it (the WebGPU build, whose asyncify wasm also runs the
 * WASM backend), configured once for every engine in this worker.
 */
export async function loadOrt(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<typeof Ort> {
  const ort = await import('onnxruntime-web/webgpu');
  // Fetched here rather than by onnxruntime so its 27 MB show in the progress bar.
  ort.env.wasm.wasmBinary ??= await fetchWithProgress(new URL(ortWasmUrl, self.location.origin).href, 'OCR runtime', onProgress, signal);
  ort.env.wasm.wasmPaths = {
    mjs: new URL(ortMjsUrl, self.location.origin).href,
    wasm: new URL(ortWasmUrl, self.location.origin).href,
  };
  // Threads need cross-origin isolation (COOP + COEP). Every core reads: two threads on two cores take 0.7
  // of one thread's time and cost the page no CPU time (docs/BENCHMARKS.md).
  ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
  ort.env.logLevel = 'error';
  return ort;
}
