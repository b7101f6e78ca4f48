import type { Worker as TesseractWorker } from 'tesseract.js';
import type { Engine, RecognizedLine, RgbaImage } from '../engine';
import { throwIfAborted } from '../engine';
import { LoupeError } from '../../errors';
import { vendorUrl } from '../vendor-url';

/** Tesseract's LSTM engine in its own (nested) worker; every file comes from Loupe's origin. */
export function createTesseractEngine(): Engine {
  let worker: TesseractWorker | undefined;

  return {
    async load(onProgress, signal) {
      const { createWorker, OEM, PSM } = await import('tesseract.js');
      throwIfAborted(signal);
      try {
        worker = await createWorker('eng', OEM.LSTM_ONLY, {
          workerPath: vendorUrl('tesseract/worker.min.js'),
          corePath: vendorUrl('tesseract/core/'),
          langPath: vendorUrl('tesseract/lang/'),
          gzip: true,
          // The service worker caches these files; a second copy in IndexedDB would only cost space.
          cacheMethod: 'none',
          workerBlobURL: false,
          logger: (m) => {
            if (m.status.startsWith('loading')) onProgress({ file: m.status.replace('loading ', ''), loaded: m.progress, total: 1 });
          },
        });
        // Receipts are one column of short lines: uniform-block segmentation keeps their reading order.
        await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '1', user_defined_dpi: '300' });
      } catch (error) {
        throw new LoupeError('engine-load-failed', `The Tesseract engine could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
      throwIfAborted(signal);
    },

    async recognize(image: RgbaImage, options = {}) {
      if (!worker) throw new LoupeError('engine-failed', 'The Tesseract engine is not loaded.');
      throwIfAborted(options.signal);
      const started = performance.now();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new LoupeError('engine-failed', 'This browser cannot draw images in a worker.');
      ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
      const prepared = performance.now();
      // Tesseract cannot be interrupted mid-page; the result of a cancelled page is dropped.
      const { data } = await worker.recognize(canvas, {}, { text: true, blocks: true });
      throwIfAborted(options.signal);
      const lines: RecognizedLine[] = (data.blocks ?? []).flatMap((block) =>
        block.paragraphs.flatMap((paragraph) =>
          paragraph.lines.map((line) => ({
            text: line.text.trim(),
            box: { x: line.bbox.x0, y: line.bbox.y0, width: line.bbox.x1 - line.bbox.x0, height: line.bbox.y1 - line.bbox.y0 },
            confidence: line.confidence / 100,
          })),
        ),
      );
      const text = lines.map((l) => l.text).filter(Boolean).join('\n');
      options.onPartial?.(text);
      return { text, lines, timings: { prepare: prepared - started, recognize: performance.now() - prepared } };
    },

    async dispose() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
