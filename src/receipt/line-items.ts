/** Purchased items: the lines carrying amounts between the header and the summary block. */
import { looksLikeAddress } from './address';
import { amountsInLine } from './amounts';
import type { LineItem } from './schema';
import { isPaymentLine } from './totals';
import { NOT_TOTAL, SUBTOTAL, TAX, TIP, TOTAL } from './labels';

// A column header marks where items begin.
export const TABLE_HEADER = /\b(item|description|descr|qty|quantity|u\/?p|unit\s*price|price|amount|artikel|menge|d[ée]signation|qt[ée]|art[íi]culo|cant)\b/i;
const NOT_ITEM = /\b(date|time|tel|fax|gst\s*(no|id|reg)|invoice\s*no|receipt\s*no|bill\s*no|table|pax|cashier)\b/i;
const PHONE = /\b(tel|phone|fax|hp)\b|\+\d{2}\s?\d|\(0\d{1,3}\)\s?\d{3}/i;
// Leading product codes and barcodes are not part of the description.
const CODE = /^\s*(?:[A-Z]{0,3}\d{5,}[A-Z]?\b\s*)+/i;
// Quantity next to a unit price: "2 x 3.50", "2X 3.50", "2 @ 3.50", "3.50 x 2".
const QTY_TIMES = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:x|@|×|\*)\s*[A-Z$€£¥]{0,3}\s*\d+[.,]\d{2}/i;
const ENDS_IN_AMOUNT = /\d[.,]\d{2}\s*[A-Z]?\s*$/i;
const TIMES_QTY = /\d[.,]\d{2}\s*(?:x|×)\s*(\d{1,3})(?![\d.,])/i;

const text = (line: string) => line.replace(/[-\d.,:%*/()@×x$€£¥]+(?=\s|$)/gi, ' ').replace(/\s+/g, ' ').trim();
const descriptionOf = (line: string) => line.replace(CODE, '').replace(/\s(\d{1,3}\s*(?:x|@|×)\s*)?[-(]?[A-Z$€£¥]{0,3}\s*\d[\d.,\s]*\d.*$/i, '').replace(/^[\s\-*.:]+|[\s\-*.:]+$/g, '').trim();
const isSummary = (line: string) => SUBTOTAL.test(line) || TIP.test(line) || (TOTAL.test(line) && !NOT_TOTAL.test(line)) || TAX.test(line) || TOTAL_WORD.test(line);
// Any "total" line ("Total Qty 7 21.50", "Total 0% supplies") sums items rather than being one.
const TOTAL_WORD = /\bt[o0]ta[l1]\b/i;

function parseItem(line: string): Omit<LineItem, 'description'> {
  const amounts = amountsInLine(line);
  const amount = amounts[amounts.length - 1] ?? null;
  const times = QTY_TIMES.exec(line) ?? TIMES_QTY.exec(line);
  let quantity = times?.[1] ? Number(times[1].replace(',', '.')) : null;
  if (quantity === null && amounts.length >= 2) {
    // "QTY U/P AMOUNT": a small whole number just before the first amount.
    const m = /(?<![\d.,])(\d{1,3})\s+[A-Z$€£¥]{0,3}\s*\d+[.,]\d{2}/i.exec(line.replace(CODE, ''));
    quantity = m?.[1] ? Number(m[1]) : null;
  }
  const unitPrice = amounts.length >= 2 ? (amounts[0] ?? null) : quantity !== null && amount !== null && quantity > 0 ? Math.round((amount / quantity) * 100) / 100 : null;
  return { quantity, unitPrice, amount };
}

/**
 * Descriptions printed on their own line go with the amount line after them, unless the first
 * item shows the opposite layout (amounts first, description under it).
 */
export function findLineItems(lines: string[], start: number, end: number): LineItem[] {
  const items: LineItem[] = [];
  let pending: string[] = [];
  let descriptionAfter: boolean | null = null;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    const amounts = amountsInLine(line);
    // Before the first item, an address ("LOT 1.02, JALAN BUNGA") or a phone number is still the header; a line
    // that ends in an amount is an item even with a street word in it ("DR PEPPER 2.50", "BANANA 1.2 KG 3.50").
    if (items.length === 0 && !ENDS_IN_AMOUNT.test(line) && (looksLikeAddress(line) || PHONE.test(line))) continue;
    if (amounts.length === 0 || NOT_ITEM.test(line) || isSummary(line) || isPaymentLine(line)) {
      const words = text(line);
      if (amounts.length === 0 && /\p{L}{2,}/u.test(words) && !TABLE_HEADER.test(line) && !NOT_ITEM.test(line)) {
        if (descriptionAfter && items.length > 0 && items[items.length - 1]!.description === '') items[items.length - 1]!.description = descriptionOf(line);
        else pending.push(descriptionOf(line));
      }
      continue;
    }
    let description = descriptionOf(line);
    if (!/\p{L}{2,}/u.test(description)) {
      descriptionAfter ??= pending.length === 0;
      description = descriptionAfter ? '' : pending.join(' ');
    } else descriptionAfter ??= false;
    pending = [];
    items.push({ description, ...parseItem(line) });
  }
  return items.filter((item) => item.amount !== null);
}
