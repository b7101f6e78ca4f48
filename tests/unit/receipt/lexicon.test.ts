import { describe, expect, it } from 'vitest';
import { labelClasses } from '../../../src/receipt/label-match';
import { LABELS, LEGAL_FORMS, MONTHS, SHOP_WORDS, type LabelClass, type Language } from '../../../src/receipt/lexicon';

const LANGUAGES = [
  'en', 'ms', 'id', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sk', 'hu', 'ro',
  'sv', 'da', 'no', 'fi', 'et', 'lv', 'lt', 'hr', 'sr', 'sl', 'el', 'tr', 'vi', 'tl',
] as const satisfies readonly Language[];

const REQUIRED: readonly LabelClass[] = ['tax', 'cash', 'change', 'card', 'date'];

// What the matcher compares: upper case (ß→SS, ı→I), no marks, the capitals NFD does not split spelled out.
const SPECIAL: Record<string, string> = { Ł: 'L', Ø: 'O', Æ: 'AE', Đ: 'D', Ħ: 'H' };
const fold = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[ŁØÆĐĦ]/g, (c) => SPECIAL[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

const duplicates = (items: readonly string[]): string[] => {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) (seen.has(fold(item)) ? repeated : seen).add(fold(item));
  return [...repeated];
};

const wellFormed = (phrase: string) => phrase.length > 0 && phrase === phrase.trim() && !/\s{2,}/.test(phrase) && phrase.split(' ').length <= 4;

describe('lexicon', () => {
  it('covers exactly the languages of the Language union', () => {
    expect(Object.keys(LABELS).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(MONTHS).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES)('%s has a total word and the payment, tax and date labels', (language) => {
    const labels = LABELS[language];
    expect((labels.payable?.length ?? 0) + (labels.total?.length ?? 0)).toBeGreaterThan(0);
    for (const cls of REQUIRED) expect(labels[cls]?.length ?? 0, `${language} ${cls}`).toBeGreaterThan(0);
    expect(Object.values(labels).filter((list) => list.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it.each(LANGUAGES)('%s has twelve months, each with at least one form and none shared', (language) => {
    const months = MONTHS[language];
    expect(months).toHaveLength(12);
    for (const forms of months) {
      expect(forms.length).toBeGreaterThan(0);
      expect(forms.every(wellFormed), forms.join(', ')).toBe(true);
    }
    expect(duplicates(months.flat())).toEqual([]);
  });

  it('reads every phrase as its own class when printed before an amount, in capitals or as written', () => {
    const missed = LANGUAGES.flatMap((language) =>
      (Object.entries(LABELS[language]) as [LabelClass, readonly string[]][]).flatMap(([cls, phrases]) =>
        phrases.flatMap((phrase) => [`${phrase} 12.50`, `${phrase.toUpperCase()}: 12.50`].filter((line) => !labelClasses(line).has(cls)).map((line) => `${language} ${cls}: "${line}"`)),
      ),
    );
    expect(missed).toEqual([]);
  });

  it('has no empty, padded or over-long phrase', () => {
    const bad = LANGUAGES.flatMap((language) => Object.values(LABELS[language]).flat().filter((phrase) => !wellFormed(phrase)).map((phrase) => `${language}: "${phrase}"`));
    expect(bad).toEqual([]);
    expect(LEGAL_FORMS.filter((form) => !wellFormed(form))).toEqual([]);
    expect(SHOP_WORDS.filter((word) => !wellFormed(word))).toEqual([]);
  });

  it.each(LANGUAGES)('%s puts no folded phrase in two classes or twice in one', (language) => {
    const owner = new Map<string, LabelClass>();
    const clashes: string[] = [];
    for (const [cls, phrases] of Object.entries(LABELS[language]) as [LabelClass, readonly string[]][]) {
      expect(duplicates(phrases), `${language} ${cls}`).toEqual([]);
      for (const phrase of phrases) {
        const other = owner.get(fold(phrase));
        if (other && other !== cls) clashes.push(`"${phrase}" is ${other} and ${cls}`);
        owner.set(fold(phrase), cls);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('lists each legal form and shop word once', () => {
    expect(duplicates(LEGAL_FORMS)).toEqual([]);
    expect(duplicates(SHOP_WORDS)).toEqual([]);
  });

  it('folds the way the matcher does', () => {
    expect(fold('Straße Łódź Øre Æble Đakovo Ħamrun ılık')).toBe('STRASSE LODZ ORE AEBLE DAKOVO HAMRUN ILIK');
    expect(fold('ΣΎΝΟΛΟ  tổng  cộng')).toBe('ΣΥΝΟΛΟ TONG CONG');
  });
});
