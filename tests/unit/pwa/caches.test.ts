import { describe, expect, it } from 'vitest';
import { isImageToolsChunk, isLlamaWasm, ownCachesToDelete, RUNTIME_CACHES, SHARE_INBOX_CACHE } from '../../../src/pwa/caches';

describe('caches an update cleans up', () => {
  it('drops only Loupe caches this version does not use, keeping the runtimes, the share inbox and model weights', () => {
    const names = ['loupe-precache-v2-https://loupe.app/', RUNTIME_CACHES.tesseract, RUNTIME_CACHES.ocr, RUNTIME_CACHES.imageTools, RUNTIME_CACHES.llama, SHARE_INBOX_CACHE, 'transformers-cache', 'loupe-runtime-ocr-v0', 'loupe-old-thing'];
    expect(ownCachesToDelete(names)).toEqual(['loupe-runtime-ocr-v0', 'loupe-old-thing']);
  });

  it('knows the image tools chunk by the name Vite gives it, and nothing else', () => {
    expect(isImageToolsChunk('/assets/opencv-B3xk_9Qa.js')).toBe(true);
    expect(isImageToolsChunk('/assets/opencv-B3xk_9Qa.js.map')).toBe(false);
    expect(isImageToolsChunk('/assets/index-B3xk_9Qa.js')).toBe(false);
    expect(isImageToolsChunk('/vendor/opencv-1.js')).toBe(false);
  });

  it('knows llama.cpp’s wasm by its hashed asset name', () => {
    expect(isLlamaWasm('/assets/wllama-Dq3_x9.wasm')).toBe(true);
    expect(isLlamaWasm('/assets/ort-wasm-simd-threaded.jsep-Dq3_x9.wasm')).toBe(false);
    expect(isLlamaWasm('/assets/wllama-Dq3_x9.js')).toBe(false);
  });
});
