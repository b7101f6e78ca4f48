import { describe, expect, it } from 'vitest';
import { lettersForLookAlikeDigits } from '../../../src/pipeline/ocr/look-alikes';

describe('lettersForLookAlikeDigits', () => {
  it('reads digits between letters as the letters they resemble, in the letters’ case', () => {
    expect(lettersForLookAlikeDigits('LOT G1.116A, GR0UND FL00R')).toBe('LOT G1.116A, GROUND FLOOR');
    expect(lettersForLookAlikeDigits('SUBT0TAL 12.50')).toBe('SUBTOTAL 12.50');
    expect(lettersForLookAlikeDigits('(Bi11 inc1usive of GST) Ca5hier')).toBe('(Bi11 inclusive of GST) Cashier');
  });

  it('leaves amounts, codes and numbers with a letter on one side only as printed', () => {
    const printed = 'RM5.00 10P01 K15 NO.3 C14 (M) I00100000006- TOTAL 150 A1-B5 X10';
    expect(lettersForLookAlikeDigits(printed)).toBe(printed);
  });
});
