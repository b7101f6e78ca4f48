import type { EngineId, LoadProgress, RecognizeResult, RgbaImage } from './engine';
import type { EngineRequest, EngineResponse } from '../protocol';
import { WorkerConnection } from '../workers/connection';
import type { SmolVlmConfig } from './smolvlm/config';

/** The page's handle on the engine worker. Same shape whether the engine runs in a worker or not. */
export class EngineClient {
  private loaded: EngineId | undefined;
  private loadedConfig = 'null';
  private readonly connection: WorkerConnection<EngineRequest, EngineResponse>;

  constructor(spawn: () => Worker = spawnEngineWorker) {
    this.connection = new WorkerConnection(spawn, (id, target) => ({ type: 'cancel', id, target }), () => {
      this.loaded = undefined;
    });
  }

  get loadedEngine(): EngineId | undefined {
    return this.loaded;
  }

  /** Whether `engine` with `config` is what the worker holds now. */
  holds(engine: EngineId, config?: SmolVlmConfig): boolean {
    return this.loaded === engine && this.loadedConfig === JSON.stringify(config ?? null);
  }

  /** Resolves with the load time in ms; loading the engine already loaded is immediate. */
  async load(engine: EngineId, options: { config?: SmolVlmConfig; onProgress?: (p: LoadProgress) => void; signal?: AbortSignal } = {}) {
    const ms = await this.connection.call(
      (id) => ({ type: 'load', id, engine, config: options.config }),
      (reply) => {
        if (reply.type === 'load-progress') options.onProgress?.(reply.progress);
        return reply.type === 'loaded' ? reply.ms : undefined;
      },
      { signal: options.signal },
    );
    this.loaded = engine;
    this.loadedConfig = JSON.stringify(options.config ?? null);
    return ms;
  }

  /** Transfers the pixels to the worker: `image.data` is unusable afterwards. */
  recognize(image: RgbaImage, options: { onPartial?: (text: string) => void; signal?: AbortSignal } = {}) {
    return this.connection.call<RecognizeResult>(
      (id) => ({ type: 'recognize', id, image }),
      (reply) => {
        if (reply.type === 'partial') options.onPartial?.(reply.text);
        return reply.type === 'recognized' ? reply.result : undefined;
      },
      { signal: options.signal, transfer: [image.data.buffer] },
    );
  }

  async dispose(): Promise<void> {
    await this.connection.call(
      (id) => ({ type: 'dispose', id }),
      (reply) => (reply.type === 'disposed' ? true : undefined),
    );
    this.loaded = undefined;
  }
}

function spawnEngineWorker(): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'loupe-engine' });
}
