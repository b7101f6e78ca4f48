import { convexHull, grownBox, minAreaRect, uprightBox, type Point, type TextBox } from './text-box';

export interface DbOptions {
  /** Pixels above this probability are text. */
  threshold: number;
  /** Regions whose mean probability is below this are dropped. */
  boxThreshold: number;
  /** How far a shrunk text kernel is grown back, relative to its area/perimeter (DB's unclip ratio). */
  unclipRatio: number;
  minSize: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6, minSize: 3 };

/**
 * A region gets a tilted box when the tightest rectangle around it covers less than this share of its
 * upright bounding box: a skewed line's upright box also takes in the lines above and below it.
 */
const TILT_GAIN = 0.9;

/**
 * Differentiable-binarization post-processing: connected regions of the probability map become text
 * boxes, grown by the unclip distance: upright rectangles, or tilted ones for text that is not level
 * (pages stay upright after EXIF; a photo or a scan is seldom exactly level).
 */
export function boxesFromProbabilityMap(
  prob: Float32Array,
  width: number,
  height: number,
  options: DbOptions = DB_DEFAULTS,
): TextBox[] {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  // Each row's leftmost and rightmost pixel of the region being filled: its outline, for the tilted box.
  const rowMin = new Int32Array(height).fill(width);
  const rowMax = new Int32Array(height).fill(-1);
  const boxes: TextBox[] = [];
  let label = 0;
  let top = 0;
  for (let start = 0; start < prob.length; start++) {
    if (labels[start] !== 0 || prob[start]! <= options.threshold) continue;
    label++;
    top = 0;
    stack[top++] = start;
    labels[start] = label;
    let minX = width;
    let minY = height;
    let maxX = 0;
    let maxY = 0;
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      sum += prob[p]!;
      count++;
      if (x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      if (y < height - 1) visit(p + width);
    }
    const outline: Point[] = [];
    for (let y = minY; y <= maxY; y++) {
      if (rowMax[y]! >= rowMin[y]!) outline.push({ x: rowMin[y]!, y }, { x: rowMin[y]!, y: y + 1 }, { x: rowMax[y]! + 1, y }, { x: rowMax[y]! + 1, y: y + 1 });
      rowMin[y] = width;
      rowMax[y] = -1;
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (Math.min(w, h) < options.minSize || sum / count < options.boxThreshold) continue;
    const tight = minAreaRect(convexHull(outline));
    const tightLength = Math.hypot(tight.along.x, tight.along.y);
    const tightHeight = Math.hypot(tight.across.x, tight.across.y);
    if (tightLength * tightHeight < TILT_GAIN * w * h) {
      const distance = (tightLength * tightHeight * options.unclipRatio) / (2 * (tightLength + tightHeight));
      boxes.push({ ...grownBox(tight, distance), score: sum / count });
      continue;
    }
    const distance = (w * h * options.unclipRatio) / (2 * (w + h));
    const x0 = Math.max(0, minX - distance);
    const y0 = Math.max(0, minY - distance);
    const x1 = Math.min(width, maxX + 1 + distance);
    const y1 = Math.min(height, maxY + 1 + distance);
    boxes.push(uprightBox({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, sum / count));
  }
  return boxes;

  function visit(q: number) {
    if (labels[q] === 0 && prob[q]! > options.threshold) {
      labels[q] = label;
      stack[top++] = q;
    }
  }
}
