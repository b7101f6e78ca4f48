import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src/db';
import { monthRange, overview } from '../../../src/library/overview';
import type { Receipt } from '../../../src/receipt/schema';

const doc = (id: string, fields: Partial<Receipt> | undefined): DocumentRecord =>
  ({
    id, name: id, mime: 'image/png', kind: 'image', size: 1, createdAt: 1, updatedAt: 1, status: 'done', pageCount: 1,
    fields: fields && {
      receipt: { merchantName: null, merchantAddress: null, date: null, time: null, currency: null, subtotal: null, tax: null, tip: null, total: null, paymentMethod: null, lineItems: [], ...fields },
      source: 'local', edited: false, review: { ok: true, issues: [] },
    },
  }) as DocumentRecord;

describe('overview', () => {
  it('sums per currency, never across currencies, in cents', () => {
    const [myr, eur, ...rest] = overview([
      doc('a', { total: 0.1, currency: 'MYR', date: '2024-01-02', merchantName: 'AEON' }),
      doc('b', { total: 0.2, currency: 'MYR', date: '2024-01-30', merchantName: 'AE0N' }),
      doc('c', { total: 10, currency: 'MYR', date: '2024-03-01', merchantName: 'AEON' }),
      doc('d', { total: 5.5, currency: 'EUR', date: '2024-01-05', merchantName: 'Bäckerei' }),
      doc('e', { total: null, currency: 'EUR' }),
      doc('f', undefined),
    ]);
    expect(rest).toEqual([]);
    expect(myr).toMatchObject({ currency: 'MYR', minor: 1030, count: 3 });
    expect(myr!.months).toEqual([{ key: '2024-01', minor: 30, count: 2 }, { key: '2024-03', minor: 1000, count: 1 }]);
    // One merchant however OCR spelled it, named as most receipts print it.
    expect(myr!.merchants).toEqual([{ key: 'AEON', minor: 1030, count: 3 }]);
    expect(eur).toMatchObject({ currency: 'EUR', minor: 550, count: 1, months: [{ key: '2024-01', minor: 550, count: 1 }] });
  });

  it('counts receipts with no date, no merchant or no currency apart, and sums the merchants beyond the top ones', () => {
    const docs = [
      ...['A', 'B', 'C'].map((name, i) => doc(name, { total: 10 * (i + 1), merchantName: name, date: '2024-05-01' })),
      doc('undated', { total: 1, merchantName: 'A' }),
      doc('nameless', { total: 2, date: '2024-05-09' }),
    ];
    const [unknown] = overview(docs, 2);
    expect(unknown).toMatchObject({ currency: '', minor: 6300, count: 5, undated: { minor: 100, count: 1 } });
    expect(unknown!.merchants).toEqual([{ key: 'C', minor: 3000, count: 1 }, { key: 'B', minor: 2000, count: 1 }]);
    expect(unknown!.otherMerchants).toEqual({ key: '', minor: 1300, count: 3 });
  });

  it('gives a month as a date range, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-12')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });
});
