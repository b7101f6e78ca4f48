import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { env } from '@huggingface/transformers';
import { loadVlm } from '../../../src/engines/smolvlm/load-model';
import { transcribe } from '../../../src/engines/smolvlm/transcribe';
import type { LoadProgress } from '../../../src/engines/engine';
import { writeTinySmolVlmFixture } from '../../fixtures/tiny-smolvlm/make-tiny-smolvlm';

let dir: string;
let server: Server;
let host = '';
const served: string[] = [];
/** Paths the mirror holds back until released, to cancel a download in the middle. */
const held = new Set<string>();

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
  dir = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-load-'));
  writeTinySmolVlmFixture(dir, 'smolvlm');
  // A model mirror laid out like the hub: /<repo>/resolve/<revision>/<file>.
  server = createServer((req, res) => {
    const url = req.url ?? '';
    served.push(url);
    const match = /^\/loupe\/tiny-smolvlm\/resolve\/main\/(.+)$/.exec(url);
    if (!match) return void res.writeHead(404).end();
    try {
      const body = readFileSync(join(dir, decodeURIComponent(match[1]!)));
      res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' });
      if (held.has(match[1]!)) res.write(body.subarray(0, 100));
      else res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

// In Node, onnxruntime opens sub-models from disk, so transformers.js caches downloads in a folder:
// a fresh one per test, so every test downloads.
beforeEach(() => {
  env.useFSCache = true;
  env.cacheDir = mkdtempSync(join(dir, 'cache-'));
});

const page = { width: 32, height: 32, data: new Uint8ClampedArray(32 * 32 * 4).fill(200) };

describe('loading a SmolVLM', () => {
  it('from a hub mirror with a configurable host, reporting bytes per file', async () => {
    const progress: LoadProgress[] = [];
    const vlm = await loadVlm({ kind: 'hub', host, repo: 'loupe/tiny-smolvlm' }, { device: 'cpu', dtype: 'fp32', onProgress: (p) => progress.push(p) });
    await expect(transcribe(vlm, page, { maxNewTokens: 3 })).resolves.toMatchObject({ timings: { tokens: 3 } });
    expect(served.some((url) => url.endsWith('/onnx/decoder_model_merged.onnx'))).toBe(true);
    const decoder = progress.filter((p) => p.file.endsWith('decoder_model_merged.onnx'));
    expect(decoder.at(-1)).toMatchObject({ loaded: decoder.at(-1)!.total });
    await vlm.model.dispose();
  });

  it('from a folder the user picked, without a single request', async () => {
    served.length = 0;
    const vlm = await loadVlm({ kind: 'files', name: 'picked', files: filesOf(dir) }, { device: 'cpu', dtype: 'fp32' });
    await expect(transcribe(vlm, page, { maxNewTokens: 2 })).resolves.toMatchObject({ timings: { tokens: 2 } });
    expect(served).toEqual([]);
    await vlm.model.dispose();
  });

  it('says which file a picked folder lacks', async () => {
    const files = filesOf(dir);
    files.delete('onnx/vision_encoder.onnx');
    await expect(loadVlm({ kind: 'files', name: 'partial', files }, { device: 'cpu', dtype: 'fp32' })).rejects.toThrow(/vision_encoder\.onnx/);
  });

  it('cancel stops a download in the middle with an AbortError', async () => {
    held.add('onnx/decoder_model_merged.onnx');
    const controller = new AbortController();
    const loading = loadVlm(
      { kind: 'hub', host, repo: 'loupe/tiny-smolvlm' },
      { device: 'cpu', dtype: 'fp32', signal: controller.signal, onProgress: (p) => p.file.endsWith('decoder_model_merged.onnx') && controller.abort() },
    );
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    held.clear();
  });
});
