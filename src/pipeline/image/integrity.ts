import { LoupeError } from '../../errors';

/**
 * Browsers happily decode an image cut short (the missing part turns grey), so a truncated file is
 * caught by walking its structure to the end marker before it is read as if it were whole. Data after
 * the end (a phone's appended motion-photo video) is ignored.
 */
export function assertImageComplete(bytes: Uint8Array, mime: string): void {
  const check = COMPLETENESS[mime];
  if (check && !check(bytes)) throw corruptImage();
}

export function corruptImage(): LoupeError {
  return new LoupeError('corrupt-image', "The image is damaged or incomplete and can't be decoded.");
}

const COMPLETENESS: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': jpegComplete,
  'image/png': pngComplete,
  'image/gif': gifComplete,
  'image/webp': (bytes) => bytes.length >= 8 + readUint32LE(bytes, 4),
  // A BMP writer may leave the size field 0; only a declared size can prove a cut.
  'image/bmp': (bytes) => bytes.length >= readUint32LE(bytes, 2),
};

const readUint32LE = (bytes: Uint8Array, at: number) =>
  ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;

const readUint32BE = (bytes: Uint8Array, at: number) =>
  (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;

/** Walks segments and entropy-coded scans until the end-of-image marker. */
function jpegComplete(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 1 < bytes.length) {
    // Stray bytes between segments are tolerated by decoders; skip to the next marker.
    if (bytes[at] !== 0xff || bytes[at + 1] === 0xff || bytes[at + 1] === 0x00) {
      at++;
      continue;
    }
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) return true;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return false;
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    // After a scan header comes entropy-coded data, where 0xFF is always followed by 0x00 or a restart marker.
    if (marker === 0xda) at = scanEnd(bytes, at);
  }
  return false;
}

function scanEnd(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at + 1 < bytes.length) {
    const next = bytes[at + 1]!;
    if (bytes[at] === 0xff && next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return at;
    at++;
  }
  return bytes.length;
}

/** Walks length-prefixed chunks until IEND; a length running past the end means the file was cut. */
function pngComplete(bytes: Uint8Array): boolean {
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = readUint32BE(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    at += 12 + length;
    if (at > bytes.length) return false;
    if (type === 'IEND') return true;
  }
  return false;
}

/** Walks the GIF's blocks (images, extensions, their sub-blocks) until the trailer byte. */
function gifComplete(bytes: Uint8Array): boolean {
  const colorTable = (packed: number) => (packed & 0x80 ? 3 * (2 << (packed & 0x07)) : 0);
  let at = 13 + colorTable(bytes[10] ?? 0);
  const skipSubBlocks = () => {
    while (at < bytes.length && bytes[at] !== 0) at += 1 + bytes[at]!;
    at++;
  };
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return true;
    if (block === 0x21) {
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      at += 10 + colorTable(bytes[at + 9] ?? 0) + 1;
      skipSubBlocks();
    } else return false;
  }
  return false;
}
