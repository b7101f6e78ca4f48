/** Text folded for matching labels: upper case, no diacritics, the letters OCR and keyboards write without them. */

// Letters that NFKD does not split into a base letter and a mark.
const SPECIAL: Record<string, string> = { ß: 'SS', ẞ: 'SS', Ł: 'L', ł: 'L', Ø: 'O', ø: 'O', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Đ: 'D', đ: 'D', Ħ: 'H', ħ: 'H', ı: 'I', Þ: 'TH', þ: 'TH' };
// Cyrillic as Serbian Latin writes it, so Serbian receipts meet the lexicon's words (other Cyrillic letters as near as one can).
const CYRILLIC: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Ђ: 'DJ', Е: 'E', Ж: 'Z', З: 'Z', И: 'I', Ј: 'J', К: 'K', Л: 'L', Љ: 'LJ', М: 'M', Н: 'N', Њ: 'NJ', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'C', У: 'U', Ф: 'F', Х: 'H', Ц: 'C', Ч: 'C', Џ: 'DZ', Ш: 'S', Щ: 'SH', Ъ: 'A', Ы: 'Y', Ь: '', Э: 'E', Ю: 'JU', Я: 'JA', Й: 'J', Ё: 'E', Є: 'JE', І: 'I', Ї: 'JI', Ґ: 'G',
};
for (const [upper, latin] of Object.entries(CYRILLIC)) SPECIAL[upper] = SPECIAL[upper.toLowerCase()] = latin;
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** `Rīgas Maiznīca, Groß` → `RIGAS MAIZNICA, GROSS`: upper case, no marks (a character may become several). */
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
    const base = SINGLE[c] ?? (SPECIAL[c] || undefined)?.[0] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
    const upper = base.toUpperCase();
    out += upper.length === 1 ? upper : c;
  }
  return out;
}
