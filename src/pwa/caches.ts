/**
 * Cache names Loupe's service worker owns. Everything it creates starts with the prefix; caches with
 * other names (transformers.js keeps downloaded model weights in its own) are never touched by an update.
 */
export const CACHE_PREFIX = 'loupe';

/**
 * Runtimes kept apart from the precache: Tesseract's, the OCR runtime compiled from Cache Storage
 * (src/engines/ort-runtime.ts), the image tools that straighten photos and llama.cpp's wasm, cached on first use.
 */
export const RUNTIME_CACHES = {
  tesseract: `${CACHE_PREFIX}-runtime-tesseract-v1`,
  ocr: `${CACHE_PREFIX}-runtime-ocr-v1`,
  imageTools: `${CACHE_PREFIX}-runtime-image-tools-v1`,
  imageToolsWasm: `${CACHE_PREFIX}-runtime-image-tools-wasm-v1`,
  llama: `${CACHE_PREFIX}-runtime-llama-v1`,
} as const;

/**
 * OpenCV.js's script and wasm as the build names them (`assets/opencv-<hash>.mjs`, `.wasm`), left out of the
 * precache (vite.config.ts): the service worker caches the script on first use, Loupe the wasm (compiled from it).
 */
export const IMAGE_TOOLS_FILES = ['assets/opencv-*.mjs', 'assets/opencv-*.wasm'];
export const isImageToolsScript = (pathname: string) => /^\/assets\/opencv-[\w-]+\.mjs$/.test(pathname);

/** llama.cpp's wasm (`assets/wllama-<hash>.wasm`, 10 MB), for GGUF models only: cached on first use, not precached. */
export const LLAMA_WASM = 'assets/wllama-*.wasm';
export const isLlamaWasm = (pathname: string) => /^\/assets\/wllama-[\w-]+\.wasm$/.test(pathname);

export const SHARE_INBOX_CACHE = `${CACHE_PREFIX}-share-inbox`;
export const SHARE_TARGET_PATH = '/share-target';

/** Workbox names its precache `<prefix>-precache-v2-<scope>` and cleans its older versions itself. */
const isCurrent = (name: string) =>
  name.startsWith(`${CACHE_PREFIX}-precache-v2-`) || name === SHARE_INBOX_CACHE || Object.values(RUNTIME_CACHES).includes(name as never);

/** Our caches from older versions: prefixed with ours and not in use by this one. */
export function ownCachesToDelete(names: string[]): string[] {
  return names.filter((name) => name.startsWith(`${CACHE_PREFIX}-`) && !isCurrent(name));
}
