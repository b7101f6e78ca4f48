import type { Point, Quad } from './quad';

/** A one-channel map of the small image: how much each pixel looks like paper (bright, colourless), 0–255. */
export interface ScoreMap {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface SideEvidence {
  /** Per side: median of (inside − outside) paper score across it, in 0..1. */
  contrast: number[];
  /** Per side: share of its length that lies on the image's own border (nothing outside to compare with). */
  onBorder: number[];
}

const SAMPLES = 24;

function scoreAt(map: ScoreMap, p: Point): number {
  const x = Math.min(map.width - 1, Math.max(0, Math.floor(p.x)));
  const y = Math.min(map.height - 1, Math.max(0, Math.floor(p.y)));
  return map.data[y * map.width + x]!;
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

/**
 * How clearly each side of the quad separates paper (inside) from table (outside): the paper score sampled a
 * little way in and out along each side's normal. Where the image's border is nearer than that, the outside
 * sample moves in to just before the border; a side with no room at all is on the border.
 */
export function sideEvidence(map: ScoreMap, quad: Quad, offset: number): SideEvidence {
  const centre = { x: quad.reduce((s, p) => s + p.x, 0) / 4, y: quad.reduce((s, p) => s + p.y, 0) / 4 };
  const contrast: number[] = [];
  const onBorder: number[] = [];
  for (let side = 0; side < 4; side++) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    let normal = { x: (b.y - a.y) / length, y: -(b.x - a.x) / length };
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    // Outward: away from the quad's centre.
    if ((mid.x - centre.x) * normal.x + (mid.y - centre.y) * normal.y < 0) normal = { x: -normal.x, y: -normal.y };
    const differences: number[] = [];
    let border = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const t = 0.1 + (0.8 * (s + 0.5)) / SAMPLES;
      const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      const room = roomOutside(map, p, normal);
      if (room < 2) {
        border++;
        continue;
      }
      const out = Math.min(offset, room - 1);
      const inside = scoreAt(map, { x: p.x - normal.x * offset, y: p.y - normal.y * offset });
      const outside = scoreAt(map, { x: p.x + normal.x * out, y: p.y + normal.y * out });
      differences.push((inside - outside) / 255);
    }
    contrast.push(median(differences));
    onBorder.push(border / SAMPLES);
  }
  return { contrast, onBorder };
}

/** How far one can go from p along the direction before leaving the image. */
function roomOutside(map: ScoreMap, p: Point, direction: Point): number {
  const limits = [
    direction.x > 0 ? (map.width - p.x) / direction.x : direction.x < 0 ? -p.x / direction.x : Infinity,
    direction.y > 0 ? (map.height - p.y) / direction.y : direction.y < 0 ? -p.y / direction.y : Infinity,
  ];
  return Math.min(...limits);
}
