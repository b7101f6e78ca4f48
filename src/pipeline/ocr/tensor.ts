import type { RgbaImage } from '../../engines/engine';
import { boxBounds, isUpright, type TextBox } from './text-box';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Normalization = { mean: readonly [number, number, number]; std: readonly [number, number, number] };

/**
 * Resamples a region of an RGBA image into a planar float tensor [3, outH, outW] (channels B, G, R as
 * PaddleOCR was trained on), averaging every source pixel a target pixel covers so shrinking a scan
 * keeps thin strokes. `(value / 255 - mean[c]) / std[c]`; the area right of `contentWidth` is left at `pad`.
 */
export function regionToTensor(
  image: RgbaImage,
  region: Rect,
  outWidth: number,
  outHeight: number,
  norm: Normalization,
  contentWidth = outWidth,
  pad = 0,
): Float32Array {
  const out = planarTensor(outWidth, outHeight, norm, pad);
  const sx = region.width / contentWidth;
  const sy = region.height / outHeight;
  const { data, width } = image;
  for (let oy = 0; oy < outHeight; oy++) {
    const y0 = region.y + oy * sy;
    const y1 = y0 + sy;
    const ys = Math.max(0, Math.floor(y0));
    const ye = Math.min(image.height, Math.max(ys + 1, Math.ceil(y1)));
    for (let ox = 0; ox < contentWidth; ox++) {
      const x0 = region.x + ox * sx;
      const x1 = x0 + sx;
      const xs = Math.max(0, Math.floor(x0));
      const xe = Math.min(width, Math.max(xs + 1, Math.ceil(x1)));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      // Box filter over the covered pixels; at most a few hundred for a 35 MP scan shrunk to detection size.
      const stepY = Math.max(1, Math.floor((ye - ys) / 6));
      const stepX = Math.max(1, Math.floor((xe - xs) / 6));
      for (let y = ys; y < ye; y += stepY) {
        let i = (y * width + xs) * 4;
        for (let x = xs; x < xe; x += stepX, i += 4 * stepX) {
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
          n++;
        }
      }
      if (n > 0) out.set(ox, oy, r, g, b, n);
    }
  }
  return out.data;
}

/**
 * A text box resampled into a planar tensor as `regionToTensor` does; a tilted box is sampled along its
 * own sides, on a grid of up to 6 × 6 points per target pixel when it shrinks (the nearest pixel to each,
 * averaged) and at the nearest pixel when it grows.
 */
export function boxToTensor(
  image: RgbaImage,
  box: TextBox,
  outWidth: number,
  outHeight: number,
  norm: Normalization,
  contentWidth = outWidth,
  pad = 0,
): Float32Array {
  if (isUpright(box)) return regionToTensor(image, boxBounds(box), outWidth, outHeight, norm, contentWidth, pad);
  const out = planarTensor(outWidth, outHeight, norm, pad);
  const { data, width, height } = image;
  const su = { x: box.along.x / contentWidth, y: box.along.y / contentWidth };
  const sv = { x: box.across.x / outHeight, y: box.across.y / outHeight };
  const nu = Math.min(6, Math.max(1, Math.ceil(Math.hypot(su.x, su.y))));
  const nv = Math.min(6, Math.max(1, Math.ceil(Math.hypot(sv.x, sv.y))));
  const n = nu * nv;
  for (let oy = 0; oy < outHeight; oy++) {
    for (let ox = 0; ox < contentWidth; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < nv; j++) {
        const v = oy + (j + 0.5) / nv;
        for (let i = 0; i < nu; i++) {
          const u = ox + (i + 0.5) / nu;
          const x = Math.min(width - 1, Math.max(0, Math.floor(box.origin.x + su.x * u + sv.x * v)));
          const y = Math.min(height - 1, Math.max(0, Math.floor(box.origin.y + su.y * u + sv.y * v)));
          const k = (y * width + x) * 4;
          r += data[k]!;
          g += data[k + 1]!;
          b += data[k + 2]!;
        }
      }
      out.set(ox, oy, r, g, b, n);
    }
  }
  return out.data;
}

/**
 * A planar tensor [3, height, width] (channels B, G, R as PaddleOCR was trained on), every value `pad`
 * until set; `set` writes a pixel from the sums of `n` RGBA samples, normalized.
 */
function planarTensor(width: number, height: number, norm: Normalization, pad: number) {
  const plane = width * height;
  const data = new Float32Array(plane * 3).fill(pad);
  const scale = [1 / (255 * norm.std[0]), 1 / (255 * norm.std[1]), 1 / (255 * norm.std[2])] as const;
  const offset = [norm.mean[0] / norm.std[0], norm.mean[1] / norm.std[1], norm.mean[2] / norm.std[2]] as const;
  return {
    data,
    set(x: number, y: number, r: number, g: number, b: number, n: number) {
      const o = y * width + x;
      data[o] = (b / n) * scale[0] - offset[0];
      data[plane + o] = (g / n) * scale[1] - offset[1];
      data[2 * plane + o] = (r / n) * scale[2] - offset[2];
    },
  };
}
