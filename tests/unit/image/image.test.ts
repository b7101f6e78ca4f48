import { describe, expect, it } from 'vitest';
import { readExifOrientation } from '../../../src/pipeline/image/exif';
import { capSize } from '../../../src/pipeline/image/cap';
import { assertImageComplete } from '../../../src/pipeline/image/integrity';
import { makeJpegFixture, withExifOrientation } from '../../fixtures/images';

describe('readExifOrientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i in both byte orders', (orientation) => {
    const jpeg = makeJpegFixture(8, 4);
    expect(readExifOrientation(withExifOrientation(jpeg, orientation, 'little'))).toBe(orientation);
    expect(readExifOrientation(withExifOrientation(jpeg, orientation, 'big'))).toBe(orientation);
  });

  it('is 1 without EXIF, for non-JPEGs, and for damaged or hostile headers', () => {
    expect(readExifOrientation(makeJpegFixture(8, 4))).toBe(1);
    expect(readExifOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
    const damaged = withExifOrientation(makeJpegFixture(8, 4), 6, 'little');
    expect(readExifOrientation(damaged.subarray(0, 24))).toBe(1);
    const garbage = damaged.slice();
    garbage.fill(0xff, 12, 20);
    expect(() => readExifOrientation(garbage)).not.toThrow();
  });
});

describe('capSize', () => {
  it('never upscales', () => {
    expect(capSize(1000, 800)).toEqual({ width: 1000, height: 800, scale: 1 });
  });

  it('caps the long side and the pixel count, keeping the aspect ratio', () => {
    const wide = capSize(8000, 1000);
    expect(wide.width).toBe(4096);
    expect(wide.height).toBe(512);
    const huge = capSize(5000, 7000);
    expect(huge.width * huge.height).toBeLessThanOrEqual(16_000_000);
    expect(Math.max(huge.width, huge.height)).toBeLessThanOrEqual(4096);
    expect(huge.width / huge.height).toBeCloseTo(5000 / 7000, 2);
  });

  it('lets the pixel budget bind on a square image whose sides fit', () => {
    const square = capSize(4096, 4096);
    expect(square.width).toBe(4000);
    expect(square.width * square.height).toBeLessThanOrEqual(16_000_000);
  });

  it('never shrinks a side to nothing', () => {
    expect(capSize(100_000, 1)).toMatchObject({ width: 4096, height: 1 });
  });
});

describe('assertImageComplete', () => {
  it('accepts a whole JPEG and refuses one cut short', () => {
    const jpeg = makeJpegFixture(16, 16);
    expect(() => assertImageComplete(jpeg, 'image/jpeg')).not.toThrow();
    expect(() => assertImageComplete(jpeg.subarray(0, jpeg.length - 10), 'image/jpeg')).toThrowError(
      expect.objectContaining({ code: 'corrupt-image' }),
    );
  });
});
