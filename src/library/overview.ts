/**
 * Where the money went, for the receipts in view: totals per month and per merchant, one set per currency, since
 * sums of different currencies mean nothing. Sums are in minor units (cents), so a thousand receipts add up
 * exactly. Merchants are grouped by their OCR key, so `AEON` and `AE0N` are one merchant, shown by the name
 * most of its receipts print.
 */
import type { DocumentRecord } from '../db';
import { toMinor } from '../receipt/amounts';
import { ocrKey } from './ocr-key';

export interface Bucket {
  /** `2024-03` for a month, the merchant's name for a merchant. */
  key: string;
  minor: number;
  count: number;
}

export interface CurrencyOverview {
  /** ISO 4217, or '' for receipts whose currency was not read. */
  currency: string;
  minor: number;
  count: number;
  /** Oldest month first; receipts with no date are counted in `undated`. */
  months: Bucket[];
  undated: Bucket;
  /** Largest first, at most `topMerchants`; the rest summed in `otherMerchants`. */
  merchants: Bucket[];
  otherMerchants: Bucket;
}

export function overview(documents: readonly DocumentRecord[], topMerchants = 8): CurrencyOverview[] {
  const currencies = new Map<string, { minor: number; count: number; months: Map<string, Bucket>; undated: Bucket; merchants: Map<string, Bucket & { names: Map<string, number> }> }>();
  for (const doc of documents) {
    const receipt = doc.fields?.receipt;
    if (!receipt || receipt.total === null) continue;
    const minor = toMinor(receipt.total);
    const currency = receipt.currency ?? '';
    const entry = currencies.get(currency) ?? currencies.set(currency, { minor: 0, count: 0, months: new Map(), undated: { key: '', minor: 0, count: 0 }, merchants: new Map() }).get(currency)!;
    entry.minor += minor;
    entry.count++;
    const monthKey = receipt.date?.slice(0, 7);
    const month = monthKey ? entry.months.get(monthKey) ?? entry.months.set(monthKey, { key: monthKey, minor: 0, count: 0 }).get(monthKey)! : entry.undated;
    month.minor += minor;
    month.count++;
    const name = receipt.merchantName?.trim() ?? '';
    const key = ocrKey(name);
    const merchant = entry.merchants.get(key) ?? entry.merchants.set(key, { key: '', minor: 0, count: 0, names: new Map() }).get(key)!;
    merchant.minor += minor;
    merchant.count++;
    merchant.names.set(name, (merchant.names.get(name) ?? 0) + 1);
  }
  return [...currencies]
    .map(([currency, entry]) => {
      const merchants = [...entry.merchants]
        .map(([key, bucket]) => ({ key: key ? [...bucket.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0] : '', minor: bucket.minor, count: bucket.count }))
        .sort((a, b) => b.minor - a.minor || a.key.localeCompare(b.key));
      const named = merchants.filter((m) => m.key);
      const shown = named.slice(0, topMerchants);
      const rest = merchants.filter((m) => !shown.includes(m));
      return {
        currency,
        minor: entry.minor,
        count: entry.count,
        months: [...entry.months.values()].sort((a, b) => a.key.localeCompare(b.key)),
        undated: entry.undated,
        merchants: shown,
        otherMerchants: { key: '', minor: rest.reduce((sum, m) => sum + m.minor, 0), count: rest.reduce((sum, m) => sum + m.count, 0) },
      };
    })
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

/** The first and last day of a `YYYY-MM` month, for a filter by that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
