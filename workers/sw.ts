/// <reference lib="webworker" />
import { setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CACHE_PREFIX, SHARE_INBOX_CACHE, SHARE_TARGET_PATH, isImageToolsScript, isLlamaWasm, ownCachesToDelete, RUNTIME_CACHES } from '../src/pwa/caches';
import { stashSharedFiles } from '../src/pwa/share-inbox';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

setCacheNameDetails({ prefix: CACHE_PREFIX });
// The app shell, the runtime's wasm and the default engine's models: everything a first offline read needs.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation (query strings included) is the one-page app.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

// The second engine is cached the first time it is used rather than on every install.
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/vendor/tesseract/'), new CacheFirst({ cacheName: RUNTIME_CACHES.tesseract }));

// The script of the image tools that straighten photos (OpenCV.js) is cached once a photo needs them; one version
// is kept. Their wasm is Loupe's own to cache (src/pipeline/image/capture/opencv-runtime.ts).
registerRoute(
  ({ url }) => url.origin === self.location.origin && isImageToolsScript(url.pathname),
  new CacheFirst({ cacheName: RUNTIME_CACHES.imageTools, plugins: [new ExpirationPlugin({ maxEntries: 1 })] }),
);

// llama.cpp's wasm, which only GGUF models need, is cached the first time one loads; one version is kept.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isLlamaWasm(url.pathname),
  new CacheFirst({ cacheName: RUNTIME_CACHES.llama, plugins: [new ExpirationPlugin({ maxEntries: 1 })] }),
);

// A phone's share sheet posts the files here; they wait in a cache until the page takes them.
registerRoute(
  ({ url }) => url.pathname === SHARE_TARGET_PATH,
  async ({ request }) => {
    const form = await request.formData();
    const count = await stashSharedFiles(await caches.open(SHARE_INBOX_CACHE), form.getAll('files'));
    return Response.redirect(`/?shared=${count}`, 303);
  },
  'POST',
);

// An update waits until the user accepts it, so no reload ever lands in the middle of a reading.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Old caches are ours to remove only by our own prefix: downloaded models live in other caches and survive.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const doomed = ownCachesToDelete(await caches.keys());
      await Promise.all(doomed.map((name) => caches.delete(name)));
    })(),
  );
});
