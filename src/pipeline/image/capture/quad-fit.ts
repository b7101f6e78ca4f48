import { orderCorners, type Point, type Quad } from './quad';

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Area of a simple polygon (shoelace), whatever its winding. */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * The four vertices of a convex polygon (in order) that span the largest quad: a sheet's corners even where its
 * outline is rounded or notched. For each diagonal the best apex on each side is found by ternary search, since
 * the distance to a chord is unimodal along a convex chain.
 */
export function largestQuad(hull: readonly Point[]): Quad | null {
  const n = hull.length;
  if (n < 4) return null;
  const at = (i: number) => hull[i % n]!;
  // The vertex strictly between i and k (going forward) farthest from the chord i→k.
  const apex = (i: number, k: number): number => {
    let low = i + 1;
    let high = k - 1;
    while (high - low > 2) {
      const m1 = low + Math.floor((high - low) / 3);
      const m2 = high - Math.floor((high - low) / 3);
      if (Math.abs(cross(at(i), at(k), at(m1))) < Math.abs(cross(at(i), at(k), at(m2)))) low = m1;
      else high = m2;
    }
    let best = low;
    for (let j = low + 1; j <= high; j++) if (Math.abs(cross(at(i), at(k), at(j))) > Math.abs(cross(at(i), at(k), at(best)))) best = j;
    return best;
  };
  let best: number[] | null = null;
  let bestArea = -1;
  for (let i = 0; i < n; i++)
    for (let k = i + 2; k < i + n - 1; k++) {
      const j = apex(i, k);
      const l = apex(k, i + n);
      const area = Math.abs(cross(at(i), at(k), at(j))) + Math.abs(cross(at(i), at(k), at(l)));
      if (area > bestArea) {
        bestArea = area;
        best = [i, j, k, l];
      }
    }
  return best && orderCorners(best.map((index) => at(index)));
}

interface Line {
  /** A point on the line and its unit direction. */
  point: Point;
  direction: Point;
}

/** The total-least-squares line through the points (their principal axis). */
function fitLine(points: readonly Point[]): Line {
  const mean = points.reduce((sum, p) => ({ x: sum.x + p.x / points.length, y: sum.y + p.y / points.length }), { x: 0, y: 0 });
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mean.x) ** 2;
    sxy += (p.x - mean.x) * (p.y - mean.y);
    syy += (p.y - mean.y) ** 2;
  }
  const angle = Math.atan2(2 * sxy, sxx - syy) / 2;
  return { point: mean, direction: { x: Math.cos(angle), y: Math.sin(angle) } };
}

function intersect(a: Line, b: Line): Point | null {
  const denominator = a.direction.x * b.direction.y - a.direction.y * b.direction.x;
  if (Math.abs(denominator) < 1e-9) return null;
  const t = ((b.point.x - a.point.x) * b.direction.y - (b.point.y - a.point.y) * b.direction.x) / denominator;
  return { x: a.point.x + t * a.direction.x, y: a.point.y + t * a.direction.y };
}

/** Distance from p to the line, and where along the segment a→b it falls (0 at a, 1 at b). */
function toSegment(p: Point, a: Point, b: Point): { distance: number; along: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  return { distance: Math.abs(cross(a, b, p)) / length, along: ((p.x - a.x) * dx + (p.y - a.y) * dy) / length ** 2 };
}

export interface SideFitOptions {
  /** How far (pixels) an outline point may be from a side to count as that side's. */
  tolerance: number;
  /** Points the fit must ignore, such as those along the image's own border. */
  ignore: (p: Point) => boolean;
}

/**
 * Straightens a rough quad against the outline it came from: each side becomes the line fitted to the outline
 * points along its middle (corners, often rounded or cut, left out), twice, with the far points dropped the
 * second time; the corners are where the lines meet. A side with too few points of its own keeps its place.
 */
export function fitSides(outline: readonly Point[], rough: Quad, options: SideFitOptions): Quad {
  const lines = rough.map((a, side) => {
    const b = rough[(side + 1) % 4]!;
    let line: Line = { point: a, direction: { x: (b.x - a.x) / Math.hypot(b.x - a.x, b.y - a.y), y: (b.y - a.y) / Math.hypot(b.x - a.x, b.y - a.y) } };
    let tolerance = options.tolerance;
    for (let round = 0; round < 2; round++) {
      const own = outline.filter((p) => {
        const { along } = toSegment(p, a, b);
        const distance = Math.abs((p.x - line.point.x) * line.direction.y - (p.y - line.point.y) * line.direction.x);
        return along > 0.12 && along < 0.88 && distance <= tolerance && !options.ignore(p);
      });
      if (own.length < 8) break;
      line = fitLine(own);
      tolerance = Math.max(1.5, tolerance / 3);
    }
    return line;
  });
  const corners = rough.map((corner, i) => intersect(lines[(i + 3) % 4]!, lines[i]!) ?? corner);
  return corners as Quad;
}

