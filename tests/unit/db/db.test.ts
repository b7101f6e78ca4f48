import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as db from '../../../src/db';
import { openLoupeDb } from '../../../src/db/open';
import { normalizeDocument, normalizePage } from '../../../src/db/normalize';
import { toStorageError } from '../../../src/db/write';
import { LoupeError } from '../../../src/errors';

const file = (name: string, body = 'bytes') => new File([body], name, { type: 'image/png' });
const page = (docId: string, index: number, text: string): db.PageRecord => ({
  docId,
  index,
  source: 'ocr',
  text,
  editedText: null,
  lines: [{ text, box: [1, 2, 8, 3] }],
  width: 10,
  height: 20,
  timings: { detect: 1 },
});

/** Makes one store method of every new transaction fail as a browser would; returns the undo. */
async function failWrites(store: 'pages' | 'blobs', method: 'put' | 'delete', error: DOMException): Promise<() => void> {
  const conn = await openLoupeDb();
  const original = conn.transaction.bind(conn);
  conn.transaction = ((...args: Parameters<typeof original>) => {
    const tx = original(...args);
    // Patching the proxy makes idb wrap this transaction twice; the inner wrapper's done promise has no other reader.
    tx.done.catch(() => undefined);
    tx.objectStore(store)[method] = (() => Promise.reject(error)) as never;
    return tx;
  }) as typeof conn.transaction;
  return () => {
    conn.transaction = original;
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => db.closeLoupeDb());

describe('storage', () => {
  it('keeps documents, originals, pages and edits across a reopened connection', async () => {
    const id = await db.addDocument(file('receipt.png', 'PNGDATA'), 1000);
    await db.putPage(page(id, 1, 'SECOND'), new Blob(['p1']));
    await db.putPage(page(id, 0, 'TOTAL 5.70'), new Blob(['p0']));
    await db.setPageEdit(id, 0, 'TOTAL 5.75');
    await db.updateDocument(id, { status: 'done', pageCount: 2, readMs: 42 });
    await db.closeLoupeDb();

    const [doc] = await db.listDocuments();
    expect(doc).toMatchObject({ id, name: 'receipt.png', status: 'done', pageCount: 2, readMs: 42, size: 7 });
    expect(await (await db.getOriginal(id))?.text()).toBe('PNGDATA');
    const pages = await db.listPages(id);
    expect(pages.map((p) => [p.index, p.text, p.editedText])).toEqual([
      [0, 'TOTAL 5.70', 'TOTAL 5.75'],
      [1, 'SECOND', null],
    ]);
    expect(await (await db.getPageImage(id, 1))?.text()).toBe('p1');
  });

  it('an edit back to the recognized text is no edit', async () => {
    const id = await db.addDocument(file('a.png'));
    await db.putPage(page(id, 0, 'ORIGINAL'), new Blob());
    await db.setPageEdit(id, 0, 'CHANGED');
    await db.setPageEdit(id, 0, 'ORIGINAL');
    expect((await db.listPages(id))[0]?.editedText).toBeNull();
  });

  it('deleting one document removes its pages and blobs and nothing of the others', async () => {
    const keep = await db.addDocument(file('keep.png'), 1);
    const drop = await db.addDocument(file('drop.png'), 2);
    await db.putPage(page(keep, 0, 'KEEP'), new Blob(['k']));
    await db.putPage(page(drop, 0, 'DROP'), new Blob(['d']));
    await db.deleteDocument(drop);
    expect((await db.listDocuments()).map((d) => d.name)).toEqual(['keep.png']);
    expect(await db.listPages(drop)).toEqual([]);
    expect(await db.getOriginal(drop)).toBeUndefined();
    expect(await db.getPageImage(drop, 0)).toBeUndefined();
    expect((await db.listPages(keep)).map((p) => p.text)).toEqual(['KEEP']);
    expect(await db.getOriginal(keep)).toBeDefined();
  });

  it('deletePages clears a document for a re-read but keeps its original', async () => {
    const id = await db.addDocument(file('a.png'));
    await db.putPage(page(id, 0, 'OLD'), new Blob(['old']));
    await db.deletePages(id);
    expect(await db.listPages(id)).toEqual([]);
    expect(await db.getPageImage(id, 0)).toBeUndefined();
    expect(await db.getOriginal(id)).toBeDefined();
  });

  it('lists unfinished documents oldest first for resuming', async () => {
    const a = await db.addDocument(file('a.png'), 1);
    const b = await db.addDocument(file('b.png'), 2);
    const c = await db.addDocument(file('c.png'), 3);
    await db.updateDocument(a, { status: 'reading' });
    await db.updateDocument(b, { status: 'done' });
    expect((await db.listUnfinished()).map((d) => d.id)).toEqual([a, c]);
  });

  it('reads damaged records with safe defaults instead of crashing', async () => {
    const conn = await openLoupeDb();
    await conn.put('documents', { id: 'broken', status: 'exploded', createdAt: 'yesterday' } as never);
    await conn.put('pages', { docId: 'broken', index: 0, timings: { a: 'x', b: 2 } } as never);
    await conn.put('documents', { notAnId: true } as never).catch(() => undefined);
    const [doc] = await db.listDocuments();
    expect(doc).toMatchObject({ id: 'broken', name: 'Untitled', status: 'failed', pageCount: 0, createdAt: 0 });
    expect(doc?.error?.message).toMatch(/damaged/);
    expect(await db.listPages('broken')).toEqual([
      { docId: 'broken', index: 0, source: 'ocr', text: '', editedText: null, lines: [], width: 0, height: 0, timings: { b: 2 } },
    ]);
  });

  it('turns a full disk into a storage-full error and keeps what was stored', async () => {
    const id = await db.addDocument(file('a.png'));
    await db.putPage(page(id, 0, 'SAFE'), new Blob(['safe']));
    const restore = await failWrites('pages', 'put', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(db.putPage(page(id, 0, 'LOST'), new Blob(['lost']))).rejects.toMatchObject({ code: 'storage-full' });
    restore();
    expect((await db.listPages(id))[0]?.text).toBe('SAFE');
    // The image write succeeded inside the failed transaction and was rolled back with it.
    expect(await (await db.getPageImage(id, 0))?.text()).toBe('safe');
  });

  it('a delete that fails part-way keeps the document, its pages and its blobs', async () => {
    const id = await db.addDocument(file('a.png', 'ORIG'));
    await db.putPage(page(id, 0, 'KEPT'), new Blob(['img']));
    const restore = await failWrites('blobs', 'delete', new DOMException('disk went away', 'UnknownError'));
    await expect(db.deleteDocument(id)).rejects.toMatchObject({ name: 'UnknownError' });
    restore();
    expect((await db.getDocument(id))?.name).toBe('a.png');
    expect((await db.listPages(id)).map((p) => p.text)).toEqual(['KEPT']);
    expect(await (await db.getOriginal(id))?.text()).toBe('ORIG');
  });

  it('tells other tabs which document changed after each committed write', async () => {
    const otherTab = new BroadcastChannel('loupe-db');
    const heard: unknown[] = [];
    otherTab.onmessage = (event: MessageEvent) => heard.push(event.data);
    const id = await db.addDocument(file('a.png'));
    await db.updateDocument(id, { status: 'done' });
    await db.deleteAll();
    await expect.poll(() => heard.length).toBe(3);
    otherTab.close();
    expect(heard).toEqual([{ type: 'changed', docId: id }, { type: 'changed', docId: id }, { type: 'changed' }]);
  });

  it('hands a change another tab announced to listeners until they unsubscribe', async () => {
    const otherTab = new BroadcastChannel('loupe-db');
    const heard: db.DbChange[] = [];
    // A listener that stays subscribed shows when the second message has arrived.
    const all: db.DbChange[] = [];
    const stopAll = db.onDbChange((change) => all.push(change));
    const unsubscribe = db.onDbChange((change) => heard.push(change));
    otherTab.postMessage({ type: 'changed', docId: 'from-other-tab' });
    await expect.poll(() => heard).toEqual([{ type: 'changed', docId: 'from-other-tab' }]);
    unsubscribe();
    otherTab.postMessage({ type: 'changed' });
    await expect.poll(() => all.length).toBe(2);
    stopAll();
    otherTab.close();
    expect(heard).toEqual([{ type: 'changed', docId: 'from-other-tab' }]);
  });

  it('opens a database an earlier release wrote and reads its older-shaped records', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('loupe', 1);
      request.onupgradeneeded = () => {
        const conn = request.result;
        conn.createObjectStore('documents', { keyPath: 'id' }).createIndex('byStatus', 'status');
        conn.createObjectStore('pages', { keyPath: ['docId', 'index'] }).createIndex('byDoc', 'docId');
        conn.createObjectStore('blobs');
        // Records from before engine, readMs, updatedAt and editedText existed.
        request.transaction?.objectStore('documents').put({ id: 'old', name: 'old.png', mime: 'image/png', kind: 'image', size: 3, createdAt: 5, status: 'done', pageCount: 1 });
        request.transaction?.objectStore('pages').put({ docId: 'old', index: 0, source: 'ocr', text: 'OLD TEXT', width: 4, height: 4, timings: {} });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error instanceof Error ? request.error : new Error('open failed'));
    });
    expect(await db.getDocument('old')).toMatchObject({ id: 'old', updatedAt: 5, status: 'done', engine: undefined });
    expect((await db.listPages('old'))[0]).toMatchObject({ text: 'OLD TEXT', editedText: null });
    // The upgrade to version 2 added the search index's store.
    expect(await db.getSearchIndex()).toBeUndefined();
    await db.putSearchIndex('{"format":1}');
    expect(await db.getSearchIndex()).toBe('{"format":1}');
  });

  it('moves the version of a document with an edit of its text, so the search index sees it', async () => {
    const id = await db.addDocument(file('a.png'), 1000);
    await db.putPage(page(id, 0, 'APPLE'), new Blob(['p']));
    const before = (await db.getDocument(id))!.updatedAt;
    await db.setPageEdit(id, 0, 'BANANA');
    expect((await db.getDocument(id))!.updatedAt).toBeGreaterThan(before);
    expect((await db.pagesOf([id, 'gone'])).get(id)!.map((p) => p.editedText)).toEqual(['BANANA']);
    expect((await db.pagesOf([id, 'gone'])).get('gone')).toEqual([]);
  });

  it('deletes the copy of the words in the search index with everything else', async () => {
    await db.addDocument(file('a.png'));
    await db.putSearchIndex('{"words":["APPLE"]}');
    await db.deleteAll();
    expect(await db.getSearchIndex()).toBeUndefined();
  });
});

