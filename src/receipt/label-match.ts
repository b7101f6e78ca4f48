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

// Payment words of three letters or fewer ("BAR", "CB") are also ordinary words: they count only where a line starts.
const LINE_START: ReadonlySet<LabelClass> = new Set(['cash', 'tendered', 'change', 'card']);

// Amount labels may lose their last letter to OCR ("GRAND TOTA."); names of documents and people may not ("KONOBAR", a waiter, is no "KONOBA", a tavern).
const TRUNCATED: ReadonlySet<LabelClass> = new Set(['payable', 'total', 'subtotal', 'cash', 'tendered', 'change', 'card', 'rounding']);

/**
 * A phrase as a pattern on the line with its spaces taken out, so a word OCR split ("TO TAL") or two it glued
 * ("GRANDTOTAL") match as printed; where the words begin and end is checked on the line itself.
 */
function phrasePattern(phrase: string, truncated: boolean): string | null {
  const tokens = skeleton(fold(phrase)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (tokens.length === 0) return null;
  const word = (token: string) => (truncated && token.length >= 5 ? `${token.slice(0, -1)}(?:${token.at(-1)})?` : token);
  return tokens.map(word).join('[.\\-_/:]*');
}

interface CompiledClass {
  cls: LabelClass;
  re: RegExp;
  /** The short payment words, which count only at the start of a line. */
  short: RegExp | null;
}

const compiled: CompiledClass[] = (() => {
  const phrases = new Map<LabelClass, Set<string>>();
  for (const classes of Object.values(LABELS)) {
    for (const [cls, list] of Object.entries(classes) as [LabelClass, readonly string[]][]) {
      const set = phrases.get(cls) ?? new Set<string>();
      for (const phrase of list) set.add(phrase);
      phrases.set(cls, set);
    }
  }
  for (const [cls, list] of Object.entries(COMPOUNDS) as [LabelClass, string[]][]) for (const phrase of list) (phrases.get(cls) ?? phrases.set(cls, new Set()).get(cls)!).add(phrase);
  const alternation = (list: string[], cls: LabelClass) =>
    new RegExp([...new Set(list.map((p) => phrasePattern(p, TRUNCATED.has(cls))).filter((p): p is string => p !== null))].sort((a, b) => b.length - a.length).join('|'), 'gu');
  return [...phrases].map(([cls, set]) => {
    const short = LINE_START.has(cls) ? [...set].filter((p) => /^\p{L}{1,3}$/u.test(fold(p))) : [];
    return { cls, re: alternation([...set].filter((p) => !short.includes(p)), cls), short: short.length > 0 ? alternation(short, cls) : null };
  });
})();

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Spans of `re`'s matches on the line without its spaces, mapped back to the line, that begin and end a word there. */
function* spans(re: RegExp, line: string, compact: string, at: number[], atStart: boolean): Generator<[number, number]> {
  re.lastIndex = 0;
  for (let m = re.exec(compact); m !== null; m = re.exec(compact)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = at[m.index]!;
    const end = at[m.index + m[0].length - 1]! + 1;
    CODE_AFTER.lastIndex = end;
    const ends = !/\p{L}/u.test(line[end] ?? '') || CODE_AFTER.test(line);
    const begins = !isWordChar(line[start - 1]) && (!atStart || !/\p{L}/u.test(line.slice(0, start)));
    if (begins && ends) yield [start, end];
    // A match that is no word here may hide one that starts inside it.
    else re.lastIndex = m.index + 1;
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
  for (const { cls, re, short } of compiled) {
    for (const [start, end] of spans(re, text, compact, at, false)) found.push({ cls, start, end });
    if (short) for (const [start, end] of spans(short, text, compact, at, true)) found.push({ cls, start, end });
  }
  const labels = found.filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  if (seen.size > 2000) seen.clear();
  seen.set(line, labels);
  return labels;
}

/** The set of label classes on a line. */
export function labelClasses(line: string): Set<LabelClass> {
  return new Set(labelsIn(line).map((m) => m.cls));
}
