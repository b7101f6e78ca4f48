import { describe, expect, it } from 'vitest';
import { ReadingQueue, type QueueState } from '../../../src/reader/queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ReadingQueue', () => {
  it('reads one document at a time, in order, and goes on after a failure', async () => {
    const log: string[] = [];
    let active = 0;
    const queue = new ReadingQueue(async (id) => {
      active += 1;
      expect(active).toBe(1);
      log.push(id);
      await new Promise((r) => setTimeout(r, 1));
      active -= 1;
      if (id === 'b') throw new Error('broken');
    }, () => {});
    const first = queue.enqueue(['a', 'b']);
    queue.enqueue(['c', 'a']);
    await first;
    expect(log).toEqual(['a', 'b', 'c']);
    expect(queue.snapshot).toEqual({ waiting: [], current: undefined, finished: 0 });
  });

  it('idle() waits for every document, including those that join while it waits', async () => {
    const gates = { a: deferred(), b: deferred() };
    const read: string[] = [];
    const queue = new ReadingQueue(async (id) => {
      read.push(id);
      await gates[id as 'a' | 'b'].promise;
    }, () => {});
    await queue.idle();
    void queue.enqueue(['a']);
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await Promise.resolve();
    void queue.enqueue(['b']);
    gates.a.resolve();
    await new Promise((r) => setTimeout(r, 1));
    expect(read).toEqual(['a', 'b']);
    expect(idle).toBe(false);
    gates.b.resolve();
    await waiting;
    expect(queue.snapshot.current).toBeUndefined();
  });

  it('reports overall progress while draining', async () => {
    const states: QueueState[] = [];
    const queue = new ReadingQueue(async () => {}, (s) => states.push(s));
    await queue.enqueue(['a', 'b']);
    expect(states.map((s) => s.finished)).toContain(2);
    expect(states.find((s) => s.current === 'b')?.finished).toBe(1);
  });

  it('cancelAll aborts the current document and drops the waiting ones', async () => {
    const gate = deferred();
    const read: string[] = [];
    const queue = new ReadingQueue(async (id, signal) => {
      read.push(id);
      await Promise.race([gate.promise, new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))]);
    }, () => {});
    const done = queue.enqueue(['a', 'b', 'c']);
    await Promise.resolve();
    expect(queue.cancelAll()).toEqual(['a', 'b', 'c']);
    await done;
    expect(read).toEqual(['a']);
  });

  it('cancel removes a waiting document without touching the current one', async () => {
    const gate = deferred();
    const read: string[] = [];
    const queue = new ReadingQueue(async (id) => {
      read.push(id);
      if (id === 'a') await gate.promise;
    }, () => {});
    const done = queue.enqueue(['a', 'b', 'c']);
    await Promise.resolve();
    queue.cancel('b');
    gate.resolve();
    await done;
    expect(read).toEqual(['a', 'c']);
  });
});
