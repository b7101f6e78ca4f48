import type { Engine, RecognizeOptions } from '../engine';
import { LoupeError } from '../../errors';
import { loadOrt } from '../ort-runtime';
import { loadVlm } from './load-model';
import { transcribe, type LoadedVlm } from './transcribe';
import type { OnnxVlmConfig } from './config';
import { gpuFailure, gpuLost } from './gpu-failure';
import { RECEIPT_JSON_PROMPT } from '../../receipt/model-answer';

type GpuDeviceLike = { lost: Promise<{ message: string; reason?: string }> };

/**
 * A SmolVLM behind the Engine contract. onnxruntime-web is set up by the same code as the embedded
 * engine (wasm from Loupe's origin, with progress), and transformers.js imports that same module.
 * On WebGPU it watches the device: once lost, every page fails at once with a clear error rather than
 * hanging on a GPU that will never answer.
 */
export function createSmolVlmEngine(config: OnnxVlmConfig): Engine {
  let vlm: LoadedVlm | undefined;
  let lost: Promise<never> | undefined;
  let lostError: LoupeError | undefined;

  async function run<T>(work: () => Promise<T>): Promise<T> {
    if (lostError) throw lostError;
    try {
      return await (lost ? Promise.race([work(), lost]) : work());
    } catch (error) {
      if (config.device !== 'webgpu') throw error;
      // A dying GPU can fail the running kernel a moment before the device reports itself lost.
      if (!lostError) await Promise.race([lost?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 250))]);
      throw lostError ?? gpuFailure(error) ?? error;
    }
  }

  return {
    async load(onProgress, signal) {
      const ort = await loadOrt(onProgress, signal);
      try {
        vlm = await loadVlm(config.source, { device: config.device, dtype: config.dtype, onProgress, signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        if (config.device === 'webgpu') {
          const gpu = gpuFailure(error);
          if (gpu) throw gpu;
        }
        throw new LoupeError('engine-load-failed', `The SmolVLM model could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (config.device === 'webgpu') {
        const device = (await ort.env.webgpu.device) as unknown as GpuDeviceLike;
        lost = device.lost.then((info) => {
          lostError = gpuLost(info.message);
          throw lostError;
        });
        // Nobody may be reading when the device goes; the rejection is reported on the next page.
        lost.catch(() => undefined);
      }
      // The first generation compiles shaders and grows buffers: pay for it now, not on the first page.
      await run(() => transcribe(vlm!, { width: 32, height: 32, data: new Uint8ClampedArray(32 * 32 * 4).fill(255) }, { maxNewTokens: 1, signal }));
    },

    recognize(image, options?: RecognizeOptions) {
      if (!vlm) throw new LoupeError('engine-failed', 'The SmolVLM model is not loaded.');
      const loaded = vlm;
      return run(() => transcribe(loaded, image, options));
    },

    readFields(image, options?: RecognizeOptions) {
      if (!vlm) throw new LoupeError('engine-failed', 'The SmolVLM model is not loaded.');
      const loaded = vlm;
      return run(() => transcribe(loaded, image, { ...options, prompt: RECEIPT_JSON_PROMPT, maxNewTokens: 768 }));
    },

    async dispose() {
      await vlm?.model.dispose().catch(() => undefined);
      vlm = undefined;
    },
  };
}
