import { LoupeError } from '../../errors';

/**
 * Browsers happily decode a JPEG cut short (the missing part turns grey), so a truncated file
 * is caught by its missing end marker before it is read as if it were whole.
 */
export function assertImageComplete(bytes: Uint8Array, mime: string): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64 * 1024));
  let complete = true;
  if (mime === 'image/jpeg') complete = indexOfBytes(tail, [0xff, 0xd9]) >= 0;
  else if (mime === 'image/png') complete = indexOfBytes(tail, [0x49, 0x45, 0x4e, 0x44]) >= 0;
  if (!complete) throw corruptImage();
}

export function corruptImage(): LoupeError {
  return new LoupeError('corrupt-image', "The image is damaged or incomplete and can't be decoded.");
}

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
