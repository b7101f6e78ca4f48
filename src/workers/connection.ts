import { abortError } from '../engines/engine';
import { LoupeError, deserializeError, type SerializedError } from '../errors';

type Message = { type: string; id: number };
type ErrorMessage = { type: 'error'; id: number; error: SerializedError };

interface Pending<Res> {
  onMessage: (message: Res) => boolean;
  reject: (error: Error) => void;
}

/**
 * Page-side end of a typed worker protocol: request ids, streamed replies, cancel via AbortSignal,
 * and a crashed worker turned into an error on every pending call (the next call starts a fresh worker).
 */
export class WorkerConnection<Req extends Message, Res extends Message> {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Res>>();

  constructor(
    private readonly spawn: () => Worker,
    private readonly cancelRequest: (id: number, target: number) => Req,
    private readonly onCrash?: () => void,
  ) {}

  /**
   * Sends the request built from a fresh id; `onReply` sees each reply and returns a value to finish
   * the call, or undefined to keep listening (progress, partial text).
   */
  call<T>(
    build: (id: number) => Req,
    onReply: (message: Res) => T | undefined,
    options: { signal?: AbortSignal; transfer?: Transferable[] } = {},
  ): Promise<T> {
    const { signal, transfer = [] } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        worker.postMessage(this.cancelRequest(this.nextId++, id));
        finish();
        reject(abortError());
      };
      const finish = () => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
      };
      this.pending.set(id, {
        onMessage: (message) => {
          if (message.type === 'error') {
            finish();
            reject(deserializeError((message as unknown as ErrorMessage).error));
            return true;
          }
          const value = onReply(message);
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(build(id), transfer);
    });
  }

  /** A message that needs no reply (an acknowledgement), to the running worker if there is one. */
  send(message: Req): void {
    this.worker?.postMessage(message);
  }

  /** A fresh id for a message sent with `send`. */
  newId(): number {
    return this.nextId++;
  }

  /** Last resort: throws away whatever the worker holds (a loaded model included). */
  terminate(reason: Error = abortError('Worker stopped')): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const pending of [...this.pending.values()]) pending.reject(reason);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.addEventListener('message', (event: MessageEvent<Res>) => {
      this.pending.get(event.data.id)?.onMessage(event.data);
    });
    const crash = (event: Event) => {
      // Handled here: a nested worker's crash must not also count as its parent worker's own.
      event.preventDefault();
      // A dead worker may report more errors (one per message it failed on) after its replacement started:
      // they are not the new worker's.
      if (this.worker !== worker) return;
      const message = (event as Partial<ErrorEvent>).message;
      const detail = message ? `: ${message}` : '';
      this.terminate(new LoupeError('worker-crashed', `The background worker stopped unexpectedly${detail}.`));
      this.onCrash?.();
    };
    worker.addEventListener('error', crash);
    worker.addEventListener('messageerror', crash);
    this.worker = worker;
    return worker;
  }
}
