/** Dates and times printed on receipts, normalized to ISO `YYYY-MM-DD` and 24-hour `HH:MM[:SS]`. */
import { fold } from './fold';
import { MONTHS as MONTH_NAMES } from './lexicon';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

// The lexicon's month names in every language, and the abbreviations receipts print; keys are folded.
const MONTHS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'januari', 'januar', 'janv', 'janvier', 'ene', 'enero', 'gen', 'gennaio', 'jänner', 'janner']],
  [2, ['feb', 'february', 'februari', 'februar', 'fev', 'fevr', 'fevrier', 'febrero', 'febbraio']],
  [3, ['mar', 'march', 'mac', 'mac', 'maret', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'mrt']],
  [4, ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile']],
  [5, ['may', 'mei', 'mai', 'mayo', 'mag', 'maggio']],
  [6, ['jun', 'june', 'juni', 'juin', 'junio', 'giu', 'giugno']],
  [7, ['jul', 'july', 'julai', 'juli', 'juil', 'juillet', 'julio', 'lug', 'luglio']],
  [8, ['aug', 'august', 'ogos', 'agustus', 'aout', 'ago', 'agosto', 'augustus']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre']],
  [10, ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott', 'ottobre']],
  [11, ['nov', 'november', 'novembre', 'noviembre']],
  [12, ['dec', 'december', 'dis', 'disember', 'dez', 'dezember', 'decembre', 'dic', 'diciembre', 'dicembre']],
];
const key = (word: string) => fold(word).replace(/[.\s]/g, '');
for (const [month, names] of NAMES) for (const name of names) MONTHS[key(name)] = month;
for (const months of Object.values(MONTH_NAMES)) months.forEach((names, i) => names.forEach((name) => (MONTHS[key(name)] ??= i + 1)));
// OCR prints O as 0 and I or L as 1 or l in month names too ("kov0", "1edna", "Mayls").
const monthOf = (word: string) => {
  const k = key(word);
  for (const variant of [k, k.replace(/0/g, 'O'), k.replace(/0/g, 'O').replace(/1/g, 'I'), k.replace(/0/g, 'O').replace(/1/g, 'L'), k.replace(/L/g, 'I'), k.replace(/I/g, 'L')]) {
    const month = MONTHS[variant];
    if (month) return month;
  }
  return null;
};

const WORD = '([\\p{L}01][\\p{L}01]{2,11})\\.?';
const ORDINAL = '(?:st|nd|rd|th|er|\\.)?';
// "12 de abril de 2024", "5 d'aprile 2024": the small words between a date's parts.
const OF = "(?:(?:de|del|di|d'|of)\\s+)?";
// What follows a year or a day in Baltic dates: "2024. gada 5. martā", "2024 m. kovo 5 d.".
const YEAR_WORD = '(?:\\s*(?:gada|g\\.|m\\.))?';
const PATTERNS: { re: RegExp; kind: 'iso' | 'numeric' | 'dmy-name' | 'mdy-name' | 'ymd-name' | 'ydm-name' }[] = [
  { re: /(?<!\d)((?:19|20)\d\d)\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?!\d)/g, kind: 'iso' },
  // Separators must agree ("12/02/2018", not "12/02-2018"); a space only with a 4-digit year. A comma after a
  // digit makes it part of a number; after a weekday ("Sa,09.03.2024") it is not.
  { re: /(?<![A-Za-z\d.\-/])(?<!\d,)(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d]|[.,]\d(?!\d?\s?:\s?\d\d))|(?<!\d)(\d{1,2}) (\d{1,2}) ((?:19|20)\d\d)(?!\d)/g, kind: 'numeric' },
  { re: new RegExp(`(?<!\\d)(\\d{1,2})${ORDINAL}[\\s\\-/.]*${OF}${WORD}[\\s\\-/.,']*${OF}(\\d{4}|\\d{2})(?![\\d:])`, 'gu'), kind: 'dmy-name' },
  { re: new RegExp(`(?<!\\p{L})${WORD}[\\s\\-/.]*(\\d{1,2})${ORDINAL},?[\\s\\-/.,']+(\\d{4}|\\d{2})(?![\\d:])`, 'gu'), kind: 'mdy-name' },
  { re: new RegExp(`(?<!\\d)((?:19|20)\\d\\d)\\.?${YEAR_WORD}[\\s\\-/.]*${WORD}[\\s\\-/.]*(\\d{1,2})(?!\\d)`, 'gu'), kind: 'ymd-name' },
  { re: new RegExp(`(?<!\\d)((?:19|20)\\d\\d)\\.?${YEAR_WORD}\\s*(\\d{1,2})\\.?\\s*${WORD}`, 'gu'), kind: 'ydm-name' },
];
// Vietnamese dates in words, matched on folded text: "ngày 05 tháng 03 năm 2024".
const VIETNAMESE = /NGAY\s*(\d{1,2})\s*THANG\s*(\d{1,2})\s*NAM\s*((?:19|20)\d\d)/g;

