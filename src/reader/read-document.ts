import type { RecognizeResult, RgbaImage } from '../engines/engine';
import { throwIfAborted } from '../engines/engine';
import type { DocumentKind, PageCorrection, PageGeometry, PageLine, PageSource, PreparedPage } from '../protocol';
import { rangeIndexes, type PageRange } from './page-range';

/** What reading a document needs from the rest of the app; fakes in tests, workers and IndexedDB in the app. */
export interface ReaderPorts {
  openDocument(
    file: Blob,
    /** `onPage` resolves once the page is recognized and stored: the pages worker waits for that before running further ahead. */
    options: {
      range: PageRange;
      corrections: Record<number, PageCorrection>;
      signal: AbortSignal;
      onOpened: (pageCount: number) => void;
      onPage: (page: PreparedPage) => Promise<void>;
    },
  ): Promise<{ kind: DocumentKind; mime: string; pageCount: number }>;
  /** Loads the chosen engine if needed; resolves with its id. */
  ensureEngine(signal: AbortSignal): Promise<string>;
  recognize(image: RgbaImage, options: { signal: AbortSignal; onPartial: (text: string) => void }): Promise<RecognizeResult>;
  /** `sourceImage`: the page before it was cut out or turned, when it was. */
  savePage(docId: string, page: ReadPage, image: Blob, sourceImage?: Blob): Promise<void>;
}

export interface ReadPage {
  index: number;
  source: PageSource;
  text: string;
  /** Each line read and its box on the page image (a text-layer page's from pdf.js, an OCR page's from the engine). */
  lines: PageLine[];
  width: number;
  height: number;
  timings: Record<string, number>;
  geometry?: PageGeometry;
}

export interface ReadProgress {
  /** Pages to read in this run (a long PDF's chosen range, not all its pages). */
  pageCount: number;
  pagesDone: number;
  /** Text of the page being recognized, as streamed so far. */
  partial?: { index: number; text: string };
}

export interface ReadOutcome {
  kind: DocumentKind;
  mime: string;
  pageCount: number;
  engine?: string;
  readMs: number;
}

/**
 * Reads one document: pages stream out of the pages worker while earlier ones are recognized,
 * each page is stored as soon as it is read, so a crash or cancel keeps every finished page.
 */
export async function readDocument(
  docId: string,
  file: Blob,
  ports: ReaderPorts,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
  range: PageRange,
  corrections: Record<number, PageCorrection> = {},
): Promise<ReadOutcome> {
  const started = performance.now();
  let pageCount = 0;
  let pagesDone = 0;
  let engine: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;

  const readPage = async (page: PreparedPage) => {
    throwIfAborted(signal);
    let text = page.text ?? '';
    let lines = page.lines ?? [];
    let timings: Record<string, number> = {};
    if (page.source === 'ocr') {
      if (!page.pixels) throw new Error(`Page ${page.index + 1} has no pixels to recognize.`);
      engine ??= await ports.ensureEngine(signal);
      const pageStarted = performance.now();
      const result = await ports.recognize(page.pixels, {
        signal,
        onPartial: (partial) => onProgress({ pageCount, pagesDone, partial: { index: page.index, text: partial } }),
      });
      text = result.text;
      // The engine read the page image's own pixels, so its boxes are already in the image's space.
      lines = result.lines.map(({ text: lineText, box }) => ({ text: lineText, box: [box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10) as PageLine['box'] }));
      timings = { ...result.timings, total: performance.now() - pageStarted };
    }
    const read: ReadPage = { index: page.index, source: page.source, text, lines, width: page.width, height: page.height, timings };
    if (page.geometry) read.geometry = page.geometry;
    await ports.savePage(docId, read, page.image, page.sourceImage);
    pagesDone += 1;
    onProgress({ pageCount, pagesDone });
  };

  const opening = ports.openDocument(file, {
    range,
    corrections,
    signal,
    onOpened: (count) => {
      const { first, last } = rangeIndexes(range, count);
      pageCount = Math.max(0, last - first + 1);
      onProgress({ pageCount, pagesDone });
    },
    onPage: (page) => {
      chain = chain.then(() => (failure ? undefined : readPage(page))).catch((error: unknown) => {
        failure ??= error;
      });
      return chain;
    },
  });
  // Let pages already read finish storing even when the file turns out to be broken further in.
  const opened = await opening.finally(() => chain);
  if (failure) throw failure;
  throwIfAborted(signal);
  return { ...opened, engine, readMs: performance.now() - started };
}
