import { ocrDistance } from '../pipeline/ocr/ocr-distance';
import { fold } from './fold';
import { LABELS, SHOP_WORDS } from './lexicon';

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
// Words of every language in the lexicon are right as printed: "SUPERMERCATO" and "SERVICIO" are no misread English.
const LEXICON_WORDS = [...SHOP_WORDS, ...Object.values(LABELS).flatMap((classes) => Object.values(classes).flat())];
const KNOWN = new Set([...NAME_WORDS, ...LEXICON_WORDS.flatMap((phrase) => fold(phrase).split(/[^\p{L}]+/u)).filter((w) => w.length >= 4)]);

/**
 * The name word closest to an all-caps word, within one OCR edit (ocrDistance) per seven letters, only an
 * unambiguous match, and never another form of it: "HARLIWARE" is HARDWARE, but "FOREST", "STOOGES" and
 * "SUPPLIER" are words of their own.
 */
function closestNameWord(upper: string): { word: string; distance: number } | undefined {
  if (!closest.has(upper)) {
    // A name's lines are tidied several times per receipt: each word is matched against the list once.
    if (closest.size >= 10_000) closest.clear();
    closest.set(upper, matchNameWord(upper));
  }
  return closest.get(upper);
}
const closest = new Map<string, { word: string; distance: number } | undefined>();

function matchNameWord(upper: string): { word: string; distance: number } | undefined {
  const allowed = upper.length / 7;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const known of NAME_WORDS) {
    if (Math.abs(known.length - upper.length) > 2 * allowed) continue;
    const d = ocrDistance(upper, known);
    if (d < bestDistance) [best, bestDistance, tie] = [known, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best && bestDistance <= allowed && !tie && !inflects(upper, best) ? { word: best, distance: bestDistance } : undefined;
}

// English endings: a word that differs from a name word only in them is another form of it, right as printed.
const ENDINGS = new Set(['', 'S', 'ES', 'D', 'ED', 'R', 'ER']);

/** "SUPPLIER" for "SUPPLIES", "BROTHER" for "BROTHERS": two words that differ only in English endings. */
function inflects(word: string, known: string): boolean {
  let common = 0;
  while (common < word.length && word[common] === known[common]) common++;
  return word !== known && common >= 5 && ENDINGS.has(word.slice(common)) && ENDINGS.has(known.slice(common));
}

/** The known word a misread one stands for: only long all-caps words. */
function correctWord(word: string): string {
  if (word.length < 6 || KNOWN.has(fold(word)) || !/^\p{Lu}+$/u.test(word)) return word;
  return closestNameWord(word)?.word ?? word;
}

// Short shop words, too short for the distance rule: only a look-alike letter puts them back.
const SHORT_WORDS = new Set(['MART', 'MARKET', 'MALL']);
// Letters this kind of OCR confuses in print: M and N ("RN" for "RM", "NART" for "MART").
const LOOK_ALIKE: Record<string, string> = { M: 'N', N: 'M' };

/** A short all-caps word one look-alike letter away from a shop word ("NART"); others stay as printed. */
function correctLookAlike(word: string): string {
  if (word.length < 4 || KNOWN.has(word) || SHORT_WORDS.has(word) || !/^\p{Lu}+$/u.test(word)) return word;
  for (let i = 0; i < word.length; i++) {
    const swap = LOOK_ALIKE[word[i]!];
    const candidate = swap ? word.slice(0, i) + swap + word.slice(i + 1) : '';
    if (SHORT_WORDS.has(candidate) || NAME_WORDS.includes(candidate)) return candidate;
  }
  return word;
}

/**
 * A known word OCR split in two, put back together: "STATIONER Y" as it is, "CONF ECTLONERY" one slip away
 * from "CONFECTIONERY". A known word is never joined to its neighbour ("SUPPLY IES" stays).
 */
function rejoin(name: string): string {
  const words = name.replace(/\b(\p{Lu}{2,}) (\p{Lu}{1,3})\b/gu, (pair, a: string, b: string) => (KNOWN.has(a + b) && !KNOWN.has(a) ? a + b : pair)).split(' ');
  const caps = (word: string) => /^\p{Lu}{2,}$/u.test(word) && !KNOWN.has(word);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    const joined = caps(a) && caps(b) && (a + b).length >= 8 ? closestNameWord(a + b) : undefined;
    if (joined && joined.distance <= 1) words.splice(i, 2, joined.word);
  }
  return words.join(' ');
}

/** Whether a folded word is one of the lexicon's or the shop words: right as printed. */
export function isKnownWord(upper: string): boolean {
  return KNOWN.has(upper) || SHORT_WORDS.has(upper);
}

/** Puts back the business words of an all-caps name that OCR misread; other words stay as printed. */
export function correctNameWords(name: string): string {
  return rejoin(name).replace(/\p{L}+/gu, (word) => correctLookAlike(correctWord(word)));
}
