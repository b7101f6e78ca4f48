import { describe, expect, it } from 'vitest';
import { readExifOrientation, readJpegStoredSize } from '../../../src/pipeline/image/exif';
import { makeExifOrientation6JpegFixture, makeJpegFixture, withExifOrientation } from '../../fixtures';

describe('readJpegStoredSize', () => {
  it('reads the frame size, as stored, behind an EXIF segment', () => {
    expect(readJpegStoredSize(makeExifOrientation6JpegFixture())).toEqual({ width: 80, height: 40 });
    expect(readJpegStoredSize(makeJpegFixture(33, 17))).toEqual({ width: 33, height: 17 });
  });

  it('is undefined for bytes without a frame header', () => {
    expect(readJpegStoredSize(makeJpegFixture(33, 17).subarray(0, 20))).toBeUndefined();
    expect(readJpegStoredSize(new Uint8Array([0x89, 0x50]))).toBeUndefined();
  });
});

describe('readExifOrientation, beyond the basics', () => {
  it('reads the orientation-6 fixture', () => {
    expect(readExifOrientation(makeExifOrientation6JpegFixture())).toBe(6);
  });

  it('reads an orientation written as a LONG by a sloppy writer, and refuses other types', () => {
    const jpeg = withExifOrientation(makeJpegFixture(8, 4), 6, 'little');
    // APP1 at 2: marker, length, "Exif\0\0", then TIFF; the entry's type field sits at TIFF offset 12.
    const asLong = jpeg.slice();
    new DataView(asLong.buffer).setUint16(2 + 4 + 6 + 12, 4, true);
    expect(readExifOrientation(asLong)).toBe(6);
    const asAscii = jpeg.slice();
    new DataView(asAscii.buffer).setUint16(2 + 4 + 6 + 12, 2, true);
    expect(readExifOrientation(asAscii)).toBe(1);
  });

  it('is 1 for an out-of-range value or an IFD offset pointing past the segment', () => {
    expect(readExifOrientation(withExifOrientation(makeJpegFixture(8, 4), 9, 'big'))).toBe(1);
    const far = withExifOrientation(makeJpegFixture(8, 4), 6, 'big');
    new DataView(far.buffer).setUint32(2 + 4 + 6 + 4, 0xffff);
    expect(readExifOrientation(far)).toBe(1);
  });
});
