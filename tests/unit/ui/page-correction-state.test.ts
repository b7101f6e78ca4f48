import { describe, expect, it } from 'vitest';
import { cornerAfterKey, correctionSummary, pageSourceSize } from '../../../src/ui/page-correction-state';
import type { PageGeometry } from '../../../src/protocol';

const found = [
  { x: 10, y: 20 },
  { x: 300, y: 25 },
  { x: 310, y: 600 },
  { x: 5, y: 590 },
] as PageGeometry['corners'] & object;
const geometry = (patch: Partial<PageGeometry>): PageGeometry => ({ sourceWidth: 400, sourceHeight: 700, detected: found, corners: found, rotation: 0, ...patch });

describe('page correction state', () => {
  it('corners live in the page before correction', () => {
    expect(pageSourceSize({ width: 300, height: 580, geometry: geometry({}) })).toEqual({ width: 400, height: 700 });
    expect(pageSourceSize({ width: 300, height: 580 })).toEqual({ width: 300, height: 580 });
  });

  it('says whether the page was found, cut by hand, kept whole or turned', () => {
    expect(correctionSummary(geometry({}))).toBe('Straightened: the page was found in the photo.');
    expect(correctionSummary(geometry({ corners: [{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 300 }, { x: 0, y: 300 }] }))).toBe('Cut out along your corners.');
    expect(correctionSummary(geometry({ corners: null }))).toBe('Whole image kept.');
    expect(correctionSummary(geometry({ corners: null, detected: null, rotation: 90 }))).toBe('Turned a quarter right.');
    expect(correctionSummary(geometry({ rotation: 270 }))).toBe('Straightened: the page was found in the photo, turned a quarter left.');
    expect(correctionSummary(geometry({ corners: null, detected: null }))).toBe('');
    expect(correctionSummary(undefined)).toBe('');
  });

  it('moves a corner with the arrow keys, faster with Shift, never off the page', () => {
    const size = { width: 1000, height: 2000 };
    expect(cornerAfterKey({ x: 100, y: 100 }, 'ArrowRight', false, size)).toEqual({ x: 105, y: 100 });
    expect(cornerAfterKey({ x: 100, y: 100 }, 'ArrowDown', true, size)).toEqual({ x: 100, y: 200 });
    expect(cornerAfterKey({ x: 2, y: 100 }, 'ArrowLeft', true, size)).toEqual({ x: 0, y: 100 });
    expect(cornerAfterKey({ x: 100, y: 1990 }, 'ArrowDown', true, size)).toEqual({ x: 100, y: 2000 });
    expect(cornerAfterKey({ x: 100, y: 100 }, 'Enter', false, size)).toBeUndefined();
  });
});
