import { describe, expect, it } from 'vitest';
import { assertImageComplete } from '../../../src/pipeline/image/integrity';
import { makeBadFileFixtures, makeHalfBlackPngFixture, makeJpegFixture, withExifOrientation } from '../../fixtures';

const corrupt = expect.objectContaining({ code: 'corrupt-image', message: "The image is damaged or incomplete and can't be decoded." });

/** The classic 1×1 GIF: header, screen with a 2-colour table, one image of one LZW sub-block, trailer. */
const gif = new Uint8Array([
  ...new TextEncoder().encode('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
  0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b,
]);

describe('assertImageComplete', () => {
  it('accepts whole images', () => {
    for (const [bytes, mime] of [[makeJpegFixture(64, 48), 'image/jpeg'], [makeHalfBlackPngFixture(32, 32), 'image/png'], [gif, 'image/gif']] as const)
      expect(() => assertImageComplete(bytes, mime)).not.toThrow();
  });

  it('refuses the truncated fixtures and files missing only their end marker', () => {
    const bad = makeBadFileFixtures();
    expect(() => assertImageComplete(bad.truncatedJpeg, 'image/jpeg')).toThrowError(corrupt);
    expect(() => assertImageComplete(bad.truncatedPng, 'image/png')).toThrowError(corrupt);
    const jpeg = makeJpegFixture(64, 48);
    expect(() => assertImageComplete(jpeg.subarray(0, jpeg.length - 2), 'image/jpeg')).toThrowError(corrupt);
    expect(() => assertImageComplete(gif.subarray(0, gif.length - 1), 'image/gif')).toThrowError(corrupt);
  });

  it('ignores data appended after the end of the image, as motion photos carry', () => {
    const photo = withExifOrientation(makeJpegFixture(64, 48), 6, 'big');
    const video = new Uint8Array(200_000).fill(0x42);
    expect(() => assertImageComplete(new Uint8Array([...photo, ...video]), 'image/jpeg')).not.toThrow();
  });

  it('is not fooled by an end marker inside metadata when the image data is cut', () => {
    const thumbnail = makeJpegFixture(8, 8);
    const app1 = new Uint8Array([0xff, 0xe1, (thumbnail.length + 2) >> 8, (thumbnail.length + 2) & 0xff, ...thumbnail]);
    const whole = makeJpegFixture(64, 48);
    const withThumbnail = new Uint8Array([...whole.subarray(0, 2), ...app1, ...whole.subarray(2)]);
    expect(() => assertImageComplete(withThumbnail, 'image/jpeg')).not.toThrow();
    expect(() => assertImageComplete(withThumbnail.subarray(0, withThumbnail.length - 100), 'image/jpeg')).toThrowError(corrupt);
  });

  it('checks WebP and BMP against the size their header declares', () => {
    const webp = new Uint8Array(40);
    webp.set(new TextEncoder().encode('RIFF'), 0);
    new DataView(webp.buffer).setUint32(4, 32, true);
    expect(() => assertImageComplete(webp, 'image/webp')).not.toThrow();
    expect(() => assertImageComplete(webp.subarray(0, 30), 'image/webp')).toThrowError(corrupt);
    const bmp = new Uint8Array(70);
    new DataView(bmp.buffer).setUint32(2, 70, true);
    expect(() => assertImageComplete(bmp, 'image/bmp')).not.toThrow();
    expect(() => assertImageComplete(bmp.subarray(0, 60), 'image/bmp')).toThrowError(corrupt);
  });
});
