/** The summary block: total, subtotal, tax, tip and a cash-rounding adjustment. */
import { amountsInLine, lastAmount, toMinor } from './amounts';
import { FINAL_TOTAL, NOT_TAX, NOT_TOTAL, PAYMENT_LINE, RATE_SUPPLIES, ROUNDING, SUBTOTAL, SUMMARY_START, TAX, TIP, TOTAL } from './labels';
import { labelClasses } from './label-match';
import { sumTaxLines, summaryTax, type TaxLine } from './tax';

export interface Totals {
  total: number | null;
  subtotal: number | null;
  tax: number | null;
  tip: number | null;
  rounding: number | null;
  /** The payable total as printed when OCR lost its decimal point and nothing read it (e.g. 1983): for `readLostTotal`. */
  unread: number | null;
  /** Index of the first summary line: line items end there. */
  blockStart: number;
  /** Whether the strongest total printed lost its decimal point, so only a figure its digits show can be the total. */
  lost: boolean;
}

/** The amount a labelled line carries, or the next line's when the label stands alone (split columns). */
function labelledAmount(lines: string[], i: number, allowInteger: boolean): number | null {
  const own = lastAmount(lines[i] ?? '', allowInteger);
  if (own !== null) return own;
  const next = lines[i + 1] ?? '';
  // Only a lone figure: "= 6 10.85 .65" under "Amount(RM) Tax(RM)" is a table row, not this label's amount.
  const figures = next.replace(/(\d) ?([.,]) ?(\d{2})(?!\d)/g, '$1$2$3').match(/[\d.,]*\d/g) ?? [];
  return /^[^A-Za-z]*(RM|[A-Z]{3})?[^A-Za-z]*$/.test(next) && figures.length === 1 ? lastAmount(next) : null;
}

/** Cash handed over minus change given: when both are printed, the amount actually paid. */
function paidByCash(lines: string[]): number | null {
  let cash: number | null = null;
  let change: number | null = null;
  for (const line of lines) {
    const classes = labelClasses(line);
    if ((classes.has('change') || /\b(change|balance|kembali)\b/i.test(line)) && !/\b(due|total)\b/i.test(line)) change ??= lastAmount(line);
    else if ((classes.has('cash') || classes.has('tendered') || /\b(cash|tunai|tendered)\b/i.test(line)) && !/\b(sale|bill|refund|cashier)\b/i.test(line)) cash ??= lastAmount(line);
  }
  return cash !== null && change !== null && change >= 0 && cash >= change ? (toMinor(cash) - toMinor(change)) / 100 : null;
}

export function findTotals(lines: string[]): Totals {
  const summaryAt = lines.findIndex((line) => SUMMARY_START.test(line));
  const end = summaryAt === -1 ? lines.length : summaryAt;
  const found: Totals = { total: null, subtotal: null, tax: null, tip: null, rounding: null, unread: null, blockStart: end, lost: false };
  const candidates: Candidate[] = [];
  const taxLines: TaxLine[] = [];
  let explicitTax: number | null = null;

  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const classes = labelClasses(line);
    if ((SUBTOTAL.test(line) && !NOT_TOTAL.test(line.replace(SUBTOTAL, ''))) || (classes.has('subtotal') && !classes.has('payable'))) {
      const value = labelledAmount(lines, i, false);
      if (value !== null) {
        found.subtotal ??= value;
        found.blockStart = Math.min(found.blockStart, i);
      }
      continue;
    }
    if (TIP.test(line) || classes.has('tip')) {
      const value = labelledAmount(lines, i, false);
      if (value !== null && !/%\s*$/.test(line)) found.tip = (found.tip ?? 0) + value;
      continue;
    }
    if ((ROUNDING.test(line) || classes.has('rounding')) && !TOTAL.test(line.replace(ROUNDING, '')) && !classes.has('payable')) {
      found.rounding ??= lastAmount(line);
      continue;
    }
    const isTotal = (TOTAL.test(line) || classes.has('total') || classes.has('payable')) && !NOT_TOTAL.test(line) && !classes.has('count') && !classes.has('change');
    if (isTotal && !(TAX.test(line) && !/\b(incl|inclusive|including|inkl|ttc|after)\b/i.test(line) && !FINAL_TOTAL.test(line))) {
      const value = labelledAmount(lines, i, true);
      if (value === null || value < 0) continue;
      // A whole number counts only when no total on the receipt has decimals (yen, won).
      const whole = labelledAmount(lines, i, false) === null;
      candidates.push({ rank: (FINAL_TOTAL.test(line) ? 2 : 1) + (whole ? 0 : 10), value, index: i });
      found.blockStart = Math.min(found.blockStart, i);
      continue;
    }
    if ((TAX.test(line) || classes.has('tax')) && !classes.has('taxId') && !NOT_TAX.test(line.replace(TAX, ' ')) && !/\b(total|sub)\b/i.test(line.replace(/total\s*(tax|gst|vat|sst)|(gst|tax|vat)\s*(total|payable)/i, ''))) {
      const value = labelledAmount(lines, i, false);
      if (value === null) continue;
      if (/total|payable/i.test(line)) explicitTax ??= value;
      else taxLines.push({ line, value });
      found.blockStart = Math.min(found.blockStart, i);
    }
  }
  found.tax = explicitTax ?? sumTaxLines(taxLines) ?? summaryTax(lines.slice(end));
  const paid = paidByCash(lines);
  // What the total must be by arithmetic, to read a total whose decimal point OCR lost.
  const arithmetic = [paid, suppliesTotal(lines.slice(0, end), found.tax)];
  if (found.subtotal !== null) {
    const base = toMinor(found.subtotal) + toMinor(found.tip ?? 0) + toMinor(found.rounding ?? 0);
    arithmetic.push((base + toMinor(found.tax ?? 0)) / 100, base / 100);
  }
  const picked = pickTotal(candidates, paid, lines.some((line) => /\d[.,]\d{2}\b/.test(line)), arithmetic);
  found.total = picked.total;
  found.unread = picked.total === null ? picked.unread : null;
  found.lost = picked.unread !== null;
  return found;
}

