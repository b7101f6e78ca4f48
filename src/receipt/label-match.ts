/** Which kinds of label a printed line carries, in any language of the lexicon, as OCR prints them. */
import { fold } from './fold';
import { LABELS, type LabelClass } from './lexicon';

export type { LabelClass } from './lexicon';

// Compounds whose parts would read as another class ("TOTAL QTY" is a count, not a total): longest match wins.
const COMPOUNDS: Partial<Record<LabelClass, string[]>> = {
  payable: ['TOTAL INCL', 'TOTAL INCLUSIVE', 'TOTAL AFTER', 'ROUNDED TOTAL', 'TOTAL ROUNDED', 'TOTAL AFTER ROUNDING', 'NETT TOTAL', 'NET TOTAL', 'TOTAL PAYABLE', 'TOTAL DUE', 'AMOUNT DUE', 'BALANCE DUE', 'GRAND TOTAL', 'TOTAL AMOUNT DUE', 'AMOUNT PAYABLE', 'TOTAL TO PAY', 'AMOUNT TO BE PAID', 'TO BE PAID', 'AMOUNT TO PAY', 'PAYMENT DUE'],
  subtotal: ['TOTAL EXCL', 'TOTAL EXCLUDING', 'TOTAL BEFORE', 'TOTAL W/O', 'TOTAL NET', 'NET TOTAL EXCL', 'TOTAL EX', 'SUB TOTAL', 'SUB TTL'],
  tax: ['TOTAL TAX', 'TOTAL GST', 'TOTAL VAT', 'TOTAL SST', 'GST AMOUNT', 'TAX AMOUNT', 'VAT AMOUNT', 'SST AMOUNT', 'SERVICE TAX', 'SALES TAX'],
  count: ['TOTAL QTY', 'TOTAL QUANTITY', 'TOTAL ITEM', 'TOTAL ITEMS', 'NO OF ITEMS', 'TOTAL NO', 'TOTAL PCS', 'ITEM COUNT'],
  discount: ['TOTAL SAVINGS', 'TOTAL DISCOUNT', 'YOU SAVED', 'TOTAL SAVED'],
  tip: ['SERVICE CHARGE', 'SVC CHG'],
};

// OCR's look-alikes, written the same way in the text and in the lexicon's phrases (so the patterns stay plain
// words): I and L are one letter, and inside a word a digit or sign is the letter it resembles ("T0TAL", "5UBTOTAL").
const AS_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '|': 'I', '!': 'I', '5': 'S', $: 'S', '8': 'B', '2': 'Z', '6': 'G', '7': 'T' };

/** The folded text with look-alikes written one way; one character out for each in, so indices still point into the folded line. */
function skeleton(folded: string): string {
  // A digit before a decimal point starts an amount ("TOTALRM5.00"), never a letter.
  return folded.replace(/(?:\p{L}|[0-9|!$](?!\d*[.,]\d))+/gu, (run) => {
    const letters = (run.match(/\p{L}/gu) ?? []).length;
    // "RM12" is a currency and a number, "T0TAL" a word: digits are letters only among more letters, never two together.
    const word = letters >= 2 && letters > run.length - letters && !/\d\d/.test(run);
    return [...run].map((c) => (c === 'L' ? 'I' : word ? (AS_LETTER[c] ?? c) : c)).join('');
  });
}

// A label glued to a currency code ("TOTALRM12.50") still ends there.
const CODE_AFTER = new RegExp(`(?:${['RM', 'EUR', 'USD', 'SGD', 'PLN', 'CZK', 'HUF', 'RON', 'SEK', 'NOK', 'DKK', 'KR', 'KC', 'FT', 'ZL', 'LEI', 'TL', 'RP', 'VND', 'PHP'].map(skeleton).join('|')})[^\\p{L}]*(?:\\d|$)`, 'uy');

// Total and payment words of three letters or fewer ("SUM", "BAR", "CB") are also ordinary words ("DIM SUM",
// "CHOCOLATE BAR"): they count only where a line starts.
const LINE_START: ReadonlySet<LabelClass> = new Set(['total', 'cash', 'tendered', 'change', 'card']);

// Amount labels may lose their last letter to OCR ("GRAND TOTA. 12.50"), and count so only before an amount: "CHANG"
// is a name and "REST" a restaurant, not a change line. Names of documents and people are never cut ("KONOBAR", a waiter, is no "KONOBA", a tavern).
const TRUNCATED: ReadonlySet<LabelClass> = new Set(['payable', 'total', 'subtotal', 'cash', 'tendered', 'change', 'card', 'rounding']);

