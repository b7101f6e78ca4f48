import { LoupeError } from '../../errors';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/bmp' | 'image/avif' | 'image/heic';

export type SniffedType =
  | { kind: 'image'; mime: ImageMime }
  | { kind: 'pdf'; mime: 'application/pdf' }
  | { kind: 'other'; mime: string; label: string };

export type ReadableType = Extract<SniffedType, { kind: 'image' | 'pdf' }>;

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

/** How far into a file pdf.js still finds its header: leading junk up to 1 KB is tolerated. */
const PDF_HEADER_WINDOW = 1024;

/** The real type of a file from its first bytes; the name and the browser's guess are never trusted. */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 14) return { kind: 'image', mime: 'image/bmp' };
  if (ascii(bytes, 0, PDF_HEADER_WINDOW + 5).includes('%PDF-')) return { kind: 'pdf', mime: 'application/pdf' };
  if (ascii(bytes, 4, 4) === 'ftyp') return sniffIsoMedia(ascii(bytes, 8, 4), ascii(bytes, 16, ftypBoxSize(bytes) - 16));
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: 'other', mime: 'image/tiff', label: 'a TIFF image' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'other', mime: 'application/zip', label: 'a ZIP archive (or an Office document)' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', mime: 'application/gzip', label: 'a gzip archive' };
  return sniffText(bytes);
}

/** The `ftyp` box's declared size, bounded so a damaged one cannot make sniffing read far. */
function ftypBoxSize(bytes: Uint8Array): number {
  const size = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  return Math.max(16, Math.min(size >>> 0, 96));
}

/** HEIF, AVIF and MP4 share one container; the brands in its `ftyp` box say which it is. */
function sniffIsoMedia(major: string, compatible: string): SniffedType {
  const brands = `${major} ${compatible}`;
  if (/^avi[fs]/.test(major) || (/avi[fs]/.test(compatible) && !/^hei/.test(major))) return { kind: 'image', mime: 'image/avif' };
  if (/hei[cxms]|hev[cx]|mif1|msf1/.test(brands)) return { kind: 'image', mime: 'image/heic' };
  return { kind: 'other', mime: 'video/mp4', label: 'a video' };
}

function sniffText(bytes: Uint8Array): SniffedType {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  const markup = head.replace(/^(<\?xml[^>]*>|<!--[\s\S]*?-->|<!doctype svg[^>]*>|\s)+/, '');
  if (markup.startsWith('<svg')) return { kind: 'other', mime: 'image/svg+xml', label: 'an SVG drawing' };
  if (head.startsWith('<!doctype html') || markup.startsWith('<html') || markup.startsWith('<head') || markup.startsWith('<body'))
    return { kind: 'other', mime: 'text/html', label: 'a web page (HTML)' };
  if (head.startsWith('<?xml')) return { kind: 'other', mime: 'application/xml', label: 'an XML file' };
  if (isMostlyText(bytes.subarray(0, 512))) return { kind: 'other', mime: 'text/plain', label: 'a text file' };
  return { kind: 'other', mime: 'application/octet-stream', label: 'a file of unknown type' };
}

/**
 * Turns a file's bytes into a readable type, or the specific reason it cannot be read. HEIC passes here:
 * only the decoder knows whether this browser reads it (Safari does, Chromium does not).
 */
export function checkIngest(bytes: Uint8Array, name = ''): ReadableType {
  if (bytes.length === 0) throw new LoupeError('empty-file', 'This file is empty (0 bytes).');
  const type = sniffType(bytes);
  if (type.kind !== 'other') return type;
  switch (type.mime) {
    case 'image/tiff':
      throw new LoupeError('unsupported-type', "This is a TIFF image, which browsers can't decode. Save the scan as PDF, PNG or JPEG and add it again.");
    case 'image/svg+xml':
      throw new LoupeError('unsupported-type', 'This is an SVG drawing, which Loupe never opens (it can carry scripts). Export it as PNG to read it.');
    default:
      throw new LoupeError('unsupported-type', `This is ${type.label}, not an image or PDF${misleadingName(name)}.`);
  }
}

/** The message for a HEIC photo the browser's decoder refused. */
export function heicUnsupported(): LoupeError {
  return new LoupeError('unsupported-type', "HEIC photos can't be decoded by this browser; export as JPEG (or set the camera to \u201cMost Compatible\u201d) and add it again.");
}

const READABLE_EXTENSION = /\.(jpe?g|png|webp|gif|bmp|avif|heic|heif|pdf)$/i;

/** Names the extension when it claims a type the contents deny, so the refusal does not look like a bug. */
function misleadingName(name: string): string {
  const extension = READABLE_EXTENSION.exec(name)?.[0];
  return extension ? `, even though its name ends in ${extension.toLowerCase()}` : '';
}

function isMostlyText(bytes: Uint8Array): boolean {
  if (!bytes.length) return false;
  let printable = 0;
  for (const b of bytes) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  return printable / bytes.length > 0.95;
}
