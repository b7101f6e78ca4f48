/// <reference lib="webworker" />
import { readFile } from '../src/pipeline/read-file';
import { abortError } from '../src/engines/engine';
import { serializeError } from '../src/errors';
import type { PagesRequest, PagesResponse } from '../src/protocol';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, AbortController>();
const post = (message: PagesResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.addEventListener('message', (event: MessageEvent<PagesRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.target)?.abort(abortError());
    return;
  }
  const { id } = request;
  const controller = new AbortController();
  running.set(id, controller);
  readFile(request.file, controller.signal, {
    onOpened: (info) => post({ type: 'opened', id, ...info }),
    onPage: (page) => post({ type: 'page', id, page }, page.pixels ? [page.pixels.data.buffer] : []),
  })
    .then(() => post({ type: 'done', id }))
    .catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }))
    .finally(() => running.delete(id));
});
