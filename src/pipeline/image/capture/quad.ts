/**
 * Plane geometry of a photographed sheet, in continuous pixel coordinates: pixel (i, j) covers
 * [i, i + 1) × [j, j + 1), so an image of width × height spans (0, 0) to (width, height).
 */

export interface Point {
  x: number;
  y: number;
}

/** Corners in order top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

const centroid = (points: readonly Point[]): Point => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});

const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Any four points, in any order, as top-left, top-right, bottom-right, bottom-left. The top side is the one whose
 * direction is nearest to level, so the order holds for any aspect and in-plane turns up to ±45°.
 */
export function orderCorners(points: readonly Point[]): Quad {
  if (points.length !== 4) throw new RangeError(`orderCorners needs 4 points, got ${points.length}`);
  const c = centroid(points);
  // Clockwise on screen (y grows downwards) is increasing angle.
  const around = [...points].sort((a, b) => Math.atan2(a.y - c.y, a.x - c.x) - Math.atan2(b.y - c.y, b.x - c.x));
  let best = 0;
  let bestTilt = Infinity;
  for (let shift = 0; shift < 4; shift++) {
    const [tl, tr, br, bl] = [0, 1, 2, 3].map((i) => around[(shift + i) % 4]!) as Quad;
    // Top and bottom sides, both read left to right, summed so a perspective's taper averages out.
    const dx = tr.x - tl.x + (br.x - bl.x);
    const dy = tr.y - tl.y + (br.y - bl.y);
    const tilt = Math.abs(Math.atan2(dy, dx));
    if (tilt < bestTilt) {
      bestTilt = tilt;
      best = shift;
    }
  }
  return [0, 1, 2, 3].map((i) => ({ ...around[(best + i) % 4]! })) as Quad;
}

/** Solves a · x = b in place by Gaussian elimination with partial pivoting; throws on a singular system. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new RangeError('degenerate quad: no homography maps it');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < n; k++) a[row]![k]! -= factor * a[col]![k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/**
 * The 3 × 3 projective map (row-major, h[8] = 1) taking each corner of `from` to the same corner of `to`:
 * four point pairs give exactly the eight unknowns (direct linear transform).
 */
export function homography(from: Quad, to: Quad): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  // Points are centred and scaled first, so large pixel coordinates do not make the system ill-conditioned.
  const norm = (quad: Quad) => {
    const c = centroid(quad);
    const s = Math.SQRT2 / Math.max(1e-12, quad.reduce((sum, p) => sum + distance(p, c), 0) / 4);
    return { c, s, points: quad.map((p) => ({ x: (p.x - c.x) * s, y: (p.y - c.y) * s })) };
  };
  const f = norm(from);
  const t = norm(to);
  for (let i = 0; i < 4; i++) {
    const { x, y } = f.points[i]!;
    const { x: u, y: v } = t.points[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const n = [...solve(a, b), 1];
  // Undo the normalisation: H = T_to⁻¹ · N · T_from.
  const tFrom = [f.s, 0, -f.s * f.c.x, 0, f.s, -f.s * f.c.y, 0, 0, 1];
  const tToInverse = [1 / t.s, 0, t.c.x, 0, 1 / t.s, t.c.y, 0, 0, 1];
  const h = multiply(tToInverse, multiply(n, tFrom));
  const scale = h[8]!;
  if (Math.abs(scale) < 1e-15) throw new RangeError('degenerate quad: the map sends a point to infinity');
  return h.map((value) => value / scale);
}

function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += a[r * 3 + k]! * b[k * 3 + c]!;
  return out;
}

export function applyHomography(h: readonly number[], p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/** Width over height of the rectangle the quad is a picture of, or null when its perspective says nothing. */
function perspectiveAspect(quad: Quad, principal: Point): number | null {
  // Zhang & He, "Whiteboard scanning and image enhancement" (2007): the focal length from the two vanishing
  // points, then the sides' true ratio. Coordinates are taken about the principal point.
  const [tl, tr, br, bl] = quad.map((p) => [p.x - principal.x, p.y - principal.y, 1] as const);
  const cross = (a: readonly number[], b: readonly number[]) => [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
  const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const m14 = cross(tl!, br!);
  const k2 = dot(m14, bl!) / dot(cross(tr!, br!), bl!);
  const k3 = dot(m14, tr!) / dot(cross(bl!, br!), tr!);
  const n2 = tr!.map((value, i) => k2 * value - tl![i]!);
  const n3 = bl!.map((value, i) => k3 * value - tl![i]!);
  const f2 = -(n2[0]! * n3[0]! + n2[1]! * n3[1]!) / (n2[2]! * n3[2]!);
  // Parallel sides (an affine picture) leave it undefined; one far from any camera's, or imaginary, is noise.
  const halfDiagonal = Math.hypot(principal.x, principal.y) || 1;
  if (!(f2 > (0.3 * halfDiagonal) ** 2 && f2 < (10 * halfDiagonal) ** 2)) return null;
  const ratio = (n2[0]! ** 2 + n2[1]! ** 2 + f2 * n2[2]! ** 2) / (n3[0]! ** 2 + n3[1]! ** 2 + f2 * n3[2]! ** 2);
  return Number.isFinite(ratio) && ratio > 0 ? Math.sqrt(ratio) : null;
}

/**
 * The upright page's size in whole pixels: the sheet's own aspect (from the perspective when `principal`, the
 * photo's centre, is given and the corners show one; else the mean of opposite sides), never larger than the
 * quad's longest sides (no upscaling), and at most `maxPixels` in all.
 */
export function outputSize(quad: Quad, maxPixels = Infinity, principal?: Point): { width: number; height: number } {
  const [tl, tr, br, bl] = quad;
  const top = distance(tl, tr);
  const bottom = distance(bl, br);
  const left = distance(tl, bl);
  const right = distance(tr, br);
  const aspect = (principal && perspectiveAspect(quad, principal)) ?? (top + bottom) / Math.max(1e-9, left + right);
  let height = Math.max(left, right);
  let width = height * aspect;
  const widest = Math.max(top, bottom);
  if (width > widest) {
    width = widest;
    height = width / aspect;
  }
  const shrink = Math.min(1, Math.sqrt(maxPixels / Math.max(1, width * height)));
  return { width: Math.max(1, Math.round(width * shrink)), height: Math.max(1, Math.round(height * shrink)) };
}

/** Whether the corners, in order, turn the same way at every corner (a convex quad that does not cross itself). */
export function isConvex(quad: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const c = quad[(i + 2) % 4]!;
    const turn = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (turn === 0) return false;
    if (sign === 0) sign = Math.sign(turn);
    else if (Math.sign(turn) !== sign) return false;
  }
  return true;
}

/** The farthest any found corner is from its true one, as a share of the true quad's mean diagonal. */
export function cornerError(found: Quad, truth: Quad): number {
  const diagonal = (distance(truth[0], truth[2]) + distance(truth[1], truth[3])) / 2;
  return Math.max(...found.map((p, i) => distance(p, truth[i]!))) / diagonal;
}

/** The corners of a whole image of this size. */
export function wholeImage(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}
