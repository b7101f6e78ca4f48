import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditBuffer } from '../../../src/app/edit-buffer';

describe('EditBuffer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes only the last edit of a page after the typing pauses', async () => {
    const writes: string[] = [];
    const buffer = new EditBuffer(async (doc, index, text) => void writes.push(`${doc}:${index}:${text}`), () => {});
    buffer.set('d', 0, 'T');
    buffer.set('d', 0, 'TO');
    buffer.set('d', 1, 'X');
    await vi.advanceTimersByTimeAsync(399);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual(['d:0:TO', 'd:1:X']);
  });

  it('flush writes at once, and a failed write is kept for the next flush', async () => {
    const writes: string[] = [];
    let fail = true;
    const errors: unknown[] = [];
    const buffer = new EditBuffer(
      async (_doc, _index, text) => {
        if (fail) throw new Error('quota');
        writes.push(text);
      },
      (error) => errors.push(error),
    );
    buffer.set('d', 0, 'EDIT');
    await buffer.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    await buffer.flush();
    expect(writes).toEqual(['EDIT']);
  });
});