describe('corrected pages', () => {
  it('keeps the page before correction beside its image, and forgets it when the page is read again uncut', async () => {
    const id = await db.addDocument(file('photo.png'));
    await db.putPage(page(id, 0, 'TOTAL'), new Blob(['straight']), new Blob(['photo']));
    expect(await (await db.getPageImage(id, 0))?.text()).toBe('straight');
    expect(await (await db.getPageSourceImage(id, 0))?.text()).toBe('photo');
    await db.putPage(page(id, 0, 'TOTAL'), new Blob(['whole']));
    // Nothing was cut out: the page image is its own source.
    expect(await (await db.getPageSourceImage(id, 0))?.text()).toBe('whole');
    await db.deletePages(id);
    expect(await db.getPageSourceImage(id, 0)).toBeUndefined();
    expect(await db.getOriginal(id)).toBeDefined();
  });

  it('reads corrections and geometry back, dropping damaged corners rather than cutting along them', () => {
    const quad = [
      { x: 1, y: 2 },
      { x: 30, y: 2 },
      { x: 30, y: 40 },
      { x: 1, y: 40 },
    ];
    const doc = normalizeDocument({
      id: 'x',
      status: 'done',
      rereadPage: 2,
      corrections: { 0: [{ corners: 'auto', rotation: 90 }, { corners: quad, rotation: 45 }, { corners: [{ x: 1 }], rotation: 0 }, { corners: null, rotation: 180 }], 1: 'junk', two: [] },
    });
    expect(doc?.corrections).toEqual({ 0: [{ corners: 'auto', rotation: 90 }, { corners: quad, rotation: 0 }, { corners: null, rotation: 180 }] });
    expect(doc?.rereadPage).toBe(2);
    expect(normalizeDocument({ id: 'x', rereadPage: -1, corrections: { 0: [] } })).toMatchObject({ rereadPage: undefined, corrections: undefined });
    const stored = normalizePage({ docId: 'a', index: 0, geometry: { sourceWidth: 40, sourceHeight: 50, detected: quad, corners: 'bad', rotation: 270 } });
    expect(stored?.geometry).toEqual({ sourceWidth: 40, sourceHeight: 50, detected: quad, corners: null, rotation: 270 });
    expect(normalizePage({ docId: 'a', index: 0, geometry: { sourceWidth: 0 } })?.geometry).toBeUndefined();
  });
});

