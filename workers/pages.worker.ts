/// <reference lib="webworker" />
import { readFile } from '../src/pipeline/read-file';
import { abortError } from '../src/engines/engine';
import { serializeError } from '../src/errors';
import type { PagesRequest, PagesResponse } from '../src/protocol';
import { PageWindow } from '../src/pipeline/page-window';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, { controller: AbortController; ahead: PageWindow }>();
const post = (message: PagesResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);
// The extractor and its lexicon load on the first receipt, not with every worker that only reads pages.
let extractor: Promise<typeof import('../src/receipt/extract')> | null = null;

self.addEventListener('message', (event: MessageEvent<PagesRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.target)?.controller.abort(abortError());
    return;
  }
  if (request.type === 'page-read') {
    running.get(request.target)?.ahead.release();
    return;
  }
  const { id } = request;
  if (request.type === 'extract') {
    extractor ??= import('../src/receipt/extract');
    extractor
      .then(({ extractReceipt }) => post({ type: 'extracted', id, receipt: extractReceipt(request.text, request.options) }))
      .catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }));
    return;
  }
  const controller = new AbortController();
  const ahead = new PageWindow();
  running.set(id, { controller, ahead });
  readFile(request.file, request.range, controller.signal, {
    onOpened: (info) => post({ type: 'opened', id, ...info }),
    onPage: (page) => post({ type: 'page', id, page }, page.pixels ? [page.pixels.data.buffer] : []),
    roomForPage: () => ahead.acquire(controller.signal),
  }, request.corrections)
    .then(() => post({ type: 'done', id }))
    .catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }))
    .finally(() => running.delete(id));
});
