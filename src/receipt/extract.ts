/** Deterministic receipt fields from OCR text (one printed line per line): no model, no network. */
import { amountsInLine, toMinor } from './amounts';
import { findCurrency, WHOLE_UNIT } from './currency';
import { dateCandidates } from './date-features';
import { findTime, parseDate, resolveDateOrder, type DateOrder } from './dates';
import { TABLE_HEADER, findLineItems } from './line-items';
import { findMerchant } from './merchant';
import { findPaymentMethod } from './payment';
import type { LineItem, Receipt } from './schema';
import { findTotals, readLostTotal } from './totals';
import { receiptLines as toLines } from './lines';
import { pickBest } from './ranker';
import { totalCandidates } from './total-features';
import { labelClasses } from './label-match';
import { fold } from './fold';
import DATE_MODEL from './weights/date.json';
import TOTAL_MODEL from './weights/total.json';

export interface ExtractOptions {
  /** How to read all-numeric dates; `auto` decides from impossible days, then the currency. */
  dateOrder: DateOrder | 'auto';
  /** ISO 4217 code assumed when the receipt prints no currency (and for a bare `$`). */
  defaultCurrency?: string;
}

export function extractReceipt(text: string, options: ExtractOptions): Receipt {
  const lines = toLines(text);
  const currency = findCurrency(lines.join('\n'), options.defaultCurrency ?? null);
  const order = resolveDateOrder(lines.join('\n'), options.dateOrder, currency);
  const totals = findTotals(lines);
  // The total is chosen among every amount by learned weights over its evidence (labels, position, arithmetic).
  const wholeUnits = WHOLE_UNIT.has(currency ?? '');
  const ranked = pickBest(totalCandidates(lines, wholeUnits), TOTAL_MODEL);

  // The header ends at the first line with a date, an amount or a column header.
  const headerEnd = lines.findIndex((line) => parseDate(line, order) !== null || amountsInLine(line).length > 0 || TABLE_HEADER.test(line));
  const merchant = findMerchant(lines, headerEnd === -1 ? lines.length : headerEnd, (line) => parseDate(line, order) !== null);
  const lastHeader = lines.findLastIndex((line, i) => i < totals.blockStart && !/t[o0]ta[l1i]/i.test(line) && (TABLE_HEADER.test(line) || parseDate(line, order) !== null));
  const itemsStart = Math.max(lastHeader + 1, headerEnd === -1 ? 0 : headerEnd);

  const lineItems = findLineItems(lines, itemsStart, totals.blockStart);
  // A payable total printed without its decimal point ("TOTAL PAYABLE 2135") overrules the ranking: only a
  // figure whose digits it shows, from another line or from arithmetic, can be the total.
  const rankedTotal = withTip(lines, ranked?.value ?? null);
  const total = !totals.lost || wholeUnits
    ? rankedTotal
    : (totals.total ?? (totals.unread === null ? null : readLostTotal(totals.unread, [rankedTotal, ...itemsSums(lineItems, totals)])));

  return {
    merchantName: merchant.name,
    merchantAddress: merchant.address,
    // The purchase date is chosen among every printed date the same way, by its labels, time of day and place.
    date: pickBest(dateCandidates(lines, order), DATE_MODEL)?.date ?? null,
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

// A tip the receipt only suggests ("Propina sugerida", "Tip 18% 2.70", "For your convenience") was not paid.
const SUGGESTED = /SUGGEST|SUGERID|SUGGERIT|SUGESTA|VORSCHLAG|CONSEILL|CONVENIENCE|GUIDE|%/;

/**
 * A tip added to the bill on a card slip ("SALE 63.70" / "GRATUITY 6.30" / "TOTAL 70.00") makes what was paid: where
 * the receipt prints one tip, the bill before it and the bill plus the tip as a total after it, that is the total.
 * Arithmetic, not a learned weight: SROIE's receipts add no tips, so the ranker cannot learn it from them.
 */
function withTip(lines: string[], ranked: number | null): number | null {
  if (ranked === null) return ranked;
  const tips = lines.flatMap((line, i) => (labelClasses(line).has('tip') ? [i] : []));
  if (tips.length !== 1 || SUGGESTED.test(fold(lines[tips[0]!]!))) return ranked;
  const at = tips[0]!;
  const tip = amountsInLine(lines[at]!).at(-1);
  if (!tip || tip <= 0 || !lines.slice(0, at).some((line) => amountsInLine(line).some((v) => toMinor(v) === toMinor(ranked)))) return ranked;
  const paid = toMinor(ranked) + toMinor(tip);
  const after = lines.slice(at + 1).find((line) => {
    const classes = labelClasses(line);
    return (classes.has('total') || classes.has('payable')) && amountsInLine(line).some((v) => toMinor(v) === paid);
  });
  return after === undefined ? ranked : paid / 100;
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
