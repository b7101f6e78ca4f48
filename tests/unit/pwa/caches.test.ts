import { describe, expect, it } from 'vitest';
import { isImageToolsScript, isLlamaWasm, ownCachesToDelete, RUNTIME_CACHES, SHARE_INBOX_CACHE } from '../../../src/pwa/caches';

describe('caches an update cleans up', () => {
  it('drops only Loupe caches this version does not use, keeping the runtimes, the share inbox and model weights', () => {
    const names = ['loupe-precache-v2-https://loupe.app/', RUNTIME_CACHES.tesseract, RUNTIME_CACHES.ocr, RUNTIME_CACHES.imageTools, RUNTIME_CACHES.imageToolsWasm, RUNTIME_CACHES.llama, SHARE_INBOX_CACHE, 'transformers-cache', 'loupe-runtime-ocr-v0', 'loupe-old-thing'];
    expect(ownCachesToDelete(names)).toEqual(['loupe-runtime-ocr-v0', 'loupe-old-thing']);
  });

  it('knows the image tools script by the name the build gives it, and nothing else', () => {
    expect(isImageToolsScript('/assets/opencv-B3xk_9Qa.mjs')).toBe(true);
    expect(isImageToolsScript('/assets/opencv-B3xk_9Qa.wasm')).toBe(false);
    expect(isImageToolsScript('/assets/opencv-B3xk_9Qa.mjs.map')).toBe(false);
    expect(isImageToolsScript('/assets/index-B3xk_9Qa.mjs')).toBe(false);
    expect(isImageToolsScript('/vendor/opencv-1.mjs')).toBe(false);
  });

  it('knows llama.cpp’s wasm by its hashed asset name', () => {
    expect(isLlamaWasm('/assets/wllama-Dq3_x9.wasm')).toBe(true);
    expect(isLlamaWasm('/assets/ort-wasm-simd-threaded.jsep-Dq3_x9.wasm')).toBe(false);
    expect(isLlamaWasm('/assets/wllama-Dq3_x9.js')).toBe(false);
  });
});
