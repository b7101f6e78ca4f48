import type { IDBPTransaction, StoreNames } from 'idb';
import { openLoupeDb } from './open';
import type { LoupeDB } from './schema';
import { LoupeError } from '../errors';

/** What other tabs hear after a committed write. */
export interface DbChange {
  type: 'changed';
  docId?: string;
}

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('loupe-db');

/** Other tabs refresh when this one writes; returns the unsubscribe. */
export function onDbChange(listener: (change: DbChange) => void): () => void {
  const handler = (event: MessageEvent<DbChange>) => listener(event.data);
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}

type Store = StoreNames<LoupeDB>;
export type WriteTx<S extends Store[]> = IDBPTransaction<LoupeDB, S, 'readwrite'>;

/**
 * Runs `run` in one readwrite transaction over `stores`. Any failure aborts the whole transaction,
 * so earlier data is never half-overwritten, and a full disk becomes a human storage-full error.
 */
export async function write<S extends Store[], T>(stores: S, docId: string | undefined, run: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
  const db = await openLoupeDb();
  const tx = db.transaction(stores, 'readwrite');
  try {
    const result = await run(tx);
    await tx.done;
    channel?.postMessage(docId === undefined ? { type: 'changed' } : { type: 'changed', docId } satisfies DbChange);
    return result;
  } catch (error) {
    // The abort is what undoes the requests that did succeed.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already committed or aborted by the browser: nothing to undo.
    }
    throw toStorageError(error);
  }
}

export function toStorageError(error: unknown): unknown {
  if (error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message))) {
    return new LoupeError(
      'storage-full',
      'This device has no room left for Loupe. Delete some documents (or free space in the browser) and try again; nothing already stored was changed.',
    );
  }
  return error;
}
