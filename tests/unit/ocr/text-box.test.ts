import { describe, expect, it } from 'vitest';
import { boxesFromProbabilityMap } from '../../../src/pipeline/ocr/db-postprocess';
import { pageSkew, readingOrder } from '../../../src/pipeline/ocr/reading-order';
import { boxToTensor } from '../../../src/pipeline/ocr/tensor';
import { boxAngle, boxBounds, boxCentre, boxHeight, boxLength, convexHull, isUpright, minAreaRect, type TextBox } from '../../../src/pipeline/ocr/text-box';

const degrees = (d: number) => (d * Math.PI) / 180;

/** The corners of a `length` × `height` rectangle centred at (cx, cy), turned by `angle`. */
function corners(cx: number, cy: number, length: number, height: number, angle: number) {
  const u = { x: Math.cos(angle), y: Math.sin(angle) };
  const v = { x: -u.y, y: u.x };
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([a, b]) => ({ x: cx + (a! * length * u.x + b! * height * v.x) / 2, y: cy + (a! * length * u.y + b! * height * v.y) / 2 }));
}

/** A box of the given size and angle centred at (cx, cy). */
function tilted(cx: number, cy: number, length: number, height: number, angle: number): TextBox {
  return { ...minAreaRect(corners(cx, cy, length, height, angle)), score: 1 };
}

describe('minAreaRect', () => {
  it('finds a turned rectangle from points inside it, reading rightwards and down whatever the hull order', () => {
    for (const angle of [degrees(-30), degrees(-3), degrees(5), degrees(40), degrees(95)]) {
      const points = [...corners(200, 100, 300, 40, angle), ...corners(210, 100, 100, 20, angle)];
      const box = { ...minAreaRect(convexHull(points)), score: 1 };
      // A rectangle turned by 95° is, read as text, a tall one turned by 5°: along is within 45° of the x axis.
      const expected = angle > degrees(45) ? angle - degrees(90) : angle;
      const [length, height] = angle > degrees(45) ? [40, 300] : [300, 40];
      expect(boxAngle(box)).toBeCloseTo(expected, 6);
      expect(boxLength(box)).toBeCloseTo(length, 6);
      expect(boxHeight(box)).toBeCloseTo(height, 6);
      expect(boxCentre(box).x).toBeCloseTo(200, 6);
      expect(boxCentre(box).y).toBeCloseTo(100, 6);
      expect(box.across.y).toBeGreaterThan(0);
    }
  });
});

describe('boxesFromProbabilityMap', () => {
  const width = 200;
  const height = 120;
  const map = (inside: (x: number, y: number) => boolean) => {
    const prob = new Float32Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inside(x + 0.5, y + 0.5)) prob[y * width + x] = 0.9;
    return prob;
  };

  it('gives a level line an upright box', () => {
    const [box, ...rest] = boxesFromProbabilityMap(map((x, y) => x >= 20 && x < 180 && y >= 50 && y < 60), width, height);
    expect(rest).toHaveLength(0);
    expect(isUpright(box!)).toBe(true);
  });

  it('gives a skewed line a box as tilted as the line, grown by the unclip distance on every side', () => {
    const angle = degrees(4);
    // A line 160 × 10 turned by 4°: its upright bounding box would be 21 px high, twice the line.
    const inside = (x: number, y: number) => {
      const u = (x - 100) * Math.cos(angle) + (y - 60) * Math.sin(angle);
      const v = -(x - 100) * Math.sin(angle) + (y - 60) * Math.cos(angle);
      return Math.abs(u) < 80 && Math.abs(v) < 5;
    };
    const [box, ...rest] = boxesFromProbabilityMap(map(inside), width, height);
    expect(rest).toHaveLength(0);
    expect(isUpright(box!)).toBe(false);
    expect(boxAngle(box!)).toBeCloseTo(angle, 1);
    // Unclip distance for 160 × 10 at ratio 1.6: 160·10·1.6 / (2·170) ≈ 7.5 on each side.
    expect(boxHeight(box!)).toBeGreaterThan(22);
    expect(boxHeight(box!)).toBeLessThan(28);
    expect(boxLength(box!)).toBeGreaterThan(170);
    expect(boxCentre(box!).y).toBeCloseTo(60, 0);
  });
});

describe('readingOrder', () => {
  // A page turned by 3°: lines 30 px apart, each a label at the left and an amount 500 px to the right,
  // which on the turned page sits 26 px lower than its label (nearly a line lower).
  const skew = degrees(3);
  const at = (x: number, y: number) => ({ x: x * Math.cos(skew) - y * Math.sin(skew), y: x * Math.sin(skew) + y * Math.cos(skew) });
  const boxes: TextBox[] = [];
  for (let line = 0; line < 5; line++) {
    const label = at(100, 100 + line * 30);
    const amount = at(600, 100 + line * 30);
    boxes.push(tilted(label.x, label.y, 160, 20, skew), tilted(amount.x, amount.y, 80, 20, skew));
  }

  it('measures the page skew from its lines', () => {
    expect(pageSkew(boxes)).toBeCloseTo(skew, 6);
  });

  it('keeps each label with its amount, lines top to bottom, left to right', () => {
    const lines = readingOrder([...boxes].reverse());
    expect(lines).toHaveLength(5);
    lines.forEach((line, i) => {
      expect(line).toHaveLength(2);
      expect(boxCentre(line[0]!).x).toBeLessThan(boxCentre(line[1]!).x);
      expect(line[0]).toBe(boxes[2 * i]);
    });
  });
});

describe('boxToTensor', () => {
  it('samples a tilted box along its own sides', () => {
    // A white image with a dark line 4 px thick turned by 10°: a crop along it is dark in its middle rows only.
    const width = 220;
    const height = 100;
    const angle = degrees(10);
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const v = -(x - 110) * Math.sin(angle) + (y - 50) * Math.cos(angle);
        if (Math.abs(v) < 2) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
    const box = tilted(110, 50, 160, 12, angle);
    const norm = { mean: [0, 0, 0], std: [1, 1, 1] } as const;
    const out = boxToTensor({ width, height, data }, box, 40, 12, norm);
    const row = (r: number) => out.slice(r * 40, r * 40 + 40);
    expect(Math.max(...row(5), ...row(6))).toBeLessThan(0.1);
    expect(Math.min(...row(0), ...row(11))).toBeGreaterThan(0.9);
    // The upright box around the same line would mix dark and light in every row.
    const upright = boxToTensor({ width, height, data }, { origin: boxBounds(box), along: { x: boxBounds(box).width, y: 0 }, across: { x: 0, y: boxBounds(box).height }, score: 1 }, 40, 12, norm);
    expect(Math.max(...upright.slice(5 * 40, 6 * 40))).toBeGreaterThan(0.9);
  });
});
