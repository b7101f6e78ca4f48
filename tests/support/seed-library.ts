import type { Page } from '@playwright/test';
import { makeLibraryFixture } from '../fixtures/library';

/**
 * Writes a generated library straight into the open app's IndexedDB (as if those receipts had been read) and
 * reloads, so Loupe starts with them; the app must have opened once so its database exists.
 */
export async function seedLibrary(page: Page, count: number, seed?: number): Promise<ReturnType<typeof makeLibraryFixture>> {
  const library = makeLibraryFixture(count, seed);
  await page.evaluate(
    ({ documents, pages }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('loupe');
        open.onerror = () => reject(new Error('could not open Loupe’s database'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['documents', 'pages'], 'readwrite');
          documents.forEach((doc) => tx.objectStore('documents').put(doc));
          pages.forEach((p) => tx.objectStore('pages').put(p));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    library,
  );
  await page.reload();
  return library;
}
