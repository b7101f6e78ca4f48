import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinySmolVlmFixture } from '../fixtures/tiny-smolvlm/make-tiny-smolvlm';

/**
 * A model host laid out like the hub (/<repo>/resolve/main/<file>) serving the tiny synthetic SmolVLM
 * FIXTURE, with CORS as huggingface.co sends it (the app is cross-origin isolated). It records every
 * path asked for, and can hold a file back after its first bytes, to cut a download in the middle.
 */
export async function startModelMirror(repo: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-mirror-'));
  writeTinySmolVlmFixture(dir, 'smolvlm');
  const requested: string[] = [];
  const held = new Set<string>();
  const prefix = `/${repo}/resolve/main/`;
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    requested.push(url);
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
    let body: Buffer;
    try {
      body = readFileSync(join(dir, path));
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' });
    if (held.has(path)) res.write(body.subarray(0, 100));
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The fixture's folder, for tests that load it without the mirror. */
    dir,
    requested,
    held,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
