import { CACHE_PREFIX } from './caches';
import type { StorageReport } from '../store/app-shell';

/**
 * Asks the browser to keep Loupe's data under storage pressure. Chromium decides silently (an
 * installed app is granted); Firefox asks the user. Asked once the user has stored something.
 */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

/** How much each part of Loupe takes on this device. */
export async function storageReport(): Promise<StorageReport> {
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : {};
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : false;
  let app = 0;
  let models = 0;
  if ('caches' in globalThis) {
    for (const name of await caches.keys()) {
      const size = await cacheBytes(await caches.open(name));
      if (name.startsWith(`${CACHE_PREFIX}-`)) app += size;
      else models += size;
    }
  }
  // GGUF models live in the origin private file system, not in a cache (its code loads only for this report).
  const { listGgufModels } = await import('../engines/smolvlm-gguf/opfs-store');
  models += (await listGgufModels().catch(() => [])).reduce((sum, model) => sum + model.bytes, 0);
  const details = (estimate as { usageDetails?: { indexedDB?: number } }).usageDetails;
  const usage = estimate.usage ?? 0;
  return {
    persisted,
    usage,
    quota: estimate.quota ?? 0,
    documents: details?.indexedDB ?? Math.max(0, usage - app - models),
    app,
    models,
  };
}

async function cacheBytes(cache: Cache): Promise<number> {
  let total = 0;
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const length = Number(response?.headers.get('Content-Length'));
    // A blob of a cached response is disk-backed: asking its size does not read it into memory.
    total += Number.isFinite(length) && length > 0 ? length : ((await response?.blob())?.size ?? 0);
  }
  return total;
}
