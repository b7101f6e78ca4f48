import type * as Ort from 'onnxruntime-web/webgpu';
import type { Engine, RecognizedLine, RgbaImage } from '../engine';
import { throwIfAborted } from '../engine';
import { LoupeError } from '../../errors';
import { vendorUrl } from '../vendor-url';
import { fetchWithProgress } from '../fetch-with-progress';
import { boxesFromProbabilityMap, type DetectedBox } from '../../pipeline/ocr/db-postprocess';
import { decodeCtc } from '../../pipeline/ocr/ctc';
import { groupIntoLines } from '../../pipeline/ocr/reading-order';
import { regionToTensor } from '../../pipeline/ocr/tensor';
import { detectionSize, recognitionInput, REC_HEIGHT } from './geometry';

const DET_NORM = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] } as const;
const REC_NORM = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } as const;

/**
 * PaddleOCR PP-OCRv4 (detection + recognition) on onnxruntime-web's WASM backend, the same runtime
 * files transformers.js loads, so the two engines share one download.
 */
export function createPaddleEngine(): Engine {
  let det: Ort.InferenceSession | undefined;
  let rec: Ort.InferenceSession | undefined;
  let alphabet: string[] = [];
  let ort: typeof Ort | undefined;

  return {
    async load(onProgress, signal) {
      ort = await import('onnxruntime-web/webgpu');
      ort.env.wasm.wasmPaths = {
        mjs: vendorUrl('ort/ort-wasm-simd-threaded.asyncify.mjs'),
        wasm: vendorUrl('ort/ort-wasm-simd-threaded.asyncify.wasm'),
      };
      // Threads need cross-origin isolation; one thread works everywhere.
      ort.env.wasm.numThreads = 1;
      ort.env.logLevel = 'error';
      const [detBytes, recBytes, keys] = await Promise.all([
        fetchWithProgress(vendorUrl('paddle/det.onnx'), 'text detector', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/rec.onnx'), 'text recognizer', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/keys.txt'), 'character set', onProgress, signal),
      ]);
      throwIfAborted(signal);
      // Index 0 is CTC's blank; the model's last class is the space.
      alphabet = ['', ...new TextDecoder().decode(keys).split(/\r?\n/).filter((_, i, all) => i < all.length - 1 || all[i] !== ''), ' '];
      try {
        const options: Ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
        det = await ort.InferenceSession.create(detBytes, options);
        rec = await ort.InferenceSession.create(recBytes, options);
      } catch (error) {
        throw new LoupeError('engine-load-failed', `The OCR models could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async recognize(image: RgbaImage, options = {}) {
      if (!det || !rec || !ort) throw new LoupeError('engine-failed', 'The PaddleOCR engine is not loaded.');
      const { signal, onPartial } = options;
      throwIfAborted(signal);
      const timings: Record<string, number> = {};
      let mark = performance.now();
      const lap = (name: string) => {
        const now = performance.now();
        timings[name] = (timings[name] ?? 0) + now - mark;
        mark = now;
      };

      const size = detectionSize(image.width, image.height);
      const input = regionToTensor(image, { x: 0, y: 0, width: image.width, height: image.height }, size.width, size.height, DET_NORM);
      lap('prepare');
      const detOut = await det.run({ [det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, size.height, size.width]) });
      const prob = detOut[det.outputNames[0]!]!.data as Float32Array;
      lap('detect');
      const scaleX = image.width / size.width;
      const scaleY = image.height / size.height;
      const boxes = boxesFromProbabilityMap(prob, size.width, size.height).map((b) => ({
        ...b,
        x: b.x * scaleX,
        y: b.y * scaleY,
        width: b.width * scaleX,
        height: b.height * scaleY,
      }));
      lap('postprocess');

      const lines: RecognizedLine[] = [];
      const texts: string[] = [];
      for (const line of groupIntoLines<DetectedBox>(boxes)) {
        throwIfAborted(signal);
        const words: string[] = [];
        let confidence = 0;
        for (const box of line) {
          const shape = recognitionInput(box.width, box.height);
          const tensor = regionToTensor(image, box, shape.width, REC_HEIGHT, REC_NORM, shape.contentWidth, 0);
          const out = await rec.run({ [rec.inputNames[0]!]: new ort.Tensor('float32', tensor, [1, 3, REC_HEIGHT, shape.width]) });
          const logits = out[rec.outputNames[0]!]!;
          const [, steps, classes] = logits.dims as [number, number, number];
          const decoded = decodeCtc(logits.data as Float32Array, steps, classes, alphabet);
          if (decoded.text) words.push(decoded.text);
          confidence += decoded.confidence / line.length;
        }
        lap('recognize');
        const text = words.join(' ');
        if (!text) continue;
        const x = Math.min(...line.map((b) => b.x));
        const y = Math.min(...line.map((b) => b.y));
        lines.push({
          text,
          confidence,
          box: { x, y, width: Math.max(...line.map((b) => b.x + b.width)) - x, height: Math.max(...line.map((b) => b.y + b.height)) - y },
        });
        texts.push(text);
        onPartial?.(texts.join('\n'));
      }
      return { text: texts.join('\n'), lines, timings };
    },

    async dispose() {
      await det?.release();
      await rec?.release();
      det = rec = undefined;
    },
  };
}
