/** How bench:fields compares an extracted field with a data set's key, whatever form the key prints it in. */
import { parseDate } from '../src/receipt/dates';
import { fold } from '../src/receipt/fold';

/** A total as integer minor units: "RM 12.50", "$9.90", 12.5 and "12,50" all read as 1250. */
export function normTotal(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : null;
  const digits = value.replace(/[^\d.,]/g, '');
  // The last separator followed by one or two digits is the decimal one; any other is a thousands separator.
  const m = /^(.*?)[.,](\d{1,2})$/.exec(digits);
  const n = m ? Number(`${m[1]!.replace(/[.,]/g, '')}.${m[2]}`) : Number(digits.replace(/[.,]/g, ''));
  return digits && Number.isFinite(n) ? Math.round(n * 100) : null;
}

/**
 * A key's date as ISO: "20180304", "25032018", "2018-03-04", "12 MAR 2018", "18.01.2022", "(04/03/18)"; keys print
 * day-first, unless only month-first reads as a date ("12/13/2016").
 */
export function normDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = /^\(?(\d{2})(\d{2})(\d{2})(\d{2})\)?$/.exec(value.trim());
  if (compact) {
    const [, a, b, c, d] = compact;
    // Year first when it reads as one ("20180304"), else day first ("25032018", "19032018").
    return (/^(19|20)$/.test(a!) ? parseDate(`${a}${b}-${c}-${d}`, 'DMY') : null) ?? parseDate(`${c}${d}-${b}-${a}`, 'DMY');
  }
  return parseDate(value, 'DMY') ?? parseDate(value, 'MDY');
}

/** A company name compared without case, spacing, quote characters or diacritics. */
export function normCompany(value: string | null | undefined): string | null {
  if (!value) return null;
  const folded = fold(value).replace(/[\s"'`´‘’‚‛“”„‟«»‹›]+/g, '');
  return folded || null;
}
