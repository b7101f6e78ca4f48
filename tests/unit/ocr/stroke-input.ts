/** A page-like input: light background with dark strokes, normalized as PaddleOCR expects. */
export function strokes(channels: number, height: number, width: number): Float32Array {
  const out = new Float32Array(channels * height * width);
  for (let c = 0; c < channels; c++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const ink = y % 24 > 6 && y % 24 < 18 && (x * 7 + y * 3) % 13 < 5;
        out[(c * height + y) * width + x] = ink ? -0.9 : 0.8;
      }
  return out;
}
