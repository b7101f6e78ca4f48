import { describe, expect, it } from 'vitest';
import { runInLanes } from '../../../src/engines/paddle/lanes';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runInLanes', () => {
  it('keeps every lane busy, one item at a time each, and answers in the items order', async () => {
    const busy = new Map<string, number>();
    let most = 0;
    const started: string[] = [];
    const results = runInLanes([30, 5, 5, 5, 20, 5], ['a', 'b'], async (ms, lane) => {
      busy.set(lane, (busy.get(lane) ?? 0) + 1);
      most = Math.max(most, ...busy.values());
      started.push(lane);
      await tick(ms);
      busy.set(lane, busy.get(lane)! - 1);
      return `${ms}@${lane}`;
    });
    const done = await Promise.all(results);
    expect(most).toBe(1);
    // Lane a is held by the 30 ms item while lane b takes the next four.
    expect(done).toEqual(['30@a', '5@b', '5@b', '5@b', '20@b', '5@a']);
    expect(new Set(started)).toEqual(new Set(['a', 'b']));
  });

  it('starts nothing after a failure, and the items left reject with it', async () => {
    const seen: number[] = [];
    const results = runInLanes([1, 2, 3, 4, 5], ['only'], async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('model broke');
      return n;
    });
    await expect(results[0]).resolves.toBe(1);
    for (const later of results.slice(1)) await expect(later).rejects.toThrow('model broke');
    expect(seen).toEqual([1, 2]);
  });

  it('starts nothing once cancelled, with an AbortError', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const results = runInLanes([1, 2, 3], ['only'], async (n) => {
      seen.push(n);
      controller.abort();
      return n;
    }, controller.signal);
    await expect(results[0]).resolves.toBe(1);
    await expect(results[1]).rejects.toMatchObject({ name: 'AbortError' });
    await expect(results[2]).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1]);
  });
});
