import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, type FileStore } from '../../../src/engines/smolvlm-gguf/download-file';
import { parseContentRange, planResponse } from '../../../src/engines/smolvlm-gguf/resume';
import type { LoadProgress } from '../../../src/engines/engine';
import { startGgufMirror } from '../../support/gguf-mirror';

/** A FileStore in memory that keeps what a real one keeps: bytes written so far, the announced total, completeness. */
function memoryStore() {
  const files = new Map<string, { bytes: Uint8Array; total: number; complete: boolean }>();
  const store: FileStore = {
    async stat(key) {
      const f = files.get(key);
      return f && { bytes: f.bytes.length, total: f.total, complete: f.complete && f.bytes.length === f.total };
    },
    async openWriter(key, offset, total) {
      let bytes = (files.get(key)?.bytes ?? new Uint8Array()).slice(0, offset);
      files.set(key, { bytes, total, complete: false });
      return {
        async write(chunk) {
          const next = new Uint8Array(bytes.length + chunk.length);
          next.set(bytes);
          next.set(chunk, bytes.length);
          bytes = next;
          files.set(key, { bytes, total, complete: false });
        },
        async flush() {},
        async close(complete) {
          files.set(key, { bytes, total, complete });
        },
      };
    },
    async read(key) {
      return new Blob([files.get(key)!.bytes as Uint8Array<ArrayBuffer>]);
    },
  };
  return { store, files };
}

const FILE = 'model-FIXTURE.gguf';
const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 251);
let mirror: Awaited<ReturnType<typeof startGgufMirror>>;
beforeAll(async () => {
  mirror = await startGgufMirror('loupe/gguf-FIXTURE', { [FILE]: bytes });
});
afterAll(() => mirror.close());
beforeEach(() => {
  mirror.requested.length = 0;
  mirror.setIgnoreRange(false);
});

const url = () => `${mirror.host}/loupe/gguf-FIXTURE/resolve/main/${FILE}`;
const same = async (blob: Blob) => expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);

describe('planResponse', () => {
  const part = { bytes: 100, total: 1000, complete: false };
  it('continues a 206 that starts where the stored bytes end, with the same total', () => {
    expect(planResponse(part, true, { status: 206, contentRange: 'bytes 100-999/1000', contentLength: 900 })).toEqual({ action: 'write', offset: 100, total: 1000 });
  });
  it('reads the total from the body length when CORS hides Content-Range', () => {
    expect(planResponse(part, true, { status: 206, contentRange: null, contentLength: 900 })).toEqual({ action: 'write', offset: 100, total: 1000 });
  });
  it('starts over when the file changed size on the server, or the range starts elsewhere', () => {
    expect(planResponse(part, true, { status: 206, contentRange: 'bytes 100-1999/2000', contentLength: 1900 })).toEqual({ action: 'restart' });
    expect(planResponse(part, true, { status: 206, contentRange: 'bytes 0-999/1000', contentLength: 1000 })).toEqual({ action: 'restart' });
    expect(planResponse(part, true, { status: 416, contentRange: 'bytes */50', contentLength: 0 })).toEqual({ action: 'restart' });
  });
  it('writes a 200 from the start and fails other statuses', () => {
    expect(planResponse(part, true, { status: 200, contentRange: null, contentLength: 1000 })).toEqual({ action: 'write', offset: 0, total: 1000 });
    expect(planResponse(undefined, false, { status: 404, contentRange: null, contentLength: 0 })).toEqual({ action: 'fail', status: 404 });
  });
  it('takes a 416 at exactly the end of the same file as complete', () => {
    expect(planResponse({ bytes: 1000, total: 1000, complete: false }, true, { status: 416, contentRange: 'bytes */1000', contentLength: 0 })).toEqual({ action: 'complete', total: 1000 });
  });
  it('falls back on the recorded total when a 206 names none', () => {
    expect(planResponse(part, true, { status: 206, contentRange: 'bytes 100-999/*', contentLength: null })).toEqual({ action: 'write', offset: 100, total: 1000 });
  });
  it('parses Content-Range, unknown totals included', () => {
    expect(parseContentRange('bytes 5-9/10')).toEqual({ start: 5, end: 9, total: 10 });
    expect(parseContentRange('bytes 5-9/*')).toEqual({ start: 5, end: 9, total: undefined });
    expect(parseContentRange('nonsense')).toBeUndefined();
  });
});

