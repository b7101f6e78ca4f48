import type { LineReaderRequest, LineReaderResponse } from '../../protocol';
import { WorkerConnection } from '../../workers/connection';
import { spawnModuleWorker } from '../../workers/spawn';
import type { LineReader } from './paddle-ocr';
import type { LineReaderSetup } from './line-reader';
import lineReaderWorkerUrl from '../../../workers/line-reader.worker.ts?worker&url';

/**
 * One core per box reads faster than all cores on each box in turn: on a 2-core machine two single-threaded
 * readers took 0.48-0.65 of the recognition time of one reader on two threads (docs/BENCHMARKS.md). Each
 * reader holds its own runtime and model, so there are at most three.
 */
const MAX_LANES = 3;

export function laneCount(cores = self.navigator.hardwareConcurrency || 1): number {
  return Math.max(1, Math.min(MAX_LANES, cores));
}

export interface LineReaderWorkers {
  readers: LineReader[];
  close(): void;
}

/**
 * Starts `count` line-reader workers, each loading the recognizer. A worker that fails to start is left
 * out (the others still read); one that crashes later is started and loaded again on its next box.
 */
export async function startLineReaderWorkers(count: number, setup: LineReaderSetup): Promise<LineReaderWorkers> {
  const workers = Array.from({ length: count }, () => new LineReaderWorker(setup));
  const started = await Promise.allSettled(workers.map((w) => w.ready()));
  const running = workers.filter((_, i) => started[i]!.status === 'fulfilled');
  for (const failed of workers.filter((w) => !running.includes(w))) failed.close();
  return {
    readers: running.map((w) => (crop, width) => w.read(crop, width)),
    close: () => running.forEach((w) => w.close()),
  };
}

class LineReaderWorker {
  private loading: Promise<void> | undefined;
  private readonly connection: WorkerConnection<LineReaderRequest, LineReaderResponse>;

  constructor(private readonly setup: LineReaderSetup) {
    this.connection = new WorkerConnection(
      () => spawnModuleWorker(lineReaderWorkerUrl, 'loupe-line-reader'),
      (id, target) => ({ type: 'cancel', id, target }),
      () => (this.loading = undefined),
    );
  }

  ready(): Promise<void> {
    this.loading ??= this.connection
      .call(
        (id) => ({ type: 'load', id, runtime: this.setup.runtime, model: this.setup.model, alphabet: this.setup.alphabet }),
        (reply) => (reply.type === 'loaded' ? true : undefined),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.loading = undefined;
          throw error;
        },
      );
    return this.loading;
  }

  async read(crop: Float32Array, width: number) {
    await this.ready();
    return this.connection.call(
      (id) => ({ type: 'read', id, crop, width }),
      (reply) => (reply.type === 'read' ? reply.decoded : undefined),
      { transfer: [crop.buffer] },
    );
  }

  close(): void {
    this.connection.terminate();
  }
}
