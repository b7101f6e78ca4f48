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

/** A file the build names `assets/<stem>-<hash>.<extension>`: as a glob for the precache's ignores, and as a test of a request's path. */
function hashedAsset(stem: string, extension: string) {
  const path = new RegExp(`^/assets/${stem}-[\\w-]+\\.${extension}$`);
  return { glob: `assets/${stem}-*.${extension}`, matches: (pathname: string) => path.test(pathname) };
}

/**
 * OpenCV.js's script and wasm (`assets/opencv-<hash>.mjs`, `.wasm`), left out of the precache (vite.config.ts):
 * the service worker caches the script on first use, Loupe the wasm (compiled from it).
 */
const OPENCV_SCRIPT = hashedAsset('opencv', 'mjs');
export const IMAGE_TOOLS_FILES = [OPENCV_SCRIPT.glob, hashedAsset('opencv', 'wasm').glob];
export const isImageToolsScript = OPENCV_SCRIPT.matches;

/** llama.cpp's wasm (`assets/wllama-<hash>.wasm`, 10 MB), for GGUF models only: cached on first use, not precached. */
const LLAMA = hashedAsset('wllama', 'wasm');
export const LLAMA_WASM = LLAMA.glob;
export const isLlamaWasm = LLAMA.matches;

export const SHARE_INBOX_CACHE = `${CACHE_PREFIX}-share-inbox`;
export const SHARE_TARGET_PATH = '/share-target';

/** Workbox names its precache `<prefix>-precache-v2-<scope>` and cleans its older versions itself. */
const isCurrent = (name: string) =>
  name.startsWith(`${CACHE_PREFIX}-precache-v2-`) || name === SHARE_INBOX_CACHE || Object.values(RUNTIME_CACHES).includes(name as never);

/** Our caches from older versions: prefixed with ours and not in use by this one. */
export function ownCachesToDelete(names: string[]): string[] {
  return names.filter((name) => name.startsWith(`${CACHE_PREFIX}-`) && !isCurrent(name));
}
