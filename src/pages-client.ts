import type { DocumentKind, PagesRequest, PagesResponse, PreparedPage } from './protocol';
import { WorkerConnection } from './workers/connection';

const connection = new WorkerConnection<PagesRequest, PagesResponse>(
  () => new Worker(new URL('../workers/pages.worker.ts', import.meta.url), { type: 'module', name: 'loupe-pages' }),
  (id, target) => ({ type: 'cancel', id, target }),
);

interface Opened {
  kind: DocumentKind;
  mime: string;
  pageCount: number;
}

/** Streams a file's pages out of the pages worker; resolves after the last page. */
export function openDocument(
  file: Blob,
  options: { signal?: AbortSignal; onOpened?: (info: Opened) => void; onPage: (page: PreparedPage) => void },
): Promise<Opened> {
  let opened: Opened | undefined;
  return connection.call<Opened>(
    (id) => ({ type: 'open', id, file }),
    (reply) => {
      if (reply.type === 'opened') {
        opened = { kind: reply.kind, mime: reply.mime, pageCount: reply.pageCount };
        options.onOpened?.(opened);
      } else if (reply.type === 'page') options.onPage(reply.page);
      else if (reply.type === 'done') return opened ?? { kind: 'image', mime: '', pageCount: 0 };
      return undefined;
    },
    { signal: options.signal },
  );
}
