import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A model host laid out like the hub (/<repo>/resolve/main/<file>) that answers Range requests as the
 * hub's CDN does (206 with Content-Range), with CORS for a cross-origin-isolated page. It records each
 * request with its Range, and can cut a file's body after some bytes (a dropped connection), stall it
 * (a slow one), or ignore Range (a mirror that always sends the whole file).
 */
export async function startGgufMirror(repo: string, files: Record<string, Uint8Array>) {
  const requested: { file: string; range: string | undefined }[] = [];
  /** File → bytes of the body after which the connection is destroyed (once, then cleared). */
  const cutAfter = new Map<string, number>();
  /** Files whose body stops after its first bytes until released. */
  const stalled = new Set<string>();
  let ignoreRange = false;
  const prefix = `/${repo}/resolve/main/`;

  const server = createServer((req: IncomingMessage, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length, ETag');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', 'Range');
      return void res.writeHead(204).end();
    }
    const url = req.url ?? '';
    const file = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
    const body = files[file];
    requested.push({ file, range: req.headers.range });
    if (!body) return void res.writeHead(404).end();
    const match = ignoreRange ? null : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    if (start >= body.length && match) {
      res.writeHead(416, { 'Content-Range': `bytes */${body.length}` });
      return void res.end();
    }
    const part = body.subarray(start);
    const headers = { 'Content-Length': part.length, 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
    if (match) res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    const cut = cutAfter.get(file);
    if (cut !== undefined && cut < part.length) {
      cutAfter.delete(file);
      res.write(part.subarray(0, cut), () => setTimeout(() => res.destroy(), 50));
      return;
    }
    if (stalled.has(file)) return void res.write(part.subarray(0, Math.min(part.length, 4096)));
    res.end(part);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    cutAfter,
    stalled,
    setIgnoreRange: (value: boolean) => void (ignoreRange = value),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