function fullYear(year: string): number {
  const n = Number(year);
  // Two-digit years on receipts are this century.
  return year.length === 4 ? n : 2000 + n;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type DateForm = 'iso' | 'numeric' | 'spaced' | 'words' | 'damaged';

/** A date as printed on a line: where it starts and ends, and how it was written. */
export interface PrintedDate {
  date: string;
  index: number;
  end: number;
  form: DateForm;
  twoDigitYear: boolean;
}

/** Every date in a piece of text; all-numeric ones are read in `order` (YMD only changes 2-digit-first forms). */
export function datesIn(text: string, order: DateOrder): PrintedDate[] {
  const found: PrintedDate[] = [];
  for (const { re, kind } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const g = m.slice(1).map((s) => s ?? '');
      let date: string | null;
      let year = '';
      if (kind === 'iso') [date, year] = [iso(Number(g[0]), Number(g[1]), Number(g[2])), g[0]!];
      else if (kind === 'numeric') {
        const [a, b, c] = g[0] ? [g[0], g[2], g[3]] : [g[4], g[5], g[6]];
        year = c ?? '';
        // Spaced separators ("01 - 3 - 70") with a 2-digit year are part codes far more often than dates.
        if (/\s/.test(m[0]) && (c ?? '').length === 2) continue;
        const [x, y, full] = [Number(a), Number(b), fullYear(c ?? '')];
        if (order === 'YMD' && (c ?? '').length === 2) date = iso(fullYear(a ?? ''), y, Number(c));
        else date = order === 'MDY' ? iso(full, x, y) : iso(full, y, x);
      } else if (kind === 'dmy-name') [date, year] = [monthOf(g[1]!) ? iso(fullYear(g[2]!), monthOf(g[1]!)!, Number(g[0])) : null, g[2]!];
      // "SET 12.50" or "MAR 10.00" is a word and an amount, not 12 September 2050.
      else if (kind === 'mdy-name') [date, year] = [monthOf(g[0]!) && !/\d[.,]\d\d$/.test(m[0]) ? iso(fullYear(g[2]!), monthOf(g[0]!)!, Number(g[1])) : null, g[2]!];
      else if (kind === 'ymd-name') date = monthOf(g[1]!) ? iso(Number(g[0]), monthOf(g[1]!)!, Number(g[2])) : null;
      else date = monthOf(g[2]!) ? iso(Number(g[0]), monthOf(g[2]!)!, Number(g[1])) : null;
      const form: DateForm = kind === 'iso' ? 'iso' : kind === 'numeric' ? (g[0] ? 'numeric' : 'spaced') : 'words';
      if (date) found.push({ date, index: m.index, end: m.index + m[0].length, form, twoDigitYear: year.length === 2 });
    }
  }
  for (const m of fold(text).matchAll(VIETNAMESE)) {
    const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date) found.push({ date, index: m.index, end: m.index + m[0].length, form: 'words', twoDigitYear: false });
  }
  return found.sort((p, q) => p.index - q.index);
}

/** One printed date, read in the given order: for normalizing a single value. */
export function parseDate(text: string, order: DateOrder): string | null {
  return datesIn(text, order)[0]?.date ?? null;
}

/**
 * Resolves `auto`: a numeric date whose first part is 13+ proves day-first, second part 13+ proves
 * month-first; otherwise US dollars suggest month-first and everything else day-first (most of the world).
 */
export function resolveDateOrder(text: string, order: DateOrder | 'auto', currency: string | null): DateOrder {
  if (order !== 'auto') return order;
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/g)) {
    if (Number(m[1]) > 12 && Number(m[3]) <= 12) return 'DMY';
    if (Number(m[3]) > 12 && Number(m[1]) <= 12) return 'MDY';
  }
  return currency === 'USD' ? 'MDY' : 'DMY';
}

// Dates OCR damaged: separators that disagree or went missing ("18 04/2017", "2703/2018", "25032018").
const DAMAGED = [/(?<![\d.,])(\d{1,2})[\s\-/.]{1,2}(\d{1,2})[\s\-/.]{1,2}((?:19|20)?\d{2})(?![\d.,:])/, /(?<![\d.,])(\d{2})(\d{2})[-/.]?((?:19|20)\d{2})(?![\d.,])/];

/** A date whose separators OCR damaged, on a line with no clean date (its time of day taken out first). */
export function damagedDateIn(line: string, order: DateOrder): PrintedDate | null {
  const text = line.replace(/(?<!\d)([01]?\d|2[0-3])\s?:\s?[0-5]\d(\s?:\s?[0-5]\d)?(\s?[AP]M)?/gi, (time) => ' '.repeat(time.length));
  for (const re of DAMAGED) {
    const m = re.exec(text);
    if (!m) continue;
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    const date = order === 'MDY' ? iso(year, a, b) : iso(year, b, a);
    if (date) return { date, index: m.index, end: m.index + m[0].length, form: 'damaged', twoDigitYear: m[3]!.length === 2 };
  }
  return null;
}

export const TIME = /(?<![\d:])([01]?\d|2[0-3])\s?:\s?([0-5]\d)(?:\s?:\s?([0-5]\d))?(?![\d:])\s*([ap]\.?\s?m\b\.?)?|(?<![\d.:])(1[0-2]|0?[1-9])[.:]([0-5]\d)\s*([ap]\.?\s?m\b\.?)/gi;

/** The first time of day on the receipt, preferring the line that carries the date. */
export function findTime(lines: string[], order: DateOrder): string | null {
  const withDate = lines.filter((line) => datesIn(line, order).length > 0);
  for (const line of [...withDate, ...lines]) {
    for (const m of line.matchAll(TIME)) {
      const [h, min, sec, meridiem] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], undefined, m[7]];
      let hour = Number(h);
      const pm = meridiem?.toLowerCase().startsWith('p');
      if (meridiem) {
        if (hour < 1 || hour > 12) continue;
        hour = (hour % 12) + (pm ? 12 : 0);
      }
      return `${String(hour).padStart(2, '0')}:${min}${sec ? `:${sec}` : ''}`;
    }
  }
  return null;
}
