import { openLoupeDb } from './open';
import { blobRange, originalKey, pageImageKey, type DocumentRecord, type PageRecord } from './schema';
import { normalizeDocument, normalizePage } from './normalize';
import { LoupeError } from '../errors';

export type { DocumentRecord, PageRecord, DocumentStatus } from './schema';
export { closeLoupeDb } from './open';

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('loupe-db');

/** Other tabs refresh when this one writes. */
export function onDbChange(listener: () => void): () => void {
  const handler = () => listener();
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}

/** Runs a write; a full disk becomes a human error and, the transaction having aborted, nothing earlier is touched. */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    channel?.postMessage({ type: 'changed' });
    return result;
  } catch (error) {
    if (error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message))) {
      throw new LoupeError(
        'storage-full',
        'This device has no room left for Loupe. Delete some documents (or free space in the browser) and try again; nothing already stored was changed.',
      );
    }
    throw error;
  }
}

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
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction(['documents', 'blobs'], 'readwrite');
    await Promise.all([tx.objectStore('documents').add(record), tx.objectStore('blobs').put(file, originalKey(id)), tx.done]);
  });
  return id;
}

/** Newest first. */
export async function listDocuments(): Promise<DocumentRecord[]> {
  const db = await openLoupeDb();
  const raw = await db.getAll('documents');
  return raw
    .map(normalizeDocument)
    .filter((d): d is DocumentRecord => d !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
}

export async function getDocument(id: string): Promise<DocumentRecord | undefined> {
  const db = await openLoupeDb();
  return normalizeDocument(await db.get('documents', id));
}

export async function updateDocument(id: string, patch: Partial<Omit<DocumentRecord, 'id' | 'createdAt'>>): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction('documents', 'readwrite');
    const current = normalizeDocument(await tx.store.get(id));
    // A document deleted meanwhile stays deleted.
    if (current) await tx.store.put({ ...current, ...patch, id, updatedAt: Math.max(Date.now(), current.updatedAt + 1) });
    await tx.done;
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

export async function putPage(page: PageRecord, image: Blob): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction(['pages', 'blobs'], 'readwrite');
    await Promise.all([tx.objectStore('pages').put(page), tx.objectStore('blobs').put(image, pageImageKey(page.docId, page.index)), tx.done]);
  });
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

export async function setPageEdit(docId: string, index: number, text: string): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction('pages', 'readwrite');
    const page = normalizePage(await tx.store.get([docId, index]));
    if (page) await tx.store.put({ ...page, editedText: text === page.text ? null : text });
    await tx.done;
  });
}

/** Before a document is read again: its old pages and page images go, its original stays. */
export async function deletePages(docId: string): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction(['pages', 'blobs'], 'readwrite');
    const keys = await tx.objectStore('pages').index('byDoc').getAllKeys(docId);
    await Promise.all([
      ...keys.map((key) => tx.objectStore('pages').delete(key)),
      tx.objectStore('blobs').delete(IDBKeyRange.bound(`${docId}/page/`, `${docId}/page/\uffff`)),
      tx.done,
    ]);
  });
}

/** The document, its pages and every blob, in one transaction: all gone or all kept. */
export async function deleteDocument(id: string): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction(['documents', 'pages', 'blobs'], 'readwrite');
    const keys = await tx.objectStore('pages').index('byDoc').getAllKeys(id);
    await Promise.all([
      tx.objectStore('documents').delete(id),
      ...keys.map((key) => tx.objectStore('pages').delete(key)),
      tx.objectStore('blobs').delete(blobRange(id)),
      tx.done,
    ]);
  });
}

export async function deleteAll(): Promise<void> {
  const db = await openLoupeDb();
  await write(async () => {
    const tx = db.transaction(['documents', 'pages', 'blobs'], 'readwrite');
    await Promise.all([tx.objectStore('documents').clear(), tx.objectStore('pages').clear(), tx.objectStore('blobs').clear(), tx.done]);
  });
}
