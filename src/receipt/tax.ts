/** The receipt's tax: several tax lines summed, a breakdown table read by its tax column, nothing counted twice. */
import { amountsInLine, toMinor } from './amounts';
import { TAX, TOTAL } from './labels';

export interface TaxLine {
  line: string;
  value: number;
}

const RATE = /(\d{1,2}(?:[.,]\d{1,3})?)\s*%/;
// Words that do not tell one tax from another: "GST AMOUNT", "TAX @ 6%", "VAT (RM)".
const GENERIC = /\b(amount|amt|rm|at|on|of|charged|rate)\b/gi;

const rateOf = (line: string) => {
  const m = RATE.exec(line);
  return m?.[1] ? Number(m[1].replace(',', '.')) : null;
};
const labelOf = (line: string) =>
  line
    .replace(/[-\d.,:;%@#$€£¥()[\]/*=]+/g, ' ')
    .replace(GENERIC, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
const taxWordOf = (line: string) => (TAX.exec(line)?.[0] ?? '').replace(/\s+/g, ' ').toLowerCase();

/**
 * Sums tax lines in print order ("VAT 20% 1.00" + "VAT 5% 0.50"). The same tax at the same rate
 * printed again (a table under the total repeating "GST 6%") counts once, and a line without a rate
 * that restates the sum so far under a label already seen ("GST AMOUNT") is not added.
 */
export function sumTaxLines(lines: TaxLine[]): number | null {
  const rates = new Set<string>();
  const labels = new Set<string>();
  let sum = 0;
  let count = 0;
  for (const { line, value } of lines) {
    const rate = rateOf(line);
    const label = labelOf(line);
    if (rate !== null) {
      const key = `${taxWordOf(line)}|${rate}`;
      if (rates.has(key)) continue;
      rates.add(key);
    } else if (count > 0 && labels.has(label) && toMinor(value) === sum) continue;
    labels.add(label);
    sum += toMinor(value);
    count++;
  }
  return count > 0 ? sum / 100 : null;
}

/** The tax in one breakdown row: of "net tax gross" the middle (net + tax = gross), else the smaller of the last two. */
function rowTax(amounts: number[]): number {
  const n = amounts.length;
  const [a, b, c] = amounts.slice(-3);
  if (n >= 3 && toMinor(a!) + toMinor(b!) === toMinor(c!)) return b!;
  return Math.min(amounts[n - 2]!, amounts[n - 1]!);
}

/** Tax-inclusive receipts print the tax only in their breakdown table: its total row, else the sum of its rate rows. */
export function summaryTax(summary: string[]): number | null {
  const rows = summary.filter((line) => amountsInLine(line).length >= 2);
  const totalRow = rows.find((line) => TOTAL.test(line));
  if (totalRow) return rowTax(amountsInLine(totalRow));
  const rateRows = rows.filter((line) => TAX.test(line) || /%/.test(line));
  return sumTaxLines(rateRows.map((line) => ({ line, value: rowTax(amountsInLine(line)) })));
}
