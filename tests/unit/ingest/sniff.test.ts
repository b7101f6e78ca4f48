import { describe, expect, it } from 'vitest';
import { checkIngest, heicUnsupported, sniffType } from '../../../src/pipeline/ingest/sniff';
import { makeBadFileFixtures, makeTwoPagePdfFixture, makeReceiptFixturePng, makeZipFixture } from '../../fixtures';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffType', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    [bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    [bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    [bytes('GIF89a', [1, 0]), 'image/gif'],
    [bytes('BM', new Array(20).fill(0)), 'image/bmp'],
    [bytes('%PDF-1.7\n'), 'application/pdf'],
    [bytes('garbage before the header\n%PDF-1.4\n'), 'application/pdf'],
    [bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'image/heic'],
    [bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1'), 'image/avif'],
    [bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'), 'image/avif'],
    [bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2'), 'video/mp4'],
    [bytes('II', [0x2a, 0]), 'image/tiff'],
    [bytes('MM', [0, 0x2a]), 'image/tiff'],
    [bytes('PK', [3, 4, 20, 0]), 'application/zip'],
    [bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'), 'image/svg+xml'],
    [bytes('  <svg viewBox="0 0 1 1">'), 'image/svg+xml'],
    [bytes('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN">\n<svg>'), 'image/svg+xml'],
    [bytes('<?xml version="1.0"?><invoice><total>5.70</total></invoice>'), 'application/xml'],
    [bytes('<!DOCTYPE html><html>'), 'text/html'],
    [bytes('TOTAL 5.70\nTHANK YOU\n'), 'text/plain'],
    [bytes([0, 1, 2, 3, 0xfe, 0, 7, 0]), 'application/octet-stream'],
  ])('recognizes %s as %s', (input, mime) => {
    expect(sniffType(input).mime).toBe(mime);
  });

  it('recognizes the generated fixtures by their bytes', async () => {
    expect(sniffType(makeReceiptFixturePng()).mime).toBe('image/png');
    expect(sniffType(await makeTwoPagePdfFixture()).mime).toBe('application/pdf');
    expect(sniffType(makeZipFixture()).mime).toBe('application/zip');
    expect(sniffType(makeBadFileFixtures().truncatedJpeg).mime).toBe('image/jpeg');
  });

  it('finds a PDF header after up to 1 KB of junk, as pdf.js does', () => {
    const junk = new Uint8Array(1000).fill(0x20);
    expect(sniffType(new Uint8Array([...junk, ...bytes('%PDF-1.4\n')])).kind).toBe('pdf');
  });

  it('does not take a PDF header buried deeper than 1 KB', () => {
    const late = new Uint8Array(2000).fill(0);
    late.set(bytes('%PDF-1.4'), 1500);
    expect(sniffType(late).kind).toBe('other');
  });
});

describe('checkIngest', () => {
  it('accepts images and PDFs by their bytes, whatever they are called', () => {
    expect(checkIngest(bytes('%PDF-1.7'), 'scan.jpg').kind).toBe('pdf');
    expect(checkIngest(bytes([0xff, 0xd8, 0xff, 0xdb]), 'photo.pdf').mime).toBe('image/jpeg');
  });

  it('lets HEIC through to the decoder, which alone knows whether this browser reads it', () => {
    expect(checkIngest(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toEqual({ kind: 'image', mime: 'image/heic' });
    expect(heicUnsupported()).toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(/HEIC.*can't be decoded by this browser.*export as JPEG/) });
  });

  it('names the misleading extension of a ZIP dropped as a photo', () => {
    expect(() => checkIngest(makeBadFileFixtures().zipAsJpeg, 'IMG_0042.JPG')).toThrowError(
      expect.objectContaining({ code: 'unsupported-type', message: 'This is a ZIP archive (or an Office document), not an image or PDF, even though its name ends in .jpg.' }),
    );
  });

  it.each([
    [new Uint8Array(), 'empty-file', /empty \(0 bytes\)/],
    [bytes('PK', [3, 4]), 'unsupported-type', /ZIP archive/],
    [bytes('II', [0x2a, 0]), 'unsupported-type', /TIFF image, which browsers can't decode.*PDF, PNG or JPEG/],
    [bytes('<svg>'), 'unsupported-type', /SVG drawing, which Loupe never opens/],
    [bytes('<!doctype html><p>receipt</p>'), 'unsupported-type', /web page \(HTML\), not an image or PDF/],
    [bytes('hello'), 'unsupported-type', /text file, not an image or PDF/],
  ])('refuses %s with %s', (input, code, message) => {
    expect(() => checkIngest(input)).toThrowError(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});
