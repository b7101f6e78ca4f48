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
    .map((line) => capped(line.replace(/[\t\u00a0 ]+/g, ' ').trim()))
    .filter((line) => line.length > 0);
}

// No printed line is this long; a run OCR or a PDF made of one is cut in the middle, where the label and the
// amount are not, so that no pattern spends time proportional to its square.
const LONGEST = 300;
const capped = (line: string) => (line.length <= LONGEST ? line : `${line.slice(0, LONGEST / 2)} ${line.slice(-LONGEST / 2)}`);
