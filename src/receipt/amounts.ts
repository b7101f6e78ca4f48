/** Money amounts in OCR text: `1,234.56`, `1.234,56`, `1 234,56`, `1'234.56`, `12,50`, `12.50-`, `(12.50)`, `RM 12 .50`. */

// OCR often splits a decimal point from its digits ("95. 00", "12 .50"); rejoin before matching.
const SPLIT_DECIMAL = /(\d) ?([.,])(?: ?[.,])* ?(\d{2})(?![\d])/g;
// Two decimals are required: a bare integer on a receipt is far more often a quantity or a code.
// A plain space groups thousands only before a decimal comma ("1 234,56"): "2 100.00" is a quantity and a price.
const MONEY = /(?<![\d.,])(\(|-\s?)?((?:\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+)|(?:\d{1,3}(?: \d{3})+(?=,\d{2}))|\d+)[.,](\d{2})(?![\d%]|[.,]\d| ?%)(\)|-(?!\d))?/g;
// Whole-unit amounts ("1 990 Ft", "125.000 ₫", "Rp 45.000"): grouped thousands, or a plain number.
const WHOLE = /(?<![\d.,'])(-\s?)?(\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+|\d+)(?![\d]|[.,]\d)/g;
const BARE_INTEGER = /^\D*?(\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+|\d+)\s*[^\d\s]{0,3}$/;

/** Every money amount on one line, in reading order, as decimal numbers. */
export function amountsInLine(line: string): number[] {
  // "CHANGE RM .40": an amount under one unit printed without its leading zero.
  const joined = line.replace(SPLIT_DECIMAL, '$1$2$3').replace(/(^|[\s:A-Z$€£])\.(\d{2})(?![\d.,])/gi, '$10.$2');
  const amounts: number[] = [];
  for (const m of joined.matchAll(MONEY)) {
    const whole = (m[2] ?? '').replace(/\D/g, '');
    const value = Number(`${whole}.${m[3]}`);
    const negative = (m[1] !== undefined && (m[1].startsWith('-') || (m[1] === '(' && m[4] === ')'))) || m[4] === '-';
    amounts.push(negative && value !== 0 ? -value : value);
  }
  return amounts;
}

/** Every whole-unit amount on a line, for currencies printed without minor units; dates and times are not amounts. */
export function wholeAmountsInLine(line: string): number[] {
  const plain = line.replace(/\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}(:\d{2})?/g, ' ');
  return [...plain.matchAll(WHOLE)].map((m) => (m[1] ? -1 : 1) * Number((m[2] ?? '').replace(/\D/g, '')));
}

/** The last amount on a line, or a whole-unit amount ("¥1,200") when the line holds nothing else numeric. */
export function lastAmount(line: string, allowInteger = false): number | null {
  const amounts = amountsInLine(line);
  if (amounts.length > 0) return amounts[amounts.length - 1] ?? null;
  if (!allowInteger) return null;
  const m = BARE_INTEGER.exec(line);
  return m?.[1] ? Number(m[1].replace(/\D/g, '')) : null;
}

/** Rounds to integer minor units (cents); every arithmetic check works on these. */
export function toMinor(value: number): number {
  return Math.round(value * 100);
}
