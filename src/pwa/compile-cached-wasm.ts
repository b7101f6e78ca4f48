/**
 * Compiles a wasm runtime from Loupe's own Cache Storage copy, fetching and storing it first when there is none.
 * Chromium keeps the optimized machine code of a module compiled from a cached response beside that response,
 * so later visits skip most of the compile. The cache holds one version: a new release's file replaces the old.
 */
export async function compileCachedWasm(url: string, cacheName: string, fetchBytes: (url: string) => Promise<Uint8Array<ArrayBuffer>>): Promise<WebAssembly.Module> {
  const cache = await globalThis.caches?.open(cacheName).catch(() => undefined);
  const cached = await cache?.match(url);
  // A damaged or half-evicted copy is dropped and fetched again, rather than failing every load from now on.
  if (cached) {
    const compiled = await WebAssembly.compileStreaming(cached).catch(() => undefined);
    if (compiled) return compiled;
    await cache!.delete(url);
  }
  const bytes = await fetchBytes(url);
  if (!cache) return WebAssembly.compile(bytes);
  // A cache that cannot take it (storage full) only costs the next visit a compile.
  const stored = await Promise.all((await cache.keys()).map((old) => cache.delete(old)))
    .then(() => cache.put(url, new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } })))
    .then(() => cache.match(url))
    .catch(() => undefined);
  return stored ? WebAssembly.compileStreaming(stored) : WebAssembly.compile(bytes);
}
