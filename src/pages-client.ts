import type { DocumentKind, PageCorrection, PagesRequest, PagesResponse, PreparedPage } from './protocol';
import { WorkerConnection } from './workers/connection';
import type { PageRange } from './reader/page-range';
import type { ExtractOptions } from './receipt/extract';
import type { Receipt } from './receipt/schema';

const connection = new WorkerConnection<PagesRequest, PagesResponse>(
  () => new Worker(new URL('../workers/pages.worker.ts', import.meta.url), { type: 'module', name: 'loupe-pages' }),
  (id, target) => ({ type: 'cancel', id, target }),
);

interface Opened {
  kind: DocumentKind;
  mime: string;
  pageCount: number;
}

/**
 * Streams a file's pages out of the pages worker; resolves after the last page. When `onPage`
 * returns a promise, the worker prepares further pages only as those promises settle.
 */
export function openDocument(
  file: Blob,
  options: {
    range?: PageRange;
    /** By page index, how to cut and turn each page before it is read; photos without one are straightened when found. */
    corrections?: Record<number, PageCorrection>;
    signal?: AbortSignal;
    onOpened?: (info: Opened) => void;
    onPage: (page: PreparedPage) => Promise<void> | void;
  },
): Promise<Opened> {
  let opened: Opened | undefined;
  let callId = 0;
  const pageRead = () => connection.send({ type: 'page-read', id: connection.newId(), target: callId });
  return connection.call<Opened>(
    (id) => {
      callId = id;
      return { type: 'open', id, file, range: options.range ?? { from: 1, to: Number.MAX_SAFE_INTEGER }, corrections: options.corrections ?? {} };
    },
    (reply) => {
      if (reply.type === 'opened') {
        opened = { kind: reply.kind, mime: reply.mime, pageCount: reply.pageCount };
        options.onOpened?.(opened);
      } else if (reply.type === 'page') void Promise.resolve(options.onPage(reply.page)).finally(pageRead);
      else if (reply.type === 'done') return opened ?? { kind: 'image', mime: '', pageCount: 0 };
      return undefined;
    },
    { signal: options.signal },
  );
}

/** A text's receipt fields, extracted in the pages worker so the page never waits on the extractor. */
export function extractFields(text: string, options: ExtractOptions): Promise<Receipt> {
  return connection.call<Receipt>(
    (id) => ({ type: 'extract', id, text, options }),
    (reply) => (reply.type === 'extracted' ? reply.receipt : undefined),
  );
}
