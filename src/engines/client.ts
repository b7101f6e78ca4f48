import type { EngineId, LoadProgress, RecognizeResult, RgbaImage } from './engine';
import type { EngineRequest, EngineResponse } from '../protocol';
import { WorkerConnection } from '../workers/connection';
import { spawnModuleWorker } from '../workers/spawn';
import { LoupeError } from '../errors';
import engineWorkerUrl from '../../workers/engine.worker.ts?worker&url';
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

  /** Resolves with the load time in ms (and its stages, where the engine times them); loading the engine already loaded is immediate. */
  async load(engine: EngineId, options: { config?: SmolVlmConfig; onProgress?: (p: LoadProgress) => void; signal?: AbortSignal } = {}) {
    const loaded = await this.connection
      .call(
        (id) => ({ type: 'load', id, engine, config: options.config }),
        (reply) => {
          if (reply.type === 'load-progress') options.onProgress?.(reply.progress);
          return reply.type === 'loaded' ? { ms: reply.ms, stages: reply.stages } : undefined;
        },
        { signal: options.signal },
      )
      .catch((error: unknown) => {
        this.dropAfterGpuFailure(error);
        throw error;
      });
    this.loaded = engine;
    this.loadedConfig = JSON.stringify(options.config ?? null);
    return loaded;
  }

  /** Transfers the pixels to the worker: `image.data` is unusable afterwards. */
  recognize(image: RgbaImage, options: { onPartial?: (text: string) => void; signal?: AbortSignal } = {}) {
    return this.ask('recognize', image, options);
  }

  /** The loaded engine's answer in the receipt schema's JSON, read from the image (SmolVLM only). */
  readFields(image: RgbaImage, options: { onPartial?: (text: string) => void; signal?: AbortSignal } = {}) {
    return this.ask('read-fields', image, options);
  }

  private async ask(type: 'recognize' | 'read-fields', image: RgbaImage, options: { onPartial?: (text: string) => void; signal?: AbortSignal }) {
    try {
      return await this.connection.call<RecognizeResult>(
        (id) => ({ type, id, image }),
        (reply) => {
          if (reply.type === 'partial') options.onPartial?.(reply.text);
          return reply.type === 'recognized' ? reply.result : undefined;
        },
        { signal: options.signal, transfer: [image.data.buffer] },
      );
    } catch (error) {
      this.dropAfterGpuFailure(error);
      throw error;
    }
  }

  /**
   * onnxruntime keeps one WebGPU device per worker and cannot replace a lost one: after a GPU failure
   * the worker goes, and the next load (on WASM, or a smaller model) starts in a fresh one.
   */
  private dropAfterGpuFailure(error: unknown): void {
    if (!(error instanceof LoupeError) || !error.code.startsWith('gpu-')) return;
    this.connection.terminate();
    this.loaded = undefined;
  }

  async dispose(): Promise<void> {
    await this.connection.call(
      (id) => ({ type: 'dispose', id }),
      (reply) => (reply.type === 'disposed' ? true : undefined),
    );
    this.loaded = undefined;
  }
}

/** The engine worker downloads models, so it must obey the page's Content-Security-Policy. */
function spawnEngineWorker(): Worker {
  return spawnModuleWorker(engineWorkerUrl, 'loupe-engine');
}
