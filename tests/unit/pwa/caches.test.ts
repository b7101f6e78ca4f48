import { describe, expect, it } from 'vitest';
import { ownCachesToDelete, RUNTIME_CACHES, SHARE_INBOX_CACHE } from '../../../src/pwa/caches';

describe('caches an update cleans up', () => {
  it('drops only Loupe caches this version does not use, keeping the runtimes, the share inbox and model weights', () => {
    const names = ['loupe-precache-v2-https://loupe.app/', RUNTIME_CACHES.tesseract, RUNTIME_CACHES.ocr, SHARE_INBOX_CACHE, 'transformers-cache', 'loupe-runtime-ocr-v0', 'loupe-old-thing'];
    expect(ownCachesToDelete(names)).toEqual(['loupe-runtime-ocr-v0', 'loupe-old-thing']);
  });
});
