import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src/db';
import { withDocument } from '../../../src/store/library';

const doc = (id: string, createdAt: number, name = `${id}.png`): DocumentRecord =>
  ({ id, name, mime: 'image/png', kind: 'image', size: 1, createdAt, updatedAt: createdAt, status: 'done', pageCount: 1 }) as DocumentRecord;

describe('one document refreshed in the list', () => {
  const list = [doc('c', 30), doc('b', 20), doc('a', 10)];
  const ids = (docs: DocumentRecord[]) => docs.map((d) => d.id);

  it('replaces it where it is', () => {
    const changed = { ...doc('b', 20), status: 'failed' as const };
    const next = withDocument(list, 'b', changed);
    expect(ids(next)).toEqual(['c', 'b', 'a']);
    expect(next[1]).toBe(changed);
  });

  it('adds a new one in its place, newest first, names breaking ties as the full reload does', () => {
    expect(ids(withDocument(list, 'n', doc('n', 40)))).toEqual(['n', 'c', 'b', 'a']);
    expect(ids(withDocument(list, 'n', doc('n', 15)))).toEqual(['c', 'b', 'n', 'a']);
    expect(ids(withDocument(list, 'n', doc('n', 1)))).toEqual(['c', 'b', 'a', 'n']);
    expect(ids(withDocument(list, 'n', doc('n', 20, 'a.png')))).toEqual(['c', 'n', 'b', 'a']);
  });

  it('drops one deleted, and leaves the list as it is for one it never had', () => {
    expect(ids(withDocument(list, 'b', undefined))).toEqual(['c', 'a']);
    expect(withDocument(list, 'zzz', undefined)).toBe(list);
  });
});
