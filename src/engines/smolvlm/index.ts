import type { Engine } from '../engine';
import { LoupeError } from '../../errors';
import { loadOrt } from '../ort-runtime';
import { loadVlm } from './load-model';
import { transcribe, type LoadedVlm } from './transcribe';
import type { SmolVlmConfig } from './config';

/**
 * A SmolVLM behind the Engine contract. onnxruntime-web is set up by the same code as the embedded
 * engine (wasm from Loupe's origin, with progress), and transformers.js imports that same module.
 */
export function createSmolVlmEngine(config: SmolVlmConfig): Engine {
  let vlm: LoadedVlm | undefined;
  return {
    async load(onProgress, signal) {
      await loadOrt(onProgress, signal);
      try {
        vlm = await loadVlm(config.source, { device: config.device, dtype: config.dtype, onProgress, signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new LoupeError('engine-load-failed', `The SmolVLM model could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      }
      // The first generation compiles shaders and grows buffers: pay for it now, not on the first page.
      await transcribe(vlm, { width: 32, height: 32, data: new Uint8ClampedArray(32 * 32 * 4).fill(255) }, { maxNewTokens: 1, signal });
    },

    recognize(image, options) {
      if (!vlm) throw new LoupeError('engine-failed', 'The SmolVLM model is not loaded.');
      return transcribe(vlm, image, options);
    },

    async dispose() {
      await vlm?.model.dispose();
      vlm = undefined;
    },
  };
}
