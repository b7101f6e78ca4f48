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

  it('journals every edit synchronously until its write commits, and a new page writes what the old one cut short', async () => {
    const journal = memoryStorage();
    const cut = new EditBuffer(() => new Promise<void>(() => undefined), () => {}, 400, journal);
    cut.set('d', 0, 'EDITED BY HAND');
    void cut.flush();
    // The page is gone before its write committed: only the journal has the edit.
    const writes: string[] = [];
    const next = new EditBuffer(async (doc, index, text) => void writes.push(`${doc}:${index}:${text}`), () => {}, 400, journal);
    await next.recover();
    expect(writes).toEqual(['d:0:EDITED BY HAND']);
    expect(journal.length).toBe(0);
  });

  it('keeps a newer edit journaled while an older one is written, and drops damaged entries', async () => {
    const journal = memoryStorage();
    journal.setItem('loupe-unsaved-edit:broken', '{nope');
    journal.setItem('other-key', 'kept');
    let release = () => {};
    const buffer = new EditBuffer(() => new Promise<void>((resolve) => (release = resolve)), () => {}, 400, journal);
    buffer.set('d', 0, 'OLD');
    const flushed = buffer.flush();
    buffer.set('d', 0, 'NEW');
    release();
    await flushed;
    expect(JSON.parse(journal.getItem('loupe-unsaved-edit:d\u00000')!)).toMatchObject({ text: 'NEW' });
    await new EditBuffer(async () => {}, () => {}, 400, journal).recover();
    expect(journal.getItem('loupe-unsaved-edit:broken')).toBeNull();
    expect(journal.getItem('other-key')).toBe('kept');
  });
});

/** localStorage's interface over a Map. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}
