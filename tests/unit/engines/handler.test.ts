import { describe, expect, it } from 'vitest';
import { createEngineHandler } from '../../../src/engines/handler';
import type { Engine, EngineId, RgbaImage } from '../../../src/engines/engine';
import { abortError } from '../../../src/engines/engine';
import type { EngineResponse } from '../../../src/protocol';

const image: RgbaImage = { width: 1, height: 1, data: new Uint8ClampedArray(4) };

/** A fake engine that records calls; recognize streams two partials and can be held open. */
function fakeEngine(log: string[], options: { failLoad?: boolean; hold?: boolean } = {}): Engine {
  return {
    async load(onProgress, signal) {
      log.push('load');
      onProgress({ file: 'model.onnx', loaded: 5, total: 10 });
      if (signal?.aborted) throw abortError();
      if (options.failLoad) throw new Error('download failed');
    },
    async recognize(_image, opts) {
      log.push('recognize');
      opts?.onPartial?.('HELLO');
      if (options.hold) {
        await new Promise<void>((_, reject) => {
          if (opts?.signal?.aborted) reject(abortError());
          opts?.signal?.addEventListener('abort', () => reject(abortError()));
        });
      }
      opts?.onPartial?.('HELLO WORLD');
      return { text: 'HELLO WORLD', lines: [], timings: { recognize: 1 } };
    },
    async dispose() {
      log.push('dispose');
    },
  };
}

function setup(make: (id: EngineId, log: string[]) => Engine) {
  const log: string[] = [];
  const posted: EngineResponse[] = [];
  const handle = createEngineHandler(async (id) => make(id, log), (m) => posted.push(m));
  return { log, posted, handle };
}

describe('engine handler', () => {
  it('loads once per engine, forwards progress and streams partial text', async () => {
    const { log, posted, handle } = setup((_, log) => fakeEngine(log));
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    await handle({ type: 'load', id: 2, engine: 'paddle' });
    await handle({ type: 'recognize', id: 3, image });
    expect(log).toEqual(['load', 'recognize']);
    expect(posted.filter((m) => m.type === 'load-progress')).toHaveLength(1);
    expect(posted.filter((m) => m.type === 'loaded').map((m) => m.id)).toEqual([1, 2]);
    expect(posted.filter((m) => m.type === 'partial' && m.id === 3).map((m) => m.type === 'partial' && m.text)).toEqual([
      'HELLO',
      'HELLO WORLD',
    ]);
    expect(posted.at(-1)).toMatchObject({ type: 'recognized', id: 3, result: { text: 'HELLO WORLD' } });
  });

  it('reports the stages an engine timed with every load that gets it, and none for an engine that times none', async () => {
    const timed = (log: string[]): Engine => ({ ...fakeEngine(log), load: async () => ({ files: 12, 'warm-up': 3 }) });
    const { posted, handle } = setup((id, log) => (id === 'paddle' ? timed(log) : fakeEngine(log)));
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    await handle({ type: 'load', id: 2, engine: 'paddle' });
    await handle({ type: 'load', id: 3, engine: 'tesseract' });
    const loaded = posted.filter((m) => m.type === 'loaded');
    expect(loaded.map((m) => m.stages)).toEqual([{ files: 12, 'warm-up': 3 }, { files: 12, 'warm-up': 3 }, undefined]);
  });

  it('forgets a failed load so the next request retries', async () => {
    let attempts = 0;
    const { posted, handle } = setup((_, log) => fakeEngine(log, { failLoad: ++attempts === 1 }));
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 1, error: { message: 'download failed' } });
    await handle({ type: 'load', id: 2, engine: 'paddle' });
    expect(posted.at(-1)).toMatchObject({ type: 'loaded', id: 2 });
    expect(attempts).toBe(2);
  });

  it('disposes the old engine when another is loaded', async () => {
    const { log, handle } = setup(fakeEngineNamed);
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    await handle({ type: 'load', id: 2, engine: 'tesseract' });
    expect(log).toEqual(['load:paddle', 'dispose:paddle', 'load:tesseract']);
  });

  it('cancels a running recognition with an AbortError and keeps the engine loaded', async () => {
    const { log, posted, handle } = setup((_, log) => fakeEngine(log, { hold: true }));
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    const running = handle({ type: 'recognize', id: 2, image });
    await handle({ type: 'cancel', id: 3, target: 2 });
    await running;
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 2, error: { name: 'AbortError' } });
    expect(log).not.toContain('dispose');
  });

  it('asks a vision-language engine for the fields, and refuses an OCR engine that cannot answer them', async () => {
    const { posted, handle } = setup((id, log) => ({
      ...fakeEngine(log),
      ...(id === 'smolvlm' ? { readFields: async () => ({ text: '{"total": 1}', lines: [], timings: {} }) } : {}),
    }));
    await handle({ type: 'load', id: 1, engine: 'paddle' });
    await handle({ type: 'read-fields', id: 2, image });
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 2, error: { code: 'engine-failed', message: expect.stringMatching(/SmolVLM/) } });
    await handle({ type: 'load', id: 3, engine: 'smolvlm' });
    await handle({ type: 'read-fields', id: 4, image });
    expect(posted.at(-1)).toMatchObject({ type: 'recognized', id: 4, result: { text: '{"total": 1}' } });
  });

  it('refuses to recognize before any engine is loaded', async () => {
    const { posted, handle } = setup((_, log) => fakeEngine(log));
    await handle({ type: 'recognize', id: 1, image });
    expect(posted.at(-1)).toMatchObject({ type: 'error', error: { code: 'engine-failed' } });
  });
});

function fakeEngineNamed(id: EngineId, log: string[]): Engine {
  return {
    async load() {
      log.push(`load:${id}`);
    },
    async recognize() {
      return { text: id, lines: [], timings: {} };
    },
    async dispose() {
      log.push(`dispose:${id}`);
    },
  };
}
