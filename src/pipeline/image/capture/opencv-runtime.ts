// OpenCV.js as scripts/opencv/split-opencv.ts splits it (npm run vendor): loaded on first use, the wasm compiled
// from Loupe's own Cache Storage copy so a later visit skips the compile, the script handed the compiled module.
import scriptUrl from '../../../../generated/opencv/opencv.mjs?url';
import wasmUrl from '../../../../generated/opencv/opencv.wasm?url';
import { RUNTIME_CACHES } from '../../../pwa/caches';
import { compileCachedWasm } from '../../../pwa/compile-cached-wasm';
import { OPENCV_MODULE_GLOBAL } from './opencv-global';
import { fetchWithProgress } from '../../../engines/fetch-with-progress';
import { originUrl } from '../../../engines/vendor-url';

/**
 * The Emscripten module, boxed: OpenCV.js's module object has a `then` that hands back the object itself, so a
 * promise resolved with it (or with a namespace that copies its keys, as bundlers do for CommonJS) never settles.
 */
export async function openCvRuntime(): Promise<{ module: unknown }> {
  // Nobody shows this load's progress: photos wait for it inside their own reading.
  const compiled = await compileCachedWasm(originUrl(wasmUrl), RUNTIME_CACHES.imageToolsWasm, (url) => fetchWithProgress(url, 'image tools', () => undefined));
  // Emscripten makes this object its module: onAbort, set by whoever waits for the runtime, hears a failed instantiation.
  const overrides: { onAbort?: (reason: unknown) => void; instantiateWasm: unknown } = {
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), (error: unknown) => overrides.onAbort?.(error));
      return {};
    },
  };
  (globalThis as Record<string, unknown>)[OPENCV_MODULE_GLOBAL] = overrides;
  const { default: module } = (await import(/* @vite-ignore */ originUrl(scriptUrl))) as { default: unknown };
  return { module };
}
