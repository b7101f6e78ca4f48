import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchWithProgress } from '../../../src/engines/fetch-with-progress';

/** A response whose body yields the given chunks, then fails if `cut` is set (a connection lost mid-download). */
function streamed(chunks: Uint8Array[], length: number, cut = false): Response {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else if (cut) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Length': String(length) } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchWithProgress', () => {
  it('returns the whole file and reports progress up to its size', async () => {
    vi.stubGlobal('fetch', async () => streamed([new Uint8Array([1, 2]), new Uint8Array([3])], 3));
    const seen: number[] = [];
    const bytes = await fetchWithProgress('/m.onnx', 'm.onnx', (p) => seen.push(p.loaded));
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(seen.at(-1)).toBe(3);
  });

  it('never returns a body shorter than announced', async () => {
    vi.stubGlobal('fetch', async () => streamed([new Uint8Array([1, 2])], 10));
    await expect(fetchWithProgress('/m.onnx', 'm.onnx', () => {})).rejects.toMatchObject({ code: 'engine-load-failed', message: expect.stringContaining('incomplete (2 of 10 bytes)') });
  });

  it('turns a connection lost mid-download into a clear, retryable error', async () => {
    vi.stubGlobal('fetch', async () => streamed([new Uint8Array([1, 2])], 10, true));
    await expect(fetchWithProgress('/m.onnx', 'm.onnx', () => {})).rejects.toMatchObject({
      code: 'engine-load-failed',
      message: expect.stringContaining('download of m.onnx was interrupted'),
    });
  });

  it('says which file is missing', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    await expect(fetchWithProgress('/m.onnx', 'm.onnx', () => {})).rejects.toMatchObject({ message: 'Could not load m.onnx (HTTP 404).' });
  });
});
