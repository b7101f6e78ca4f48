import type { DocumentKind, PreparedPage } from '../protocol';
import { throwIfAborted } from '../engines/engine';
import { checkIngest } from './ingest/sniff';
import { prepareImagePage } from './image/prepare-image';
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
export async function readFile(file: Blob, range: PageRange, signal: AbortSignal, callbacks: FileCallbacks): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = checkIngest(bytes, file instanceof File ? file.name : '');
  if (type.kind === 'image') {
    callbacks.onOpened({ kind: 'image', mime: type.mime, pageCount: 1 });
    await callbacks.roomForPage();
    callbacks.onPage(await prepareImagePage(file, bytes, type.mime));
    return;
  }
  const pdf = await openPdf(bytes);
  try {
    callbacks.onOpened({ kind: 'pdf', mime: type.mime, pageCount: pdf.numPages });
    const { first, last } = rangeIndexes(range, pdf.numPages);
    for (let index = first; index <= last; index++) {
      await callbacks.roomForPage();
      throwIfAborted(signal);
      callbacks.onPage(await readPdfPage(pdf, index, signal));
    }
  } finally {
    await pdf.destroy();
  }
}
