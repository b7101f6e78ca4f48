import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  cornerError,
  homography,
  isConvex,
  orderCorners,
  outputSize,
  wholeImage,
  type Point,
  type Quad,
} from '../../../src/pipeline/image/capture/quad';
import { planeToImage, rectangleInPhoto } from '../../fixtures/photo-scenes/camera';

/** A width × height rectangle centred at (cx, cy), turned clockwise by `degrees`, as tl, tr, br, bl. */
function turnedRectangle(cx: number, cy: number, width: number, height: number, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const at = (x: number, y: number): Point => ({ x: cx + x * Math.cos(a) - y * Math.sin(a), y: cy + x * Math.sin(a) + y * Math.cos(a) });
  return [at(-width / 2, -height / 2), at(width / 2, -height / 2), at(width / 2, height / 2), at(-width / 2, height / 2)];
}

const side = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const near = (a: Point, b: Point, tolerance = 1e-6) => side(a, b) <= tolerance;

describe('orderCorners', () => {
  it('puts shuffled corners of a turned rectangle of any aspect back in order, for turns within ±44°', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -44, max: 44, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.constantFrom(...permutations([0, 1, 2, 3])),
        (degrees, aspect, order) => {
          const truth = turnedRectangle(500, 400, 300 * aspect, 300, degrees);
          const ordered = orderCorners(order.map((i) => truth[i]!));
          ordered.forEach((p, i) => expect(near(p, truth[i]!)).toBe(true));
        },
      ),
    );
  });

  it('orders a perspective picture of a sheet, whose sides are not parallel', () => {
    const quad: Quad = [
      { x: 120, y: 80 },
      { x: 410, y: 110 },
      { x: 460, y: 700 },
      { x: 60, y: 660 },
    ];
    expect(orderCorners([quad[2], quad[0], quad[3], quad[1]])).toEqual(quad);
  });

  it('wants exactly four points', () => {
    expect(() => orderCorners([{ x: 0, y: 0 }])).toThrow(RangeError);
  });
});

/** Every order of the items. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const convexQuad = fc
  .tuple(
    fc.double({ min: 200, max: 2000, noNaN: true }),
    fc.double({ min: 200, max: 2000, noNaN: true }),
    fc.double({ min: -15, max: 15, noNaN: true }),
    fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 8, maxLength: 8 }),
  )
  .map(([width, height, degrees, jitter]): Quad => {
    const rect = turnedRectangle(1500, 1500, width, height, degrees);
    return rect.map((p, i) => ({ x: p.x + jitter[2 * i]! * width, y: p.y + jitter[2 * i + 1]! * height })) as Quad;
  })
  .filter(isConvex);

describe('homography', () => {
  it('maps the four corners exactly', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, (from, to) => {
        const h = homography(from, to);
        from.forEach((p, i) => expect(near(applyHomography(h, p), to[i]!, 1e-6)).toBe(true));
      }),
    );
  });

  it('maps straight lines to straight lines', () => {
    fc.assert(
      fc.property(convexQuad, fc.double({ min: 0, max: 1, noNaN: true }), (to, t) => {
        const h = homography(wholeImage(1000, 1500), to);
        const [a, b, c] = [{ x: 100, y: 200 }, { x: 900, y: 1300 }, { x: 100 + 800 * t, y: 200 + 1100 * t }].map((p) => applyHomography(h, p));
        const cross = (b!.x - a!.x) * (c!.y - a!.y) - (b!.y - a!.y) * (c!.x - a!.x);
        expect(Math.abs(cross) / Math.hypot(b!.x - a!.x, b!.y - a!.y)).toBeLessThan(1e-6);
      }),
    );
  });

  it('comes back to the same point through the map the other way', () => {
    fc.assert(
      fc.property(convexQuad, convexQuad, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (from, to, u, v) => {
        const there = homography(from, to);
        const back = homography(to, from);
        const p = { x: from[0].x + u * (from[2].x - from[0].x), y: from[0].y + v * (from[2].y - from[0].y) };
        expect(near(applyHomography(back, applyHomography(there, p)), p, 1e-6)).toBe(true);
      }),
    );
  });

  it('refuses a quad collapsed onto a line', () => {
    const flat: Quad = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ];
    expect(() => homography(flat, wholeImage(10, 10))).toThrow(RangeError);
  });
});

describe('outputSize', () => {
  it('is an upright rectangle its own size, or shrunk to the pixel budget with its aspect kept', () => {
    expect(outputSize(turnedRectangle(500, 500, 300, 800, 12))).toEqual({ width: 300, height: 800 });
    const capped = outputSize(turnedRectangle(500, 500, 300, 800, 0), 60_000);
    expect(capped.width * capped.height).toBeLessThanOrEqual(60_000 * 1.01);
    expect(capped.width / capped.height).toBeCloseTo(300 / 800, 2);
  });

  it("recovers a tipped sheet's aspect from its perspective, where the mean of its sides does not", () => {
    const camera = { focal: 3000, cx: 2000, cy: 1500 };
    for (const [tilt, tiltAxis, roll] of [
      [30, 0, 5],
      [25, 90, -10],
      [30, 40, 15],
    ] as const) {
      const map = planeToImage(camera, { roll, tilt, tiltAxis, translation: [150, -100, 4500] });
      const quad = rectangleInPhoto(map, 800, 2000);
      const { width, height } = outputSize(quad, Infinity, { x: camera.cx, y: camera.cy });
      expect(Math.abs(width / height / 0.4 - 1)).toBeLessThan(0.01);
      // Never larger than the picture's own sides.
      expect(width).toBeLessThanOrEqual(Math.ceil(Math.max(side(quad[0], quad[1]), side(quad[3], quad[2]))));
      expect(height).toBeLessThanOrEqual(Math.ceil(Math.max(side(quad[0], quad[3]), side(quad[1], quad[2]))));
    }
    const tipped = rectangleInPhoto(planeToImage(camera, { roll: 0, tilt: 30, tiltAxis: 0, translation: [0, 0, 4500] }), 800, 2000);
    const naive = outputSize(tipped);
    expect(Math.abs(naive.width / naive.height / 0.4 - 1)).toBeGreaterThan(0.05);
  });

  it('falls back on the mean of opposite sides for a picture with no perspective in it', () => {
    const { width, height } = outputSize(turnedRectangle(2000, 1500, 600, 1200, 8), Infinity, { x: 2000, y: 1500 });
    expect(width).toBe(600);
    expect(height).toBe(1200);
  });
});

describe('isConvex', () => {
  it('tells convex quads from crossed and dented ones', () => {
    expect(isConvex(wholeImage(10, 20))).toBe(true);
    expect(isConvex(turnedRectangle(0, 0, 5, 9, -30))).toBe(true);
    const [tl, tr, br, bl] = wholeImage(10, 10);
    expect(isConvex([tl, br, tr, bl])).toBe(false);
    expect(isConvex([tl, tr, { x: 5, y: 3 }, bl])).toBe(false);
    expect(isConvex([tl, tr, { x: 10, y: 0 }, bl])).toBe(false);
  });
});

describe('cornerError', () => {
  it('is the farthest corner off, as a share of the diagonal', () => {
    const truth = wholeImage(300, 400);
    const found: Quad = [truth[0], truth[1], { x: 310, y: 400 }, { x: 0, y: 405 }];
    expect(cornerError(truth, truth)).toBe(0);
    expect(cornerError(found, truth)).toBeCloseTo(10 / 500, 9);
  });
});
