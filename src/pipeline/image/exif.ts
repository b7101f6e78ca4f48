/** One JPEG marker segment before the image data: its marker byte and where its payload lies. */
interface Segment {
  marker: number;
  /** Offset of the payload, just after the two length bytes. */
  start: number;
  /** Offset just past the payload, clipped to the bytes present. */
  end: number;
}

/** The marker segments of a JPEG up to its first scan; stops quietly at anything malformed. */
function* headerSegments(bytes: Uint8Array): Generator<Segment> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return;
    const marker = bytes[offset + 1]!;
    // Fill bytes: a marker may be preceded by any number of 0xFF.
    if (marker === 0xff) {
      offset++;
      continue;
    }
    // Start of scan or end of image: no metadata after this point.
    if (marker === 0xda || marker === 0xd9) return;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2) return;
    yield { marker, start: offset + 4, end: Math.min(bytes.length, offset + 2 + length) };
    offset += 2 + length;
  }
}

/**
 * The EXIF orientation tag (0x0112) of a JPEG from its APP1 segment's IFD0, in either byte order;
 * 1 when absent, out of range or unreadable.
 */
export function readExifOrientation(bytes: Uint8Array): number {
  for (const { marker, start, end } of headerSegments(bytes)) {
    if (marker === 0xe1 && end - start >= 6 && String.fromCharCode(...bytes.subarray(start, start + 4)) === 'Exif')
      return orientationFromTiff(new DataView(bytes.buffer, bytes.byteOffset + start + 6, end - start - 6));
  }
  return 1;
}

function orientationFromTiff(tiff: DataView): number {
  if (tiff.byteLength < 8) return 1;
  const order = tiff.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = tiff.getUint32(4, little);
  if (ifd + 2 > tiff.byteLength) return 1;
  const count = tiff.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.byteLength) return 1;
    if (tiff.getUint16(entry, little) !== 0x0112) continue;
    // The value sits left-aligned in the entry's value field: a SHORT as the spec says, a LONG from sloppy writers.
    const type = tiff.getUint16(entry + 2, little);
    const value = type === 3 ? tiff.getUint16(entry + 8, little) : type === 4 ? tiff.getUint32(entry + 8, little) : 0;
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** Start-of-frame markers (baseline, progressive, lossless...); 0xC4, 0xC8 and 0xCC are not frames. */
const isFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** The stored (not yet oriented) pixel size from the JPEG's frame header, or undefined. */
export function readJpegStoredSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  for (const { marker, start, end } of headerSegments(bytes)) {
    if (!isFrameMarker(marker) || end - start < 5) continue;
    const height = (bytes[start + 1]! << 8) | bytes[start + 2]!;
    const width = (bytes[start + 3]! << 8) | bytes[start + 4]!;
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  return undefined;
}
