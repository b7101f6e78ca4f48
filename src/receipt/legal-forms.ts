/** Legal forms in a printed name (SDN BHD, GmbH, Sp. z o.o., SIA…): where they are, and the name cut after them. */
import { foldKeepingLength } from './fold';
import { LEGAL_FORMS } from './lexicon';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A lexicon phrase as a pattern on folded text: its dots optional, its spaces any width ("SP. Z O.O.", "SP Z OO");
 * with `digits`, an O, I or L may be the digit OCR reads for it ("S.R.1.").
 */
export const phrasePattern = (form: string, digits = false) =>
  [...foldKeepingLength(form.trim())]
    .map((c) => (c === '.' ? '\\.?\\s?' : c === ' ' ? '\\s*' : c === '&' || c === '/' ? `\\s*${escape(c)}\\s*` : digits && c === 'O' ? '[O0]' : digits && (c === 'I' || c === 'L') ? `[${c}1]` : escape(c)))
    .join('');
// Digits stand for letters only in forms of three letters or more: "11" is a street number, not "IĮ".
const longForm = (form: string) => (form.match(/\p{L}/gu) ?? []).length >= 3;
// Two-letter forms without dots ("AS", "AB", "PT", "SA") are ordinary words too: they count only at either end of a line.
const shortForm = (form: string) => /^\p{L}{2}$/u.test(form.trim());
const LEXICON_FORM = new RegExp(`(?<![A-Z0-9])(?:${LEGAL_FORMS.filter((f) => !shortForm(f)).map((f) => phrasePattern(f, longForm(f))).sort((a, b) => b.length - a.length).join('|')})(?![A-Z0-9])`, 'g');
const SHORT_FORM = new RegExp(`^(?:${LEGAL_FORMS.filter(shortForm).map((f) => phrasePattern(f)).join('|')})(?=\\s)|(?<=\\s)(?:${LEGAL_FORMS.filter(shortForm).map((f) => phrasePattern(f)).join('|')})$`, 'g');

// Legal forms name the company that issued the receipt; OCR often misreads "SDN BHD" and "S/B". A "Co." after
// a comma is an Irish county ("Kinsale, Co. Cork").
const LEGAL_FORM =
  /\b(s[do0]n\.?\s*[be8][hn][do0]\.?|[s5]\/b|sb|bhd|berhad|pte\.?\s*ltd|ltd|limited|llc|l\.l\.c|inc|incorporated|corp(oration)?|(?<!,\s?)co\.|company|plc|gmbh|s\.a\.?|s\.a\.r\.l|sarl|sas|s\.l\.|s\.r\.l|b\.v|n\.v|pty)(?![\p{L}\d])/giu;
// Copies without the global flag, for tests that must not carry a position from one line to the next.
const ANY_LEGAL_FORM = new RegExp(LEGAL_FORM.source, 'iu');
const ANY_LEXICON_FORM = new RegExp(LEXICON_FORM.source);
const ANY_SHORT_FORM = new RegExp(SHORT_FORM.source);
// The forms on the line as printed, in either case (LEXICON_FORM reads folded text).
const LEXICON_FORM_AS_PRINTED = new RegExp(LEXICON_FORM.source, 'giu');

/** Whether the line carries a legal form, as printed or as OCR misreads "SDN BHD". */
export const hasLegalForm = (line: string) => {
  const folded = foldKeepingLength(line);
  return ANY_LEGAL_FORM.test(line) || ANY_LEXICON_FORM.test(folded) || ANY_SHORT_FORM.test(folded.trim());
};

/** Where the line's first legal form starts, or -1. */
function legalFormStart(line: string): number {
  const folded = foldKeepingLength(line);
  const starts = [...line.matchAll(LEGAL_FORM), ...folded.matchAll(LEXICON_FORM), ...folded.matchAll(SHORT_FORM)].map((m) => m.index);
  return starts.length ? Math.min(...starts) : -1;
}

/** Where the line's last legal form ends, or -1. */
export function legalFormEnd(line: string): number {
  const folded = foldKeepingLength(line);
  let end = -1;
  for (const re of [LEGAL_FORM, LEXICON_FORM]) for (const m of (re === LEGAL_FORM ? line : folded).matchAll(re)) end = Math.max(end, m.index + m[0].length);
  for (const m of folded.trimEnd().matchAll(SHORT_FORM)) end = Math.max(end, m.index + m[0].length);
  return end;
}

// Text after the last legal form that is no part of the name: anything but a parenthesis without digits.
const AFTER_FORM = /^\s*\([^()\d]*\)/;

/** The name as printed up to its last legal form, a branch in parentheses kept ("… SDN BHD (KEPONG)"). */
export function cutAfterLegalForm(name: string): string {
  const end = legalFormEnd(name);
  // A form printed first ("SIA …", "UAB …", "CÔNG TY TNHH …", "PT …") is followed by the name itself.
  if (end === -1 || end >= name.length || legalFormStart(name) === 0) return name;
  const rest = name.slice(end);
  const kept = AFTER_FORM.exec(rest)?.[0] ?? '';
  return (name.slice(0, end) + kept).trimEnd();
}

// Each legal form's letters, folded; and the letters each digit OCR puts in a form may stand for.
const FORM_LETTERS = LEGAL_FORMS.map((form) => foldKeepingLength(form).replace(/[^\p{L}]/gu, ''));
const DIGIT_LETTERS: Record<string, string> = { '0': 'O', '1': 'IL' };

/**
 * A legal form OCR printed with a digit for a letter ("Sp. z o.0.", "s.r.0.", "S.r.1.") gets the form's letter
 * back, in the case of the letter before it.
 */
export function formLetters(name: string): string {
  return name.replace(LEXICON_FORM_AS_PRINTED, (form) => {
    if (!/[01]/.test(form)) return form;
    const read = foldKeepingLength(form).replace(/[^\p{L}01]/gu, '');
    const known = FORM_LETTERS.find((letters) => letters.length === read.length && [...read].every((c, i) => c === letters[i] || DIGIT_LETTERS[c]?.includes(letters[i]!)));
    if (!known) return form;
    let at = 0;
    return form.replace(/[\p{L}01]/gu, (c, offset: number) => {
      const letter = known[at++]!;
      if (!/[01]/.test(c)) return c;
      const before = form.slice(0, offset).match(/\p{L}(?=[^\p{L}]*$)/u)?.[0] ?? '';
      return /\p{Ll}/u.test(before) ? letter.toLowerCase() : letter;
    });
  });
}

/** The line without its legal forms, as printed. */
export const withoutForms = (line: string) => line.replace(LEGAL_FORM, ' ').replace(LEXICON_FORM_AS_PRINTED, ' ');

/** The line folded, without its legal forms: what is left of its own name. */
export const foldedWithoutForms = (line: string) => foldKeepingLength(line).replace(LEGAL_FORM, ' ').replace(LEXICON_FORM, ' ').trim().replace(SHORT_FORM, ' ');
