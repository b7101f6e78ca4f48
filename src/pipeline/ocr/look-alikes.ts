const LETTER: Record<string, { upper: string; lower: string }> = {
  '0': { upper: 'O', lower: 'o' },
  '1': { upper: 'I', lower: 'l' },
  '5': { upper: 'S', lower: 's' },
};

/**
 * Digits that OCR put between letters ("GR0UND FL00R", "T0TAL", "Bi11s") read as the letters they
 * resemble, in the case of the letters around them. Amounts and receipt codes seldom have a 0, 1 or 5
 * with a letter on both sides, so "RM5.00", "10P01" and "K15" stay as printed.
 */
export function lettersForLookAlikeDigits(text: string): string {
  return text.replace(/(?<=(\p{L}))[015]+(?=(\p{L}))/gu, (digits: string, before: string, after: string) => {
    const lower = /\p{Ll}/u.test(before) && /\p{Ll}/u.test(after);
    return digits.replace(/[015]/g, (d) => LETTER[d]![lower ? 'lower' : 'upper']);
  });
}
