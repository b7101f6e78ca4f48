import { openLoupeDb } from './open';
import { blobRange, originalKey, pageImageKey, pageImageRange, pageSourceKey, type DocumentRecord, type PageRecord } from './schema';
import { normalizeDocument, normalizePage } from './normalize';
import { write } from './write';

export type { DocumentRecord, PageRecord, DocumentStatus, ReceiptFields } from './schema';
export type { DbChange } from './write';
export { onDbChange } from './write';
export { closeLoupeDb } from './open';

export async function addDocument(file: File, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  const record: DocumentRecord = {
    id,
    name: file.name || 'Untitled',
    mime: file.type,
    kind: 'unknown',
    size: file.size,
    createdAt: now,
    updatedAt: now,
    status: 'queued',
    pageCount: 0,
  };
  await write(['documents', 'blobs'], id, (tx) =>
    Promise.all([tx.objectStore('documents').add(record), tx.objectStore('blobs').put(file, originalKey(id))]),
  );
  return id;
}

/** The list's order: newest first, then by name. */
export const newestFirst = (a: DocumentRecord, b: DocumentRecord) => b.createdAt - a.createdAt || a.name.localeCompare(b.name);

/** Newest first. */
export async function listDocuments(): Promise<DocumentRecord[]> {
  const db = await openLoupeDb();
  const raw = await db.getAll('documents');
  return raw
    .map(normalizeDocument)
    .filter((d): d is DocumentRecord => d !== undefined)
    .sort(newestFirst);
}

export async function getDocument(id: string): Promise<DocumentRecord | undefined> {
  const db = await openLoupeDb();
  return normalizeDocument(await db.get('documents', id));
}

export async function updateDocument(id: string, patch: Partial<Omit<DocumentRecord, 'id' | 'createdAt'>>): Promise<void> {
  await write(['documents'], id, async (tx) => {
    const store = tx.objectStore('documents');
    const current = normalizeDocument(await store.get(id));
    // A document deleted meanwhile stays deleted.
    if (current) await store.put({ ...current, ...patch, id, updatedAt: Math.max(Date.now(), current.updatedAt + 1) });
  });
}

/** Documents a reload or closed tab interrupted, oldest first, to resume. */
export async function listUnfinished(): Promise<DocumentRecord[]> {
  const docs = await listDocuments();
  return docs.filter((d) => d.status === 'queued' || d.status === 'reading').reverse();
}

export async function getOriginal(id: string): Promise<Blob | undefined> {
  const db = await openLoupeDb();
  return db.get('blobs', originalKey(id));
}

/** The page's text, its display image and the page before correction (when there was one) land together or not at all. */
export async function putPage(page: PageRecord, image: Blob, sourceImage?: Blob): Promise<void> {
  await write(['pages', 'blobs'], page.docId, (tx) => {
    const blobs = tx.objectStore('blobs');
    const source = pageSourceKey(page.docId, page.index);
    return Promise.all([
      tx.objectStore('pages').put(page),
      blobs.put(image, pageImageKey(page.docId, page.index)),
      sourceImage ? blobs.put(sourceImage, source) : blobs.delete(source),
    ]);
  });
}

/** The page as it was before it was cut out or turned; its display image when nothing was done to it. */
export async function getPageSourceImage(docId: string, index: number): Promise<Blob | undefined> {
  const db = await openLoupeDb();
  return (await db.get('blobs', pageSourceKey(docId, index))) ?? db.get('blobs', pageImageKey(docId, index));
}

export async function listPages(docId: string): Promise<PageRecord[]> {
  const db = await openLoupeDb();
  const raw = await db.getAllFromIndex('pages', 'byDoc', docId);
  return raw
    .map(normalizePage)
    .filter((p): p is PageRecord => p !== undefined)
    .sort((a, b) => a.index - b.index);
}

export async function getPageImage(docId: string, index: number): Promise<Blob | undefined> {
  const db = await openLoupeDb();
  return db.get('blobs', pageImageKey(docId, index));
}

/** The document's version moves with its text, so the search index sees the edit. */
export async function setPageEdit(docId: string, index: number, text: string): Promise<void> {
  await write(['pages', 'documents'], docId, async (tx) => {
    const store = tx.objectStore('pages');
    const page = normalizePage(await store.get([docId, index]));
    const doc = normalizeDocument(await tx.objectStore('documents').get(docId));
    if (!page || !doc) return;
    await store.put({ ...page, editedText: text === page.text ? null : text });
    await tx.objectStore('documents').put({ ...doc, updatedAt: Math.max(Date.now(), doc.updatedAt + 1) });
  });
}

/** Before a document is read again: its old pages and page images go, its original stays. */
export async function deletePages(docId: string): Promise<void> {
  await write(['pages', 'blobs'], docId, async (tx) => {
    const keys = await tx.objectStore('pages').index('byDoc').getAllKeys(docId);
    await Promise.all([...keys.map((key) => tx.objectStore('pages').delete(key)), tx.objectStore('blobs').delete(pageImageRange(docId))]);
  });
}

/** The document, its pages and every blob, in one transaction: all gone or all kept. */
export async function deleteDocument(id: string): Promise<void> {
  await write(['documents', 'pages', 'blobs'], id, async (tx) => {
    const keys = await tx.objectStore('pages').index('byDoc').getAllKeys(id);
    await Promise.all([
      tx.objectStore('documents').delete(id),
      ...keys.map((key) => tx.objectStore('pages').delete(key)),
      tx.objectStore('blobs').delete(blobRange(id)),
    ]);
  });
}

/** Everything, the search index's copy of the words included. */
export async function deleteAll(): Promise<void> {
  await write(['documents', 'pages', 'blobs', 'search'], undefined, (tx) =>
    Promise.all([tx.objectStore('documents').clear(), tx.objectStore('pages').clear(), tx.objectStore('blobs').clear(), tx.objectStore('search').clear()]),
  );
}

const SEARCH_KEY = 'index';

export async function getSearchIndex(): Promise<string | undefined> {
  const db = await openLoupeDb();
  return db.get('search', SEARCH_KEY);
}

/** Written quietly: other tabs keep their own index in step, so they are not told. */
export async function putSearchIndex(json: string): Promise<void> {
  const db = await openLoupeDb();
  await db.put('search', json, SEARCH_KEY);
}

/** Every page of these documents, in one transaction, by document id. */
export async function pagesOf(docIds: readonly string[]): Promise<Map<string, PageRecord[]>> {
  const db = await openLoupeDb();
  const index = db.transaction('pages').store.index('byDoc');
  const lists = await Promise.all(docIds.map((id) => index.getAll(id)));
  return new Map(docIds.map((id, i) => [id, lists[i]!.map(normalizePage).filter((p): p is PageRecord => p !== undefined).sort((a, b) => a.index - b.index)]));
}
