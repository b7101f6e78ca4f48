import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE, FIRST_PAGES, isPartial, parsePageRange, rangeIndexes } from '../../../src/reader/page-range';

describe('page ranges', () => {
  it('reads a short PDF whole and the first pages of a long one', () => {
    expect(rangeIndexes(DEFAULT_RANGE, 3)).toEqual({ first: 0, last: 2 });
    expect(rangeIndexes(DEFAULT_RANGE, 400)).toEqual({ first: 0, last: FIRST_PAGES - 1 });
    expect(isPartial(undefined, 3)).toBe(false);
    expect(isPartial(undefined, FIRST_PAGES)).toBe(false);
    expect(isPartial(undefined, FIRST_PAGES + 1)).toBe(true);
    expect(isPartial({ from: 2, to: 3 }, 3)).toBe(true);
  });

  it('clips a range to the pages the document has', () => {
    expect(rangeIndexes({ from: 21, to: 40 }, 25)).toEqual({ first: 20, last: 24 });
  });

  it('accepts a range inside the document and explains anything else', () => {
    expect(parsePageRange('21', '25', 25)).toEqual({ from: 21, to: 25 });
    expect(parsePageRange('0', '3', 25)).toBe('This PDF has pages 1 to 25.');
    expect(parsePageRange('3', '26', 25)).toBe('This PDF has pages 1 to 25.');
    expect(parsePageRange('5', '3', 25)).toBe('The first page comes before the last.');
    expect(parsePageRange('1.5', '3', 25)).toBe('Page numbers are whole numbers.');
    expect(parsePageRange('', '3', 25)).toBe('This PDF has pages 1 to 25.');
  });
});
