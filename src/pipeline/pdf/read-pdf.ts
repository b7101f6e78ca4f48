import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PreparedPage } from '../../protocol';
import { LoupeError } from '../../errors';
import { throwIfAborted } from '../../engines/engine';
import { capSize } from '../image/cap';
import { DISPLAY_JPEG_QUALITY } from '../image/prepare-image';
import { chooseTextLayer, pdfRenderScale, pixelBox, textLayerLines } from './text-layer';
import { pdfOpenError } from './open-error';
import { vendorUrl } from '../../engines/vendor-url';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** pdf.js's temporary canvases, made without a `document` (this code runs in a worker). */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(entry: { canvas: OffscreenCanvas }, width: number, height: number) {
    entry.canvas.width = width;
    entry.canvas.height = height;
  }
  destroy(entry: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (entry.canvas) entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}

/** Colour filters need SVG in a document; pages render without them. */
class NoFilterFactory {
  addFilter() {
    return 'none';
  }
  addHCMFilter() {
    return 'none';
  }
  addAlphaFilter() {
    return 'none';
  }
  addLuminosityFilter() {
    return 'none';
  }
  addHighlightHCMFilter() {
    return 'none';
  }
  destroy() {}
}

const vendor = (path: string) => vendorUrl(`pdfjs/${path}`);

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  // pdf.js parses in its own nested worker; left to itself inside a worker it would parse on this thread.
  pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(pdfWorkerUrl, { type: 'module', name: 'pdfjs' });
  try {
    return await pdfjs.getDocument({
      data: bytes,
      // Fonts are drawn as paths: FontFace needs a document, and this runs in a worker.
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: true,
      CanvasFactory: OffscreenCanvasFactory,
      FilterFactory: NoFilterFactory,
      standardFontDataUrl: vendor('standard_fonts/'),
      cMapUrl: vendor('cmaps/'),
      cMapPacked: true,
      // pdf.js's own worker fetches fonts and cmaps; its default check for this reads `document`.
      useWorkerFetch: true,
      wasmUrl: vendor('wasm/'),
      isEvalSupported: false,
      enableXfa: false,
    } as Parameters<typeof pdfjs.getDocument>[0]).promise;
  } catch (error) {
    console.warn('pdf.js could not open the document', error);
    throw pdfOpenError(error);
  }
}

/** One page: its text layer when it has real text, else pixels for the engine; always a display image. */
/** `pixels`: hand out the rendered pixels even of a page with a text layer (to crop or turn it, then recognize it). */
export async function readPdfPage(pdf: PDFDocumentProxy, index: number, signal: AbortSignal, { pixels = false } = {}): Promise<PreparedPage> {
  try {
    return await renderPdfPage(pdf, index, signal, pixels);
  } catch (error) {
    throwIfAborted(signal);
    if (error instanceof LoupeError) throw error;
    console.warn(`pdf.js could not read page ${index + 1}`, error);
    throw new LoupeError('corrupt-pdf', `Page ${index + 1} of this PDF is damaged and can't be read.`);
  }
}

async function renderPdfPage(pdf: PDFDocumentProxy, index: number, signal: AbortSignal, wantPixels: boolean): Promise<PreparedPage> {
  const page = await pdf.getPage(index + 1);
  try {
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    const useText = !wantPixels && chooseTextLayer(items);
    throwIfAborted(signal);

    const base = page.getViewport({ scale: 1 });
    const target = capSize(base.width * pdfRenderScale(), base.height * pdfRenderScale());
    const viewport = page.getViewport({ scale: pdfRenderScale() * target.scale });
    const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot draw PDF pages off the main thread.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js types its canvas as the DOM's; an OffscreenCanvas behaves the same for rendering.
    const task = page.render({ canvas, canvasContext: ctx, viewport } as unknown as Parameters<typeof page.render>[0]);
    const cancel = () => task.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      await task.promise;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    throwIfAborted(signal);
    const image = await canvas.convertToBlob({ type: 'image/jpeg', quality: DISPLAY_JPEG_QUALITY });
    const common = { index, image, width: canvas.width, height: canvas.height };
    if (useText) {
      const lines = textLayerLines(items);
      const text = lines.map((line) => line.text).join('\n');
      return { ...common, source: 'text-layer', text, lines: lines.map((line) => ({ text: line.text, box: pixelBox(line, (x, y) => viewport.convertToViewportPoint(x, y)) })) };
    }
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { ...common, source: 'ocr', pixels: { width: pixels.width, height: pixels.height, data: pixels.data } };
  } finally {
    page.cleanup();
  }
}
