import { describe, expect, it } from 'vitest';
import { PageWindow } from '../../../src/pipeline/page-window';

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('PageWindow', () => {
  it('lets the producer run ahead by its size and no further, then one page per release', async () => {
    const window = new PageWindow(2);
    const signal = new AbortController().signal;
    expect(await settled(window.acquire(signal))).toBe(true);
    expect(await settled(window.acquire(signal))).toBe(true);
    const third = window.acquire(signal);
    expect(await settled(third)).toBe(false);
    window.release();
    expect(await settled(third)).toBe(true);
    const fourth = window.acquire(signal);
    expect(await settled(fourth)).toBe(false);
  });

  it('a cancelled wait rejects with an AbortError and gives up its place', async () => {
    const window = new PageWindow(1);
    await window.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = window.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    // The released slot goes to the next live waiter, not the cancelled one.
    const next = window.acquire(new AbortController().signal);
    window.release();
    expect(await settled(next)).toBe(true);
  });
});
