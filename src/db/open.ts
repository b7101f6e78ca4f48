import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type LoupeDB } from './schema';

let opening: Promise<IDBPDatabase<LoupeDB>> | undefined;

/** Each step upgrades one version, so a browser that skipped releases still walks every step. */
export function openLoupeDb(): Promise<IDBPDatabase<LoupeDB>> {
  opening ??= openDB<LoupeDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const documents = db.createObjectStore('documents', { keyPath: 'id' });
        documents.createIndex('byStatus', 'status');
        const pages = db.createObjectStore('pages', { keyPath: ['docId', 'index'] });
        pages.createIndex('byDoc', 'docId');
        db.createObjectStore('blobs');
      }
      if (oldVersion < 2) db.createObjectStore('search');
    },
    // Another tab holds an older version open: close ours so its upgrade is not blocked forever.
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** For tests: forget the cached connection after closing it. */
export async function closeLoupeDb(): Promise<void> {
  const db = await opening;
  db?.close();
  opening = undefined;
}
