/** OCR text as the extractors read it: one printed line per entry. */
import { lettersForLookAlikeDigits } from '../pipeline/ocr/look-alikes';

/**
 * Normalizes OCR text: unified dashes and spaces, no empty lines, and digits between letters read as
 * the letters they resemble (any engine's text, or the user's, may still hold them).
 */
export function receiptLines(text: string): string[] {
  return lettersForLookAlikeDigits(text.normalize('NFKC'))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .split(/\r?\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
