/** A 2D affine transform as canvas takes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

/** The upright size of a stored image: orientations 5 to 8 turn it a quarter, swapping its sides. */
export function orientedSize(orientation: number, width: number, height: number) {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/**
 * How to draw stored pixels (width × height) so they stand upright for an EXIF orientation:
 * the output size and the transform mapping stored coordinates onto it.
 */
export function orientationTransform(orientation: number, width: number, height: number): { width: number; height: number; matrix: Matrix } {
  const [w, h] = [width, height];
  const matrices: Record<number, Matrix> = {
    2: [-1, 0, 0, 1, w, 0], // mirrored left-right
    3: [-1, 0, 0, -1, w, h], // upside down
    4: [1, 0, 0, -1, 0, h], // mirrored top-bottom
    5: [0, 1, 1, 0, 0, 0], // transposed
    6: [0, 1, -1, 0, h, 0], // needs a quarter turn clockwise
    7: [0, -1, -1, 0, h, w], // transversed
    8: [0, -1, 1, 0, 0, w], // needs a quarter turn anticlockwise
  };
  return { ...orientedSize(orientation, w, h), matrix: matrices[orientation] ?? [1, 0, 0, 1, 0, 0] };
}

/**
 * The orientation still to apply after the decoder ran. Browsers decode with EXIF applied
 * (createImageBitmap 'from-image'; Chromium 156 applies it even for 'none'), so this is 1 unless
 * the decoded size proves the decoder left a quarter-turned photo as stored; a mirror or half turn
 * cannot be told from sizes, and there the decoder is trusted.
 */
export function orientationLeftToApply(
  orientation: number,
  stored: { width: number; height: number } | undefined,
  decoded: { width: number; height: number },
): number {
  if (!stored || orientation < 5 || orientation > 8 || stored.width === stored.height) return 1;
  return decoded.width === stored.width && decoded.height === stored.height ? orientation : 1;
}
