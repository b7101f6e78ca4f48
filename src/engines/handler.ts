import type { Engine, EngineId, LoadStages } from './engine';
import { abortError } from './engine';
import type { EngineRequest, EngineResponse } from '../protocol';
import { LoupeError, serializeError } from '../errors';
import type { SmolVlmConfig } from './smolvlm/config';

export type Post = (message: EngineResponse, transfer?: Transferable[]) => void;

interface Loaded {
  /** The engine id and its configuration: another model is another engine. */
  key: string;
  /** The engine once loaded, with the stages of the load that made it (a request that joins it reports the same). */
  ready: Promise<{ engine: Engine; stages?: LoadStages }>;
}

/**
 * The engine worker's logic as a function of its dependencies, so Vitest can drive it with a fake engine.
 * Loads once per engine id; a failed load is forgotten so the next request can retry.
 */
export function createEngineHandler(createEngine: (id: EngineId, config?: SmolVlmConfig) => Promise<Engine>, post: Post) {
  let current: Loaded | undefined;
  const running = new Map<number, AbortController>();

  function load(id: EngineId, config: SmolVlmConfig | undefined, requestId: number, signal: AbortSignal): Promise<{ engine: Engine; stages?: LoadStages }> {
    const key = JSON.stringify([id, config ?? null]);
    if (current?.key === key) return current.ready;
    const previous = current;
    const ready = (async () => {
      if (previous) await (await previous.ready.catch(() => undefined))?.engine.dispose();
      const engine = await createEngine(id, config);
      try {
        const stages = await engine.load((progress) => post({ type: 'load-progress', id: requestId, progress }), signal);
        return { engine, ...(stages && { stages }) };
      } catch (error) {
        await engine.dispose().catch(() => undefined);
        throw error;
      }
    })();
    const entry: Loaded = { key, ready };
    current = entry;
    ready.catch(() => {
      if (current === entry) current = undefined;
    });
    return ready;
  }

  async function handle(request: EngineRequest): Promise<void> {
    if (request.type === 'cancel') {
      running.get(request.target)?.abort(abortError());
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    try {
      switch (request.type) {
        case 'load': {
          const started = performance.now();
          const { stages } = await load(request.engine, request.config, request.id, controller.signal);
          post({ type: 'loaded', id: request.id, engine: request.engine, ms: performance.now() - started, ...(stages && { stages }) });
          break;
        }
        case 'recognize':
        case 'read-fields': {
          if (!current) throw new LoupeError('engine-failed', 'No engine is loaded yet.');
          const { engine } = await current.ready;
          const options = { signal: controller.signal, onPartial: (text: string) => post({ type: 'partial', id: request.id, text }) };
          if (request.type === 'read-fields' && !engine.readFields) throw new LoupeError('engine-failed', 'Only a vision-language engine (SmolVLM) can read fields from the image.');
          const result = request.type === 'read-fields' ? await engine.readFields!(request.image, options) : await engine.recognize(request.image, options);
          post({ type: 'recognized', id: request.id, result });
          break;
        }
        case 'dispose': {
          const ready = current?.ready;
          current = undefined;
          await (await ready?.catch(() => undefined))?.engine.dispose();
          post({ type: 'disposed', id: request.id });
          break;
        }
      }
    } catch (error) {
      post({ type: 'error', id: request.id, error: serializeError(error) });
    } finally {
      running.delete(request.id);
    }
  }

  return handle;
}
