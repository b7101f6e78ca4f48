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

// OCR's look-alikes in printed labels: a letter may come out as the digit or sign it resembles.
const LOOK_ALIKE: Record<string, string> = { O: '[O0QD]', I: '[I1L|!]', L: '[L1I|]', S: '[S5$]', B: '[B8]', Z: '[Z2]', G: '[G6]', T: '[T7]' };
// A label glued to a currency code ("TOTALRM12.50") still ends there.
const CODE_AFTER = '(?=(?:RM|EUR|USD|SGD|PLN|CZK|HUF|RON|SEK|NOK|DKK|KR|KC|FT|ZL|LEI|TL|RP|VND|PHP)[^A-Z]*(?:\\d|$))';

// Payment words of three letters or fewer ("BAR", "CB") are also ordinary words: they count only where a line starts.
const LINE_START: ReadonlySet<LabelClass> = new Set(['cash', 'tendered', 'change', 'card']);

// Amount labels may lose their last letter to OCR ("GRAND TOTA."); names of documents and people may not ("KONOBAR", a waiter, is no "KONOBA", a tavern).
const TRUNCATED: ReadonlySet<LabelClass> = new Set(['payable', 'total', 'subtotal', 'cash', 'tendered', 'change', 'card', 'rounding']);

function phrasePattern(phrase: string, truncated: boolean): string | null {
  const tokens = fold(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (tokens.length === 0) return null;
  // A long word may come out split ("TO TAL"), glued to the next one or missing its last letter ("GRAND TOTA."); short words must be exact.
  const word = (token: string) => {
    const letters = [...token].map((c) => LOOK_ALIKE[c] ?? c);
    if (token.length < 5) return letters.join('');
    return truncated ? `${letters.slice(0, -1).join(' ?')}(?: ?${letters.at(-1)})?` : letters.join(' ?');
  };
  return tokens.map(word).join('[\\s.\\-_/:]*');
}

interface CompiledClass {
  cls: LabelClass;
  re: RegExp;
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
  const alternation = (list: string[], cls: LabelClass) => [...new Set(list.map((p) => phrasePattern(p, TRUNCATED.has(cls))).filter((p): p is string => p !== null))].sort((a, b) => b.length - a.length).join('|');
  return [...phrases].map(([cls, set]) => {
    const short = LINE_START.has(cls) ? [...set].filter((p) => /^\p{L}{1,3}$/u.test(fold(p))) : [];
    const anywhere = alternation([...set].filter((p) => !short.includes(p)), cls);
    const atStart = short.length > 0 ? [`(?<=^[^\\p{L}]*)(?:${alternation(short, cls)})`] : [];
    const either = [...(anywhere ? [anywhere] : []), ...atStart].join('|');
    return { cls, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${either})(?:(?![\\p{L}])|${CODE_AFTER})`, 'gu') };
  });
})();

export interface LabelMatch {
  cls: LabelClass;
  /** Where the label starts and ends in the folded line. */
  start: number;
  end: number;
}

/** Every label on a line, a shorter one inside a longer one of another class dropped ("TOTAL" inside "GRAND TOTAL"). */
export function labelsIn(line: string): LabelMatch[] {
  const folded = fold(line);
  const found: LabelMatch[] = [];
  for (const { cls, re } of compiled) for (const m of folded.matchAll(re)) found.push({ cls, start: m.index, end: m.index + m[0].length });
  return found.filter((a) => !found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
}

/** The set of label classes on a line. */
export function labelClasses(line: string): Set<LabelClass> {
  return new Set(labelsIn(line).map((m) => m.cls));
}
