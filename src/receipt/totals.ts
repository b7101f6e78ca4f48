/** The summary block: total, subtotal, tax, tip and a cash-rounding adjustment. */
import { amountsInLine, lastAmount, toMinor } from './amounts';
import { FINAL_TOTAL, NOT_TAX, NOT_TOTAL, PAYMENT_LINE, ROUNDING, SUBTOTAL, SUMMARY_START, TAX, TIP, TOTAL } from './labels';

export interface Totals {
  total: number | null;
  subtotal: number | null;
  tax: number | null;
  tip: number | null;
  rounding: number | null;
  /** Index of the first summary line: line items end there. */
  blockStart: number;
}

/** The amount a labelled line carries, or the next line's when the label stands alone (split columns). */
function labelledAmount(lines: string[], i: number, allowInteger: boolean): number | null {
  const own = lastAmount(lines[i] ?? '', allowInteger);
  if (own !== null) return own;
  const next = lines[i + 1] ?? '';
  return /^[^A-Za-z]*(RM|[A-Z]{3})?[^A-Za-z]*$/.test(next) ? lastAmount(next) : null;
}

/** Cash handed over minus change given: when both are printed, the amount actually paid. */
function paidByCash(lines: string[]): number | null {
  let cash: number | null = null;
  let change: number | null = null;
  for (const line of lines) {
    if (/\b(change|balance|kembali|r[üu]ckgeld|rendu|cambio)\b/i.test(line) && !/\b(due|total)\b/i.test(line)) change ??= lastAmount(line);
    else if (/\b(cash|tunai|tendered|bar|esp[eè]ces|efectivo)\b/i.test(line) && !/\b(sale|bill|refund|cashier)\b/i.test(line)) cash ??= lastAmount(line);
  }
  return cash !== null && change !== null && change >= 0 && cash >= change ? (toMinor(cash) - toMinor(change)) / 100 : null;
}

export function findTotals(lines: string[]): Totals {
  const summaryAt = lines.findIndex((line) => SUMMARY_START.test(line));
  const end = summaryAt === -1 ? lines.length : summaryAt;
  const found: Totals = { total: null, subtotal: null, tax: null, tip: null, rounding: null, blockStart: end };
  const candidates: { rank: number; value: number; index: number }[] = [];
  let explicitTax: number | null = null;

  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (SUBTOTAL.test(line) && !NOT_TOTAL.test(line.replace(SUBTOTAL, ''))) {
      const value = labelledAmount(lines, i, false);
      if (value !== null) {
        found.subtotal ??= value;
        found.blockStart = Math.min(found.blockStart, i);
      }
      continue;
    }
    if (TIP.test(line)) {
      const value = labelledAmount(lines, i, false);
      if (value !== null && !/%\s*$/.test(line)) found.tip = (found.tip ?? 0) + value;
      continue;
    }
    if (ROUNDING.test(line) && !TOTAL.test(line.replace(ROUNDING, ''))) {
      found.rounding ??= lastAmount(line);
      continue;
    }
    const isTotal = TOTAL.test(line) && !NOT_TOTAL.test(line);
    if (isTotal && !(TAX.test(line) && !/\b(incl|inclusive|including|inkl|ttc|after)\b/i.test(line) && !FINAL_TOTAL.test(line))) {
      const value = labelledAmount(lines, i, true);
      if (value === null || value < 0) continue;
      // A whole number counts only when no total on the receipt has decimals (yen, won).
      const whole = labelledAmount(lines, i, false) === null;
      candidates.push({ rank: (FINAL_TOTAL.test(line) ? 2 : 1) + (whole ? 0 : 10), value, index: i });
      found.blockStart = Math.min(found.blockStart, i);
      continue;
    }
    if (TAX.test(line) && !NOT_TAX.test(line.replace(TAX, ' ')) && !/\b(total|sub)\b/i.test(line.replace(/total\s*(tax|gst|vat|sst)|(gst|tax|vat)\s*(total|payable)/i, ''))) {
      const value = labelledAmount(lines, i, false);
      if (value === null) continue;
      if (/total|payable/i.test(line)) explicitTax ??= value;
      else found.tax ??= value;
      found.blockStart = Math.min(found.blockStart, i);
    }
  }
  found.tax = explicitTax ?? found.tax ?? summaryTax(lines.slice(end));
  found.total = pickTotal(candidates, paidByCash(lines), lines.some((line) => /\d[.,]\d{2}\b/.test(line)));
  return found;
}

/** Tax-inclusive receipts print the tax only in their breakdown table: its total row, else its first row. */
function summaryTax(summary: string[]): number | null {
  const rows = summary.filter((line) => amountsInLine(line).length >= 2);
  const row = rows.find((line) => TOTAL.test(line)) ?? rows.find((line) => TAX.test(line) || /%/.test(line));
  return row ? lastAmount(row) : null;
}

/**
 * Highest rank wins; within a rank the last printed (a rounded total follows the raw one). A total
 * without decimals on a receipt whose amounts have them lost its decimal point to OCR: unknown, not a guess.
 */
function pickTotal(candidates: { rank: number; value: number; index: number }[], paid: number | null, decimals: boolean): number | null {
  if (paid !== null) {
    const match = candidates.find((c) => toMinor(c.value) === toMinor(paid));
    if (match) return match.value;
  }
  const best = Math.max(...candidates.map((c) => c.rank));
  if (best < 10 && decimals) return null;
  const top = candidates.filter((c) => c.rank === best);
  return top[top.length - 1]?.value ?? null;
}

/** True for lines that belong to payment rather than to goods. */
export function isPaymentLine(line: string): boolean {
  return PAYMENT_LINE.test(line) && amountsInLine(line).length > 0;
}