describe('normalize on read', () => {
  it('drops records without a usable key', () => {
    expect(normalizeDocument(null)).toBeUndefined();
    expect(normalizeDocument({ id: 7 })).toBeUndefined();
    expect(normalizePage({ docId: 'a', index: '0' })).toBeUndefined();
    // Pages stored before boxes were kept read with none.
    expect(normalizePage({ docId: 'a', index: 0, text: 'T' })?.lines).toEqual([]);
  });

  it('keeps who answered the fields: SmolVLM and Mistral stay themselves, anything else is the local extractor', () => {
    const receipt = { merchantName: 'A', merchantAddress: null, date: null, time: null, currency: null, subtotal: null, tax: null, tip: null, total: 1, paymentMethod: null, lineItems: [] };
    const sourceOf = (source: unknown) => normalizeDocument({ id: 'x', status: 'done', fields: { receipt, source, edited: false, review: { ok: true, issues: [] } } })?.fields?.source;
    expect([sourceOf('smolvlm'), sourceOf('mistral'), sourceOf('local'), sourceOf('oracle')]).toEqual(['smolvlm', 'mistral', 'local', 'local']);
  });

  it('replaces wrong-typed fields with safe defaults', () => {
    expect(
      normalizeDocument({ id: 'x', name: 3, kind: 'spreadsheet', size: NaN, createdAt: 10, status: 'done', error: { code: 42, message: null }, readMs: '9' }),
    ).toEqual({
      id: 'x',
      name: 'Untitled',
      mime: '',
      kind: 'unknown',
      size: 0,
      createdAt: 10,
      updatedAt: 10,
      status: 'done',
      error: { message: 'Unknown error', code: undefined },
      pageCount: 0,
      engine: undefined,
      readMs: undefined,
    });
    expect(normalizePage({ docId: 'a', index: 1, source: 'magic', text: 5, editedText: 7, timings: 'fast', lines: [{ text: 'A', box: [1, 2, 3] }, { text: 'B', box: [1, 2, 3, 4] }, 'C'] })).toEqual({
      docId: 'a',
      index: 1,
      source: 'ocr',
      text: '',
      editedText: null,
      lines: [{ text: 'B', box: [1, 2, 3, 4] }],
      width: 0,
      height: 0,
      timings: {},
    });
  });
});

describe('storage errors', () => {
  it('a quota failure, however the browser words it, becomes a human storage-full error', () => {
    for (const error of [new DOMException('', 'QuotaExceededError'), new Error('Quota exceeded for origin')]) {
      const mapped = toStorageError(error);
      expect(mapped).toBeInstanceOf(LoupeError);
      expect(mapped).toMatchObject({ code: 'storage-full', message: expect.stringMatching(/no room left/) as unknown });
    }
  });

  it('other failures pass through unchanged', () => {
    const abort = new DOMException('The transaction was aborted.', 'AbortError');
    expect(toStorageError(abort)).toBe(abort);
    expect(toStorageError('odd')).toBe('odd');
  });
});