const tokensOf = (phrase: string) => skeleton(fold(phrase)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Tokens as a pattern on the line with its spaces taken out, so a word OCR split ("TO TAL") or two it glued
 * ("GRANDTOTAL") match as printed; where the words begin and end is checked on the line itself.
 */
const tokensPattern = (tokens: string[]) => tokens.join('[.\\-_/:()°#]*');

/** The phrase with its last word's last letter lost, where that word is long enough to be known without it. */
function cutPhrase(phrase: string): string | null {
  const tokens = tokensOf(phrase);
  const last = tokens.at(-1);
  return last !== undefined && last.length >= 5 ? tokensPattern([...tokens.slice(0, -1), last.slice(0, -1)]) : null;
}

/** One class's phrases as one pattern (fast, longest first), and each on its own for when the first to match is no word there. */
interface Alternation {
  any: RegExp;
  each: RegExp[];
}

interface CompiledSet {
  cls: LabelClass;
  phrases: Alternation;
  /** Short words count only at the start of a line. */
  atStart: boolean;
  /** Cut words count only before an amount. */
  beforeAmount: boolean;
}

const compiled: CompiledSet[] = (() => {
  const phrases = new Map<LabelClass, Set<string>>();
  for (const classes of Object.values(LABELS)) {
    for (const [cls, list] of Object.entries(classes) as [LabelClass, readonly string[]][]) {
      const set = phrases.get(cls) ?? new Set<string>();
      for (const phrase of list) set.add(phrase);
      phrases.set(cls, set);
    }
  }
  for (const [cls, list] of Object.entries(COMPOUNDS) as [LabelClass, string[]][]) for (const phrase of list) (phrases.get(cls) ?? phrases.set(cls, new Set()).get(cls)!).add(phrase);
  const alternation = (list: (string | null)[]): Alternation | null => {
    const patterns = [...new Set(list.filter((p): p is string => p !== null && p !== ''))].sort((a, b) => b.length - a.length);
    return patterns.length === 0 ? null : { any: new RegExp(patterns.join('|'), 'gu'), each: patterns.map((p) => new RegExp(p, 'uy')) };
  };
  return [...phrases].flatMap(([cls, set]) => {
    const all = [...set];
    const isShort = (p: string) => LINE_START.has(cls) && /^\p{L}{1,3}$/u.test(fold(p));
    const sets: [Alternation | null, boolean, boolean][] = [
      [alternation(all.filter((p) => !isShort(p)).map((p) => tokensPattern(tokensOf(p)))), false, false],
      [alternation(all.filter(isShort).map((p) => tokensPattern(tokensOf(p)))), true, false],
      [TRUNCATED.has(cls) ? alternation(all.map(cutPhrase)) : null, false, true],
    ];
    return sets.flatMap(([alt, atStart, beforeAmount]) => (alt ? [{ cls, phrases: alt, atStart, beforeAmount }] : []));
  });
})();

const AMOUNT_AFTER = /^[^\p{L}\d]*(?:\p{L}{1,3}[^\p{L}\d]*)?\d/u;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Spans of the phrases' matches on the line without its spaces, mapped back to the line, that begin and end a word
 * there. Where the first phrase to match is no word ("TOTALS" for "TOTAL"), every phrase is tried at that place
 * and the longest that is one is kept ("KART", from "KARTA", is no word in "KARTE 12,50"; "KARTE" is).
 */
function* spans({ phrases: { any, each }, atStart, beforeAmount }: CompiledSet, line: string, compact: string, at: number[]): Generator<[number, number]> {
  const word = (from: number, length: number): [number, number] | null => {
    const start = at[from]!;
    const end = at[from + length - 1]! + 1;
    CODE_AFTER.lastIndex = end;
    const ends = !/\p{L}/u.test(line[end] ?? '') || CODE_AFTER.test(line);
    const begins = !isWordChar(line[start - 1]) && (!atStart || !/\p{L}/u.test(line.slice(0, start)));
    return begins && ends && (!beforeAmount || AMOUNT_AFTER.test(line.slice(end))) ? [start, end] : null;
  };
  any.lastIndex = 0;
  for (let m = any.exec(compact); m !== null; m = any.exec(compact)) {
    if (m[0].length === 0) {
      any.lastIndex++;
      continue;
    }
    let length = m[0].length;
    let found = word(m.index, length);
    if (found === null) {
      for (const re of each) {
        re.lastIndex = m.index;
        const other = re.exec(compact)?.[0].length ?? 0;
        const span: [number, number] | null = other > (found ? length : 0) ? word(m.index, other) : null;
        if (span) [found, length] = [span, other];
      }
    }
    if (found) yield found;
    // A match that is no word here may hide one that starts inside it.
    any.lastIndex = found ? m.index + length : m.index + 1;
  }
}

export interface LabelMatch {
  cls: LabelClass;
  /** Where the label starts and ends in the folded line. */
  start: number;
  end: number;
}

// Every extractor asks about the same lines: answers are kept for the last 2,000 lines asked about, then dropped at once.
const seen = new Map<string, LabelMatch[]>();

/** Every label on a line, a shorter one inside a longer one dropped ("TOTAL" inside "GRAND TOTAL"). */
export function labelsIn(line: string): LabelMatch[] {
  const known = seen.get(line);
  if (known) return known;
  const text = skeleton(fold(line));
  const at: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    compact += text[i];
    at.push(i);
  }
  const found: LabelMatch[] = [];
  for (const set of compiled) for (const [start, end] of spans(set, text, compact, at)) found.push({ cls: set.cls, start, end });
  const labels = found.filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  if (seen.size > 2000) seen.clear();
  seen.set(line, labels);
  return labels;
}

/** The set of label classes on a line. */
export function labelClasses(line: string): Set<LabelClass> {
  return new Set(labelsIn(line).map((m) => m.cls));
}
