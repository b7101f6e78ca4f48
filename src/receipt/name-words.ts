/**
 * Words that recur in shop and company names on receipts. A long word OCR got slightly wrong
 * ("CONFECTONERY", "HARLIWARL") is put back to the one of these it is closest to; the list also holds
 * the near neighbours that are right as printed ("BAKERS", "MARKETING"), so they are never "corrected".
 */
const NAME_WORDS = [
  'ACCESSORIES', 'AUTOMOTIVE', 'BAKERIES', 'BAKERS', 'BAKERY', 'BEVERAGE', 'BEVERAGES', 'BOOKSTORE', 'BOUTIQUE', 'BROTHERS',
  'CATERING', 'CHEMIST', 'CLINIC', 'COMMUNICATIONS', 'CONFECTIONERY', 'CONSTRUCTION', 'CORPORATION', 'DEPARTMENT', 'DISTRIBUTION',
  'DISTRIBUTORS', 'ELECTRICAL', 'ELECTRONICS', 'ENGINEERING', 'ENTERPRISE', 'ENTERPRISES', 'FLORIST', 'FURNITURE', 'GROCERIES', 'GROCERY',
  'HARDWARE', 'HOLDINGS', 'HOSPITALITY', 'HYPERMARKET', 'INDUSTRIES', 'INTERNATIONAL', 'KITCHEN', 'MACHINERY', 'MANAGEMENT', 'MARKETING',
  'MINIMARKET', 'PERNIAGAAN', 'PHARMACY', 'PHOTOSTAT', 'PRINTING', 'RESOURCES', 'RESTAURANT', 'RESTORAN', 'RETAIL', 'SERVICES',
  'STATIONERY', 'STATIONERS', 'STORES', 'SUPERMARKET', 'SUPPLIES', 'SUPPLY', 'SYARIKAT', 'TECHNOLOGY', 'TRADING', 'TRADERS', 'TRAVEL',
];
const KNOWN = new Set(NAME_WORDS);

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The known word a misread one stands for: only long words, within a third of their length, and only an unambiguous match. */
function correctWord(word: string): string {
  const upper = word.toUpperCase();
  if (upper.length < 6 || KNOWN.has(upper) || !/^\p{Lu}+$/u.test(upper)) return word;
  const allowed = Math.floor(upper.length / 3);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const known of NAME_WORDS) {
    if (Math.abs(known.length - upper.length) > allowed) continue;
    const d = distance(upper, known);
    if (d < bestDistance) [best, bestDistance, tie] = [known, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best && bestDistance <= allowed && !tie && word === upper ? best : word;
}

/** Puts back the business words of an all-caps name that OCR misread; other words stay as printed. */
export function correctNameWords(name: string): string {
  return name.replace(/\p{L}+/gu, correctWord);
}