describe('downloadFile', () => {
  it('downloads a file whole with progress, then answers from the store without a request', async () => {
    const { store } = memoryStore();
    const progress: LoadProgress[] = [];
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: (p) => progress.push(p) }));
    expect(progress.at(-1)).toEqual({ file: FILE, loaded: bytes.length, total: bytes.length });
    expect(progress.every((p, i) => i === 0 || p.loaded >= progress[i - 1]!.loaded)).toBe(true);
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined }));
    expect(mirror.requested).toHaveLength(1);
  });

  it('resumes a cut-off download from the byte where it stopped', async () => {
    const { store, files } = memoryStore();
    mirror.cutAfter.set(FILE, 120_000);
    await expect(downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined })).rejects.toThrow(/interrupted|stopped at/);
    const kept = files.get('k')!.bytes.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(bytes.length);
    expect(await store.stat('k')).toMatchObject({ complete: false, total: bytes.length });

    const progress: LoadProgress[] = [];
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: (p) => progress.push(p) }));
    expect(mirror.requested.at(-1)).toEqual({ file: FILE, range: `bytes=${kept}-` });
    expect(progress[0]).toMatchObject({ loaded: kept, resumed: kept });
  });

  it('starts over when the mirror ignores Range', async () => {
    const { store } = memoryStore();
    mirror.cutAfter.set(FILE, 50_000);
    await expect(downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined })).rejects.toThrow();
    mirror.setIgnoreRange(true);
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined }));
  });

  it('starts over when the stored part is longer than the file now on the server', async () => {
    const { store, files } = memoryStore();
    files.set('k', { bytes: new Uint8Array(bytes.length + 10), total: bytes.length + 20, complete: false });
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined }));
    expect(mirror.requested.map((r) => r.range)).toEqual([`bytes=${bytes.length + 10}-`, undefined]);
  });

  it('takes a file whose every byte is stored but not yet marked complete as it is (the tab closed in between)', async () => {
    const { store, files } = memoryStore();
    files.set('k', { bytes: bytes.slice(), total: bytes.length, complete: false });
    const progress: LoadProgress[] = [];
    await same(await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: (p) => progress.push(p) }));
    expect(mirror.requested.map((r) => r.range)).toEqual([`bytes=${bytes.length}-`]);
    expect(await store.stat('k')).toMatchObject({ complete: true });
    expect(progress.at(-1)).toEqual({ file: FILE, loaded: bytes.length, total: bytes.length, resumed: bytes.length });
  });

  it('says a stored file was not downloaded now, so time left is not flattered by it', async () => {
    const { store } = memoryStore();
    await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: () => undefined });
    const progress: LoadProgress[] = [];
    await downloadFile({ url: url(), key: 'k', name: FILE, store, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([{ file: FILE, loaded: bytes.length, total: bytes.length, resumed: bytes.length }]);
  });

  it('turns a full disk into a plain message and keeps what arrived', async () => {
    const { store, files } = memoryStore();
    const full: FileStore = {
      ...store,
      async openWriter(key, offset, total) {
        const writer = await store.openWriter(key, offset, total);
        let written = 0;
        return {
          ...writer,
          async write(chunk) {
            if ((written += chunk.length) > 100_000) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
            await writer.write(chunk);
          },
        };
      },
    };
    await expect(downloadFile({ url: url(), key: 'k', name: FILE, store: full, onProgress: () => undefined })).rejects.toMatchObject({ code: 'storage-full', message: expect.stringContaining(`no room left for ${FILE}`) });
    expect(files.get('k')!.bytes.length).toBeGreaterThan(0);
  });

  it('keeps what arrived when cancelled, and says so with an AbortError', async () => {
    const { store, files } = memoryStore();
    mirror.stalled.add(FILE);
    const controller = new AbortController();
    const done = downloadFile({ url: url(), key: 'k', name: FILE, store, signal: controller.signal, onProgress: (p) => p.loaded > 0 && controller.abort() });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    mirror.stalled.delete(FILE);
    expect(files.get('k')!.bytes.length).toBeGreaterThan(0);
    expect(files.get('k')!.complete).toBe(false);
  });

  it('names the file and status of a missing file', async () => {
    const { store } = memoryStore();
    await expect(downloadFile({ url: `${mirror.host}/loupe/gguf-FIXTURE/resolve/main/none.gguf`, key: 'n', name: 'none.gguf', store, onProgress: () => undefined })).rejects.toThrow('Could not download none.gguf (HTTP 404).');
  });
});
