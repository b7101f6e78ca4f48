import { describe, expect, it } from 'vitest';
import { ocrDistance } from '../../../src/pipeline/ocr/ocr-distance';

describe('ocrDistance: edits weighted by what print OCR gets wrong', () => {
  it('is zero for the same word and symmetric in plain edits', () => {
    expect(ocrDistance('HARDWARE', 'HARDWARE')).toBe(0);
    expect(ocrDistance('STORES', 'STOOGES')).toBe(ocrDistance('STOOGES', 'STORES'));
  });

  it('charges half an edit for a look-alike glyph, a thin glyph lost or added, and two glyphs read as one', () => {
    expect(ocrDistance('CONFECTLONERY', 'CONFECTIONERY')).toBe(0.5);
    expect(ocrDistance('TRADNG', 'TRADING')).toBe(0.5);
    expect(ocrDistance('HARLIWARE', 'HARDWARE')).toBe(0.5);
    expect(ocrDistance('CORNER', 'COMER')).toBe(0.5);
    expect(ocrDistance('MART', 'RNART')).toBe(0.5);
    expect(ocrDistance('BOQKS', 'BOOKS')).toBe(0.5);
  });

  it('charges a whole edit for letters that do not look alike, and one for a swap of neighbours', () => {
    expect(ocrDistance('STOOGES', 'STORES')).toBe(2);
    expect(ocrDistance('FOREST', 'FLORIST')).toBe(1.5);
    expect(ocrDistance('HARDWAER', 'HARDWARE')).toBe(1);
    expect(ocrDistance('CAT', 'DOG')).toBe(2.5);
  });
});
