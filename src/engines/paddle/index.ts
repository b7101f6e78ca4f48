import type * as Ort from 'onnxruntime-web/wasm';
import type { Engine } from '../engine';
import { throwIfAborted } from '../engine';
import { LoupeError } from '../../errors';
import { vendorUrl } from '../vendor-url';
import { fetchWithProgress } from '../fetch-with-progress';
import { compileCpuRuntime, loadCpuOrt } from '../ort-runtime';
import { PADDLE_SESSION_OPTIONS, PaddleOcr, paddleAlphabet, sessionReader } from './paddle-ocr';
import { laneCount, startLineReaderWorkers, type LineReaderWorkers } from './line-reader-workers';
import { stopwatch } from './stopwatch';

/**
 * PaddleOCR PP-OCRv4 on onnxruntime-web's CPU build: detection in the engine worker, recognition on one
 * line-reader worker per core (at most three), each reading the next box as soon as it is free. The
 * engine worker only crops and hands out boxes, so a reader never waits for the engine worker's own
 * inference to end before it gets its next box.
 */
export function createPaddleEngine(): Engine {
  let ocr: PaddleOcr | undefined;
  let sessions: Ort.InferenceSession[] = [];
  let helpers: LineReaderWorkers | undefined;

  return {
    async load(onProgress, signal) {
      const stages = stopwatch();
      const [runtime, det, rec, keys] = await Promise.all([
        compileCpuRuntime(onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/det.onnx'), 'text detector', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/rec.onnx'), 'text recognizer', onProgress, signal),
        fetchWithProgress(vendorUrl('paddle/keys.txt'), 'character set', onProgress, signal),
      ]);
      throwIfAborted(signal);
      stages.lap('files');
      const alphabet = paddleAlphabet(new TextDecoder().decode(keys));
      const starting = startLineReaderWorkers(laneCount(), { runtime, model: rec, alphabet });
      try {
        const ort = await loadCpuOrt(runtime, self.crossOriginIsolated ? laneCount() : 1);
        sessions = [await ort.InferenceSession.create(det, PADDLE_SESSION_OPTIONS)];
        stages.lap('detector');
        helpers = await starting;
        stages.lap('line readers');
        // No worker could start (a browser short of memory): the engine worker reads the boxes itself.
        if (helpers.readers.length === 0) sessions.push(await ort.InferenceSession.create(rec, PADDLE_SESSION_OPTIONS));
        const readers = sessions[1] ? [sessionReader(ort, sessions[1], alphabet)] : helpers.readers;
        ocr = new PaddleOcr(ort, sessions[0]!, readers);
      } catch (error) {
        void starting.then((started) => started.close());
        throw new LoupeError('engine-load-failed', `The OCR models could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
      await warmUp(ocr);
      stages.lap('warm-up');
      return Object.fromEntries(Object.entries(stages.laps).map(([stage, ms]) => [stage, Math.round(ms)]));
    },

    recognize(image, options) {
      if (!ocr) throw new LoupeError('engine-failed', 'The PaddleOCR engine is not loaded.');
      return ocr.recognize(image, options);
    },

    async dispose() {
      helpers?.close();
      helpers = undefined;
      await Promise.all(sessions.map((s) => s.release()));
      sessions = [];
      ocr = undefined;
    },
  };
}

/**
 * The first runs grow the wasm heap and have the hot kernels compiled to optimized code; pay for that during
 * load (which starts when the page is idle, before the user has picked a file), not on the user's first page.
 * A small page like a receipt (rows of dark bars of varied width) does it: a 640 × 960 one made a later visit
 * 0.5 s slower to the first text and the first page no faster (docs/BENCHMARKS.md).
 */
async function warmUp(ocr: PaddleOcr): Promise<void> {
  const width = 320;
  const height = 480;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let row = 0; row < 10; row++) {
    const top = 20 + row * 40;
    const length = 60 + ((row * 137) % 220);
    for (let y = top; y < top + 14; y++)
      data.fill(0, (y * width + 40) * 4, (y * width + 40 + length) * 4);
  }
  await ocr.recognize({ width, height, data });
}
