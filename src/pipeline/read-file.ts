import type { DocumentKind, PageCorrection, PreparedPage } from '../protocol';
import { throwIfAborted } from '../engines/engine';
import { checkIngest } from './ingest/sniff';
import { prepareImagePage } from './image/prepare-image';
import { correctPage } from './image/capture/correct-page';
import { AUTO_CORRECTION } from './image/capture/auto-correction';
import { openPdf, readPdfPage } from './pdf/read-pdf';
import { rangeIndexes, type PageRange } from '../reader/page-range';

export interface FileCallbacks {
  onOpened: (info: { kind: DocumentKind; mime: string; pageCount: number }) => void;
  /** Called once per page, in order; the page's pixels may be transferred away by the receiver. */
  onPage: (page: PreparedPage) => void;
  /** Resolves when the reader has room for another page (backpressure). */
  roomForPage: () => Promise<void>;
}

/** Bytes in, pages out: the whole front of the pipeline for one file, run inside the pages worker. */
export async function readFile(
  file: Blob,
  range: PageRange,
  signal: AbortSignal,
  callbacks: FileCallbacks,
  corrections: Readonly<Record<number, PageCorrection>> = {},
): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = checkIngest(bytes, file instanceof File ? file.name : '');
  if (type.kind === 'image') {
    callbacks.onOpened({ kind: 'image', mime: type.mime, pageCount: 1 });
    await callbacks.roomForPage();
    const { page, upright } = await prepareImagePage(file, bytes, type.mime);
    throwIfAborted(signal);
    callbacks.onPage(await correctPage(page, corrections[0] ?? AUTO_CORRECTION, upright));
    return;
  }
  const pdf = await openPdf(bytes);
  try {
    callbacks.onOpened({ kind: 'pdf', mime: type.mime, pageCount: pdf.numPages });
    const { first, last } = rangeIndexes(range, pdf.numPages);
    for (let index = first; index <= last; index++) {
      await callbacks.roomForPage();
      throwIfAborted(signal);
      const correction = corrections[index];
      // A PDF page is flat as it is: only what the user asked for is done to it, and then it is read from its pixels.
      const page = await readPdfPage(pdf, index, signal, { pixels: correction !== undefined });
      callbacks.onPage(correction && page.pixels ? await correctPage({ ...page, pixels: page.pixels }, correction, page) : page);
    }
  } finally {
    await pdf.destroy();
  }
}
