import { LoupeError } from '../../errors';

export type SniffedType =
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/bmp' | 'image/avif' }
  | { kind: 'pdf'; mime: 'application/pdf' }
  | { kind: 'other'; mime: string; label: string };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

/** The real type of a file from its first bytes; the name and the browser's guess are never trusted. */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 14) return { kind: 'image', mime: 'image/bmp' };
  // pdf.js, like most readers, accepts a PDF header after up to 1 KB of junk.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf', mime: 'application/pdf' };
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brands = ascii(bytes, 8, 24);
    if (/avif|avis/.test(brands)) return { kind: 'image', mime: 'image/avif' };
    if (/heic|heix|hevc|heim|heis|mif1|msf1/.test(brands)) return { kind: 'other', mime: 'image/heic', label: 'a HEIC photo' };
    return { kind: 'other', mime: 'video/mp4', label: 'a video' };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'other', mime: 'image/tiff', label: 'a TIFF image' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'other', mime: 'application/zip', label: 'a ZIP archive (or an Office document)' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', mime: 'application/gzip', label: 'a gzip archive' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { kind: 'other', mime: 'image/svg+xml', label: 'an SVG drawing' };
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { kind: 'other', mime: 'text/html', label: 'a web page (HTML)' };
  if (head.startsWith('<?xml')) return { kind: 'other', mime: 'application/xml', label: 'an XML file' };
  if (isMostlyText(bytes.subarray(0, 512))) return { kind: 'other', mime: 'text/plain', label: 'a text file' };
  return { kind: 'other', mime: 'application/octet-stream', label: 'a file of unknown type' };
}

/** Turns sniffed bytes into a readable type or the specific reason this file cannot be read. */
export function checkIngest(bytes: Uint8Array): Extract<SniffedType, { kind: 'image' | 'pdf' }> {
  if (bytes.length === 0) throw new LoupeError('empty-file', 'This file is empty (0 bytes).');
  const type = sniffType(bytes);
  if (type.kind !== 'other') return type;
  switch (type.mime) {
    case 'image/heic':
      throw new LoupeError('unsupported-type', "HEIC photos can't be decoded by this browser. Export the photo as JPEG (or set the camera to \u201cMost Compatible\u201d) and add it again.");
    case 'image/tiff':
      throw new LoupeError('unsupported-type', "TIFF scans can't be decoded by browsers. Save the scan as PDF, PNG or JPEG and add it again.");
    case 'image/svg+xml':
      throw new LoupeError('unsupported-type', 'This is an SVG drawing. Loupe reads photos, scans and PDFs; export the drawing as PNG to read it.');
    default:
      throw new LoupeError('unsupported-type', `This is ${type.label}, not an image or PDF.`);
  }
}

function isMostlyText(bytes: Uint8Array): boolean {
  if (!bytes.length) return false;
  let printable = 0;
  for (const b of bytes) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  return printable / bytes.length > 0.95;
}
