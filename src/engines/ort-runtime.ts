import type * as Ort from 'onnxruntime-web/webgpu';
import type * as OrtCpu from 'onnxruntime-web/wasm';
import type { LoadProgress } from './engine';
import { fetchWithProgress } from './fetch-with-progress';
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

/**
 * The same onnxruntime-web's CPU-only build (no WebGPU, no asyncify: 14 MB of wasm instead of 27, compiled
 * in half the time) for the embedded OCR, whose helper workers each load it from these bytes.
 */
export function fetchCpuRuntime(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<Uint8Array> {
  return fetchWithProgress(absolute(cpuWasmUrl), 'OCR runtime', onProgress, signal);
}

/**
 * onnxruntime-web's CPU-only build. `threads` above 1 need cross-origin isolation; the OCR's line readers
 * run one thread each, one reader per core (docs/BENCHMARKS.md).
 */
export async function loadCpuOrt(wasm: Uint8Array, threads = 1): Promise<typeof OrtCpu> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmBinary ??= wasm;
  ort.env.wasm.wasmPaths = { mjs: absolute(cpuMjsUrl), wasm: absolute(cpuWasmUrl) };
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  return ort;
}
