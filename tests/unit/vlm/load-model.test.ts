import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { env } from '@huggingface/transformers';
import { loadVlm } from '../../../src/engines/smolvlm/load-model';
import { transcribe } from '../../../src/engines/smolvlm/transcribe';
import type { LoadProgress } from '../../../src/engines/engine';
import { startModelMirror } from '../../support/model-mirror';

let mirror: Awaited<ReturnType<typeof startModelMirror>>;

const filesOf = (folder: string): Map<string, Blob> => {
  const files = new Map<string, Blob>();
  const walk = (at: string) =>
    readdirSync(at).forEach((name) => {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(folder, path), new Blob([readFileSync(path)]));
    });
  walk(folder);
  return files;
};

beforeAll(async () => {
  mirror = await startModelMirror('loupe/tiny-smolvlm');
});
afterAll(() => mirror.close());

// In Node, onnxruntime opens sub-models from disk, so transformers.js caches downloads in a folder:
// a fresh one per test, so every test downloads.
beforeEach(() => {
  env.useFSCache = true;
  env.cacheDir = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-cache-'));
});

const page = { width: 32, height: 32, data: new Uint8ClampedArray(32 * 32 * 4).fill(200) };

describe('loading a SmolVLM', () => {
  it('from a hub mirror with a configurable host, reporting bytes per file', async () => {
    const progress: LoadProgress[] = [];
    const vlm = await loadVlm({ kind: 'hub', host: mirror.host, repo: 'loupe/tiny-smolvlm' }, { device: 'cpu', dtype: 'fp32', onProgress: (p) => progress.push(p) });
    await expect(transcribe(vlm, page, { maxNewTokens: 3 })).resolves.toMatchObject({ timings: { tokens: 3 } });
    expect(mirror.requested.some((url) => url.endsWith('/onnx/decoder_model_merged.onnx'))).toBe(true);
    const decoder = progress.filter((p) => p.file.endsWith('decoder_model_merged.onnx'));
    expect(decoder.at(-1)).toMatchObject({ loaded: decoder.at(-1)!.total });
    await vlm.model.dispose();
  });

  it('from a folder the user picked, without a single request', async () => {
    mirror.requested.length = 0;
    const vlm = await loadVlm({ kind: 'files', name: 'picked', files: filesOf(mirror.dir) }, { device: 'cpu', dtype: 'fp32' });
    await expect(transcribe(vlm, page, { maxNewTokens: 2 })).resolves.toMatchObject({ timings: { tokens: 2 } });
    expect(mirror.requested).toEqual([]);
    await vlm.model.dispose();
  });

  it('says which file a picked folder lacks', async () => {
    const files = filesOf(mirror.dir);
    files.delete('onnx/vision_encoder.onnx');
    await expect(loadVlm({ kind: 'files', name: 'partial', files }, { device: 'cpu', dtype: 'fp32' })).rejects.toThrow(/vision_encoder\.onnx/);
  });

  it('cancel stops a download in the middle with an AbortError', async () => {
    mirror.held.add('onnx/decoder_model_merged.onnx');
    const controller = new AbortController();
    const loading = loadVlm(
      { kind: 'hub', host: mirror.host, repo: 'loupe/tiny-smolvlm' },
      { device: 'cpu', dtype: 'fp32', signal: controller.signal, onProgress: (p) => p.file.endsWith('decoder_model_merged.onnx') && controller.abort() },
    );
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    mirror.held.clear();
  });
});
