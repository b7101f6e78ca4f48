/** Deterministic receipt fields from OCR text (one printed line per line): no model, no network. */
import { amountsInLine, toMinor } from './amounts';
import { findCurrency } from './currency';
import { findDate, findTime, parseDate, resolveDateOrder, type DateOrder } from './dates';
import { TABLE_HEADER, findLineItems } from './line-items';
import { findMerchant } from './merchant';
import { findPaymentMethod } from './payment';
import type { LineItem, Receipt } from './schema';
import { findTotals, readLostTotal } from './totals';
import { lettersForLookAlikeDigits } from '../pipeline/ocr/look-alikes';

export interface ExtractOptions {
  /** How to read all-numeric dates; `auto` decides from impossible days, then the currency. */
  dateOrder: DateOrder | 'auto';
  /** ISO 4217 code assumed when the receipt prints no currency (and for a bare `$`). */
  defaultCurrency?: string;
}

/**
 * Normalizes OCR text: unified dashes and spaces, no empty lines, and digits between letters read as
 * the letters they resemble (any engine's text, or the user's, may still hold them).
 */
function toLines(text: string): string[] {
  return lettersForLookAlikeDigits(text.normalize('NFKC'))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .split(/\r?\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

export function extractReceipt(text: string, options: ExtractOptions): Receipt {
  const lines = toLines(text);
  const currency = findCurrency(lines.join('\n'), options.defaultCurrency ?? null);
  const order = resolveDateOrder(lines.join('\n'), options.dateOrder, currency);
  const totals = findTotals(lines);

  // The header ends at the first line with a date, an amount or a column header.
  const headerEnd = lines.findIndex((line) => parseDate(line, order) !== null || amountsInLine(line).length > 0 || TABLE_HEADER.test(line));
  const merchant = findMerchant(lines, headerEnd === -1 ? lines.length : headerEnd);
  const lastHeader = lines.findLastIndex((line, i) => i < totals.blockStart && !/t[o0]ta[l1i]/i.test(line) && (TABLE_HEADER.test(line) || parseDate(line, order) !== null));
  const itemsStart = Math.max(lastHeader + 1, headerEnd === -1 ? 0 : headerEnd);

  const lineItems = findLineItems(lines, itemsStart, totals.blockStart);
  const total = totals.unread === null ? totals.total : readLostTotal(totals.unread, itemsSums(lineItems, totals));

  return {
    merchantName: merchant.name,
    merchantAddress: merchant.address,
    date: findDate(lines, order),
    time: findTime(lines, order),
    currency,
    subtotal: totals.subtotal,
    tax: totals.tax,
    tip: totals.tip,
    total,
    paymentMethod: findPaymentMethod(lines),
    lineItems,
  };
}

/** What the items make with and without the tax (and tip, rounding): arithmetic to read a total OCR garbled. */
function itemsSums(items: LineItem[], totals: { tax: number | null; tip: number | null; rounding: number | null }): number[] {
  if (items.length === 0) return [];
  const base = items.reduce((sum, item) => sum + toMinor(item.amount ?? 0), 0) + toMinor(totals.tip ?? 0) + toMinor(totals.rounding ?? 0);
  return [base + toMinor(totals.tax ?? 0), base].map((minor) => minor / 100);
}

/** The cash-rounding adjustment printed on the receipt (e.g. "ROUNDING -0.01"), for `checkReceipt`. */
export function extractRoundingAdjustment(text: string): number | null {
  return findTotals(toLines(text)).rounding;
}