interface Candidate {
  /** 1 for a plain total, 2 for a payable one; +10 when its amount has decimals. */
  rank: number;
  value: number;
  index: number;
}

/** "Total 0% supplies 19.83" + "Total 6% supplies (incl. GST) 32.05": the payable, one figure per rate. */
function suppliesTotal(lines: string[], tax: number | null): number | null {
  const perRate = new Map<string, { incl?: number; plain?: number; excl?: number }>();
  for (const line of lines) {
    const m = RATE_SUPPLIES.exec(line);
    const value = lastAmount(line);
    if (!m?.[1] || value === null) continue;
    const entry = perRate.get(m[1]) ?? {};
    if (/\bincl?\b|\binclusive|\bincluding|\bafter\b/i.test(line)) entry.incl ??= value;
    else if (/\bexcl?\b|\bexclusive|\bexcluding|\bbefore\b/i.test(line)) entry.excl ??= value;
    else entry.plain ??= value;
    perRate.set(m[1], entry);
  }
  if (perRate.size === 0) return null;
  let sum = 0;
  let needsTax = false;
  for (const { incl, plain, excl } of perRate.values()) {
    needsTax ||= incl === undefined && plain === undefined;
    sum += toMinor(incl ?? plain ?? excl ?? 0);
  }
  if (needsTax && tax === null) return null;
  return (sum + (needsTax ? toMinor(tax ?? 0) : 0)) / 100;
}

/** Whether `printed` (a whole number) is `value` with its decimal point lost, and at most one digit with it. */
function sameDigits(printed: number, value: number): boolean {
  const p = String(Math.round(Math.abs(printed)));
  const v = String(Math.abs(toMinor(value)));
  if (p === v) return true;
  if (p.length < 3 || p.length !== v.length - 1) return false;
  return [...v].some((_, i) => v.slice(0, i) + v.slice(i + 1) === p);
}

/**
 * Highest rank wins; within a rank the last printed (a rounded total follows the raw one). A total
 * without decimals on a receipt whose amounts have them lost its decimal point to OCR; when it is the
 * strongest (a payable total above a plain one, or printed after its equal), no lesser "Total" stands
 * in for it: only a figure whose digits it matches, from another total line or from arithmetic, else null.
 */
function pickTotal(candidates: Candidate[], paid: number | null, decimals: boolean, arithmetic: (number | null)[]): { total: number | null; unread: number | null } {
  if (paid !== null) {
    const match = candidates.find((c) => toMinor(c.value) === toMinor(paid));
    if (match) return { total: match.value, unread: null };
  }
  const readable = candidates.filter((c) => c.rank >= 10 || !decimals);
  const best = Math.max(...readable.map((c) => c.rank));
  const top = readable.filter((c) => c.rank === best).at(-1);
  // A total that lost its decimal point keeps its two cent digits: a figure under 100 on a plain "Total" line is a count.
  const unreadable = candidates.filter((c) => c.rank < 10 && (c.value >= 100 || c.rank === 2));
  const lostRank = Math.max(...unreadable.map((c) => c.rank));
  const lost = decimals ? unreadable.filter((c) => c.rank === lostRank).at(-1) : undefined;
  if (lost && (!top || lost.rank > top.rank - 10 || (lost.rank === top.rank - 10 && lost.index > top.index))) {
    return { total: readLostTotal(lost.value, [top?.value ?? null, ...arithmetic]), unread: lost.value };
  }
  return { total: top?.value ?? null, unread: null };
}

/** The first of `readings` (figures from other lines or arithmetic) whose digits the unreadable total shows; else null. */
export function readLostTotal(printed: number, readings: (number | null)[]): number | null {
  return readings.find((v): v is number => v !== null && v > 0 && sameDigits(printed, v)) ?? null;
}

/** True for lines that belong to payment rather than to goods. */
export function isPaymentLine(line: string): boolean {
  return PAYMENT_LINE.test(line) && amountsInLine(line).length > 0;
}
