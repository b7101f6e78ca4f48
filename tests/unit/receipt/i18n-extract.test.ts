import { describe, expect, it } from 'vitest';
import { normCompany } from '../../../bench/field-scoring';
import { extractReceipt } from '../../../src/receipt/extract';
import { I18N_RECEIPTS } from '../../fixtures/receipts-i18n/receipts';

const cents = (value: number | null) => (value === null ? null : Math.round(value * 100));

describe('receipts written for each language read as printed', () => {
  it.each(I18N_RECEIPTS.map((receipt) => [receipt.id, receipt] as const))('%s', (_, receipt) => {
    const got = extractReceipt(receipt.lines.join('\n'), { dateOrder: 'auto' });
    expect({ total: cents(got.total), date: got.date, currency: got.currency }).toEqual({ total: cents(receipt.expected.total), date: receipt.expected.date, currency: receipt.expected.currency });
    expect(normCompany(got.merchantName)).toBe(normCompany(receipt.expected.merchantName));
  });
});
