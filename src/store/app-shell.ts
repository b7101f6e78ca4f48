import { create } from 'zustand';

/** What the page knows about its own installation: connectivity, a waiting update, storage. */
interface AppShell {
  online: boolean;
  /** The app shell and default engine are cached: Loupe now works with no connection. */
  offlineReady: boolean;
  /** A new version is installed and waits for the user's go-ahead. */
  updateWaiting: boolean;
  storage: StorageReport | undefined;
}

export interface StorageReport {
  /** Whether the browser promised not to evict Loupe's data under storage pressure. */
  persisted: boolean;
  /** Bytes the browser counts against Loupe's origin, and the quota it grants. */
  usage: number;
  quota: number;
  /** Bytes per part: stored documents, the cached app and engine, downloaded models. */
  documents: number;
  app: number;
  models: number;
}

export const useAppShell = create<AppShell>()(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  offlineReady: false,
  updateWaiting: false,
  storage: undefined,
}));
