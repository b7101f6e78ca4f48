import type { Rect } from './tensor';

export interface Point {
  x: number;
  y: number;
}

/**
 * A text box as a parallelogram: its top-left corner, the vector along the text to the top-right corner
 * and the vector across it to the bottom-left one. A skewed line gets a box as tilted as the line, so
 * its crop holds that line and none of its neighbours'; an upright box is the plain rectangle.
 */
export interface TextBox {
  origin: Point;
  along: Point;
  across: Point;
  score: number;
}

export function uprightBox(rect: Rect, score: number): TextBox {
  return { origin: { x: rect.x, y: rect.y }, along: { x: rect.width, y: 0 }, across: { x: 0, y: rect.height }, score };
}

export function isUpright(box: TextBox): boolean {
  return box.along.y === 0 && box.across.x === 0;
}

/** Length along the text. */
export function boxLength(box: TextBox): number {
  return Math.hypot(box.along.x, box.along.y);
}

/** Height across the text, perpendicular to it. */
export function boxHeight(box: TextBox): number {
  return Math.abs(box.along.x * box.across.y - box.along.y * box.across.x) / Math.max(1e-9, boxLength(box));
}

/** The text direction's angle from the x axis, in radians. */
export function boxAngle(box: TextBox): number {
  return Math.atan2(box.along.y, box.along.x);
}

export function boxCentre(box: TextBox): Point {
  return { x: box.origin.x + (box.along.x + box.across.x) / 2, y: box.origin.y + (box.along.y + box.across.y) / 2 };
}

/** The axis-aligned rectangle around the box. */
export function boxBounds(box: TextBox): Rect {
  const xs = [0, box.along.x, box.across.x, box.along.x + box.across.x].map((d) => box.origin.x + d);
  const ys = [0, box.along.y, box.across.y, box.along.y + box.across.y].map((d) => box.origin.y + d);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The box moved from a region's own pixels, sampled at `scaleX` × `scaleY`, into the image's. */
export function boxInImage(box: TextBox, region: Point, scaleX: number, scaleY: number): TextBox {
  return {
    origin: { x: region.x + box.origin.x * scaleX, y: region.y + box.origin.y * scaleY },
    along: { x: box.along.x * scaleX, y: box.along.y * scaleY },
    across: { x: box.across.x * scaleX, y: box.across.y * scaleY },
    score: box.score,
  };
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates' sense, no repeated points. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]) => {
    const chain: Point[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/**
 * The smallest-area rectangle around a convex hull (one of its sides lies on a hull edge), oriented for
 * reading: `along` is whichever side points within 45° of the x axis, rightwards, and `across` points down.
 */
export function minAreaRect(hull: readonly Point[]): Omit<TextBox, 'score'> {
  let best: { area: number; ux: number; uy: number } | undefined;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    const e = extents(hull, ux, uy);
    const area = (e.uMax - e.uMin) * (e.vMax - e.vMin);
    if (!best || area < best.area) best = { area, ux, uy };
  }
  if (!best) return { origin: hull[0] ?? { x: 0, y: 0 }, along: { x: 0, y: 0 }, across: { x: 0, y: 0 } };
  // Of the rectangle's four side directions, the one closest to rightwards reads along the text.
  const directions = [
    { x: best.ux, y: best.uy },
    { x: -best.uy, y: best.ux },
    { x: -best.ux, y: -best.uy },
    { x: best.uy, y: -best.ux },
  ];
  const along = directions.reduce((a, b) => (b.x > a.x ? b : a));
  const e = extents(hull, along.x, along.y);
  // across = along turned a quarter clockwise on screen (y down), so it points down the page.
  const across = { x: -along.y, y: along.x };
  return {
    origin: { x: along.x * e.uMin + across.x * e.vMin, y: along.y * e.uMin + across.y * e.vMin },
    along: { x: along.x * (e.uMax - e.uMin), y: along.y * (e.uMax - e.uMin) },
    across: { x: across.x * (e.vMax - e.vMin), y: across.y * (e.vMax - e.vMin) },
  };
}

/** How far the points reach along (ux, uy) and along its perpendicular (-uy, ux). */
function extents(points: readonly Point[], ux: number, uy: number) {
  let uMin = Infinity;
  let uMax = -Infinity;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const p of points) {
    const u = p.x * ux + p.y * uy;
    const v = -p.x * uy + p.y * ux;
    if (u < uMin) uMin = u;
    if (u > uMax) uMax = u;
    if (v < vMin) vMin = v;
    if (v > vMax) vMax = v;
  }
  return { uMin, uMax, vMin, vMax };
}

/** The box grown by `distance` on every side. */
export function grownBox(box: Omit<TextBox, 'score'>, distance: number): Omit<TextBox, 'score'> {
  const length = Math.hypot(box.along.x, box.along.y) || 1;
  const height = Math.hypot(box.across.x, box.across.y) || 1;
  const u = { x: box.along.x / length, y: box.along.y / length };
  const v = { x: box.across.x / height, y: box.across.y / height };
  return {
    origin: { x: box.origin.x - distance * (u.x + v.x), y: box.origin.y - distance * (u.y + v.y) },
    along: { x: u.x * (length + 2 * distance), y: u.y * (length + 2 * distance) },
    across: { x: v.x * (height + 2 * distance), y: v.y * (height + 2 * distance) },
  };
}
