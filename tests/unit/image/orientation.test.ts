import { describe, expect, it } from 'vitest';
import { orientationLeftToApply, orientationTransform, orientedSize, type Matrix } from '../../../src/pipeline/image/orientation';

const apply = ([a, b, c, d, e, f]: Matrix, x: number, y: number) => [a * x + c * y + e, b * x + d * y + f] as const;

/** The EXIF specification's own words for each orientation: where the stored first row and first column end up. */
const EXIF_TABLE: Record<number, { row0: string; column0: string }> = {
  1: { row0: 'top', column0: 'left' },
  2: { row0: 'top', column0: 'right' },
  3: { row0: 'bottom', column0: 'right' },
  4: { row0: 'bottom', column0: 'left' },
  5: { row0: 'left', column0: 'top' },
  6: { row0: 'right', column0: 'top' },
  7: { row0: 'right', column0: 'bottom' },
  8: { row0: 'left', column0: 'bottom' },
};

/** Which edge of the upright image a set of transformed pixel centres all lie along. */
function edgeOf(points: (readonly [number, number])[], width: number, height: number): string {
  const along = (test: (p: readonly [number, number]) => boolean) => points.every(test);
  if (along(([, y]) => y === 0.5)) return 'top';
  if (along(([, y]) => y === height - 0.5)) return 'bottom';
  if (along(([x]) => x === 0.5)) return 'left';
  if (along(([x]) => x === width - 0.5)) return 'right';
  return 'none';
}

describe('orientationTransform', () => {
  const [W, H] = [6, 4];
  it.each(Object.entries(EXIF_TABLE))('orientation %s puts the stored first row and column where EXIF says', (key, expected) => {
    const { width, height, matrix } = orientationTransform(Number(key), W, H);
    expect({ width, height }).toEqual(orientedSize(Number(key), W, H));
    const row0 = Array.from({ length: W }, (_, x) => apply(matrix, x + 0.5, 0.5));
    const column0 = Array.from({ length: H }, (_, y) => apply(matrix, 0.5, y + 0.5));
    expect({ row0: edgeOf(row0, width, height), column0: edgeOf(column0, width, height) }).toEqual(expected);
  });

  it('swaps the sides only for the quarter turns 5 to 8, and treats unknown values as upright', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((o) => orientedSize(o, 80, 40).width)).toEqual([80, 80, 80, 80, 40, 40, 40, 40]);
    expect(orientationTransform(9, 80, 40)).toEqual({ width: 80, height: 40, matrix: [1, 0, 0, 1, 0, 0] });
  });
});

describe('orientationLeftToApply', () => {
  const stored = { width: 80, height: 40 };
  it('is nothing when the decoder already turned the photo (sides swapped)', () => {
    expect(orientationLeftToApply(6, stored, { width: 40, height: 80 })).toBe(1);
  });

  it('is the orientation when the decoded size proves the decoder ignored it', () => {
    expect(orientationLeftToApply(6, stored, { width: 80, height: 40 })).toBe(6);
    expect(orientationLeftToApply(8, stored, { width: 80, height: 40 })).toBe(8);
  });

  it('trusts the decoder where sizes cannot tell: mirrors, half turns, square photos, unknown stored size', () => {
    expect(orientationLeftToApply(3, stored, stored)).toBe(1);
    expect(orientationLeftToApply(6, { width: 50, height: 50 }, { width: 50, height: 50 })).toBe(1);
    expect(orientationLeftToApply(6, undefined, stored)).toBe(1);
  });
});
