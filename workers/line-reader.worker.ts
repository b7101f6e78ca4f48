/// <reference lib="webworker" />
import { loadLineReader } from '../src/engines/paddle/line-reader';
import type { LineReader } from '../src/engines/paddle/paddle-ocr';
import { serializeError } from '../src/errors';
import type { LineReaderRequest, LineReaderResponse } from '../src/protocol';

declare const self: DedicatedWorkerGlobalScope;

let reader: Promise<LineReader> | undefined;
const post = (message: LineReaderResponse) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<LineReaderRequest>) => {
  const request = event.data;
  // A box reads in milliseconds: a cancelled page simply hands out no more boxes.
  if (request.type === 'cancel') return;
  const answer =
    request.type === 'load'
      ? (reader = loadLineReader(request)).then((): LineReaderResponse => ({ type: 'loaded', id: request.id }))
      : (reader ?? Promise.reject(new Error('The line reader is not loaded.')))
          .then((read) => read(request.crop, request.width))
          .then((decoded): LineReaderResponse => ({ type: 'read', id: request.id, decoded }));
  answer.then(post, (error: unknown) => post({ type: 'error', id: request.id, error: serializeError(error) }));
});
