/** Text folded for matching labels: upper case, no diacritics, the letters OCR and keyboards write without them. */

// Letters that NFKD does not split into a base letter and a mark.
const SPECIAL: Record<string, string> = { ß: 'SS', ẞ: 'SS', Ł: 'L', ł: 'L', Ø: 'O', ø: 'O', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Đ: 'D', đ: 'D', Ħ: 'H', ħ: 'H', ı: 'I', Þ: 'TH', þ: 'TH' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** `Rīgas Maiznīca, Groß` → `RIGAS MAIZNICA, GROSS`: one character in, one or two out, no marks. */
export function fold(text: string): string {
  return text
    .replace(SPECIAL_RE, (c) => SPECIAL[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase();
}

// One letter each, for folding that must keep every index: "ß" stands as "S".
const SINGLE: Record<string, string> = { ß: 'S', ẞ: 'S', Æ: 'A', æ: 'A', Œ: 'O', œ: 'O', Þ: 'T', þ: 'T' };

/** `fold` that keeps the text's length, so a match in the folded text points at the same span of the original. */
export function foldKeepingLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const base = SINGLE[c] ?? SPECIAL[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
    const upper = base.toUpperCase();
    out += upper.length === 1 ? upper : c;
  }
  return out;
}
