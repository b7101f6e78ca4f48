import type * as Ort from 'onnxruntime-web/webgpu';
import type { Engine } from '../engine';
import { throwIfAborted } from '../engine';
import { LoupeError } from '../../errors';
import { vendorUrl } from '../vendor-url';
import { fetchWithProgress } from '../fetch-with-progress';
import { PaddleOcr, paddleAlphabet } from './paddle-ocr';
import { loadOrt } from '../ort-runtime';

/**
 * PaddleOCR PP-OCRv4 on onnxruntime-web's WASM backend: the same runtime files transformers.js loads,
 * so the embedded engine and SmolVLM share one download. Its plain-WASM build measured no faster.
 */
export function createPaddleEngine(): Engine {
  let ocr: PaddleOcr | undefined;
  let sessions: Ort.InferenceSession[] = [];

  return {
    async load(onProgress, signal) {
      const ort = await loadOrt(onProgress, signal);
      const [det, rec, keys] = await Promise.all([
        fetchWithProgress(vendorUrl('paddle/det.onnx'), 'text detector', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/rec.onnx'), 'text recognizer', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/keys.txt'), 'character set', onProgress, signal),
      ]);
      throwIfAborted(signal);
      try {
        const options: Ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
        sessions = [await ort.InferenceSession.create(det, options), await ort.InferenceSession.create(rec, options)];
      } catch (error) {
        throw new LoupeError('engine-load-failed', `The OCR models could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
      ocr = new PaddleOcr(ort, sessions[0]!, sessions[1]!, paddleAlphabet(new TextDecoder().decode(keys)));
      await warmUp(ocr);
    },

    recognize(image, options) {
      if (!ocr) throw new LoupeError('engine-failed', 'The PaddleOCR engine is not loaded.');
      return ocr.recognize(image, options);
    },

    async dispose() {
      await Promise.all(sessions.map((s) => s.release()));
      sessions = [];
      ocr = undefined;
    },
  };
}

/**
 * The first runs grow the wasm heap and tune its kernels; pay for that during load, on a page shaped
 * like a receipt (rows of dark bars of varied width), not on the user's first page.
 */
async function warmUp(ocr: PaddleOcr): Promise<void> {
  const width = 640;
  const height = 960;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let row = 0; row < 24; row++) {
    const top = 30 + row * 38;
    const length = 80 + ((row * 137) % 480);
    for (let y = top; y < top + 14; y++)
      data.fill(0, (y * width + 40) * 4, (y * width + 40 + length) * 4);
  }
  await ocr.recognize({ width, height, data });
}
