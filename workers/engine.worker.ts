/// <reference lib="webworker" />
import { createEngineHandler } from '../src/engines/handler';
import { createEngine } from '../src/engines/registry';
import type { EngineRequest } from '../src/protocol';

declare const self: DedicatedWorkerGlobalScope;

const handle = createEngineHandler(createEngine, (message, transfer) => self.postMessage(message, transfer ?? []));

self.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  void handle(event.data);
});
