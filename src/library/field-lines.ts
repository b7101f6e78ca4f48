/**
 * Where on the page images a receipt field was read: the stored lines whose text carries the field's value.
 * Found again from the value rather than remembered by the extractor, so it holds for every engine's lines and
 * for a text-layer PDF's, and a value typed by hand or answered by a model shows as what it is: not on the image.
 */
import { amountsInLine, toMinor, wholeAmountsInLine } from '../receipt/amounts';
import { parseDate } from '../receipt/dates';
import { fold } from '../receipt/fold';
import type { Receipt } from '../receipt/schema';
import type { PageLine } from '../protocol';

export type LocatedField = 'merchantName' | 'merchantAddress' | 'paymentMethod' | 'date' | 'time' | 'currency' | 'subtotal' | 'tax' | 'tip' | 'total';

export interface FieldPlace {
  page: number;
  line: number;
}

const key = (text: string) => fold(text).replace(/[^\p{L}\p{N}]/gu, '');
const wordsOf = (text: string) => fold(text).match(/\p{L}{2,}/gu) ?? [];

function carries(field: LocatedField, value: string | number, line: string): boolean {
  if (typeof value === 'number') {
    const minor = toMinor(value);
    return [...amountsInLine(line), ...wholeAmountsInLine(line)].some((amount) => toMinor(amount) === minor);
  }
  if (field === 'date') return (['DMY', 'MDY', 'YMD'] as const).some((order) => parseDate(line, order) === value);
  if (field === 'time') {
    const [hours, minutes] = value.split(':').map(Number);
    return [...line.matchAll(/(?<!\d)(\d{1,2})\s?[:.]\s?(\d{2})/g)].some((m) => Number(m[1]) % 12 === hours! % 12 && Number(m[2]) === minutes);
  }
  // A name or address may span lines: a line that holds it whole counts, and so does one whose words are mostly
  // its words (a registration number beside "SDN BHD" is no word of the name).
  const whole = key(value);
  if (whole.length >= 3 && key(line).includes(whole)) return true;
  const words = new Set(wordsOf(value));
  const own = wordsOf(line);
  return own.length > 0 && own.filter((word) => words.has(word)).length / own.length >= 0.6;
}

/** Every line, on every page, that carries the field's value; none for an empty field. */
export function linesOfField(field: LocatedField, receipt: Receipt, pages: readonly { index: number; lines: readonly PageLine[] }[]): FieldPlace[] {
  const value = receipt[field];
  if (value === null || value === '') return [];
  return pages.flatMap((page) => page.lines.flatMap((line, lineIndex) => (carries(field, value, line.text) ? [{ page: page.index, line: lineIndex }] : [])));
}
