import type { RgbaImage } from '../engine';

/**
 * The page as llama.cpp's image loader reads it: a binary PPM (stb_image decodes it with no
 * compression to undo), no larger than the model's processor would make it anyway, so a 35 MP scan is
 * not copied into the runtime only to be shrunk there. Transparent pixels are on white, as on paper.
 */
export function modelImage(image: RgbaImage, maxSide: number): { bytes: Uint8Array<ArrayBuffer>; width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const header = new TextEncoder().encode(`P6\n${width} ${height}\n255\n`);
  const bytes = new Uint8Array(header.length + width * height * 3);
  bytes.set(header);
  const rgb = bytes.subarray(header.length);
  // Each output pixel averages the source pixels its footprint covers (area averaging): shrinking by
  // sampling would drop thin strokes of small print.
  const xs = spans(image.width, width);
  const ys = spans(image.height, height);
  const { data } = image;
  for (let y = 0; y < height; y++) {
    const [y0, y1] = ys[y]!;
    for (let x = 0; x < width; x++) {
      const [x0, x1] = xs[x]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0, i = (sy * image.width + x0) * 4; sx < x1; sx++, i += 4) {
          const alpha = data[i + 3]! / 255;
          r += data[i]! * alpha + 255 * (1 - alpha);
          g += data[i + 1]! * alpha + 255 * (1 - alpha);
          b += data[i + 2]! * alpha + 255 * (1 - alpha);
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 3;
      rgb[o] = Math.round(r / n);
      rgb[o + 1] = Math.round(g / n);
      rgb[o + 2] = Math.round(b / n);
    }
  }
  return { bytes, width, height };
}

/** The source range [from, to) behind each of `out` output pixels, never empty. */
function spans(size: number, out: number): [number, number][] {
  return Array.from({ length: out }, (_, i) => {
    const from = Math.floor((i * size) / out);
    return [from, Math.max(from + 1, Math.floor(((i + 1) * size) / out))];
  });
}
