import { describe, expect, it } from 'vitest';
import { checkReceipt } from '../../../src/receipt/checks';
import { EMPTY_RECEIPT, type Receipt } from '../../../src/receipt/schema';

const receipt = (fields: Partial<Receipt>): Receipt => ({ ...EMPTY_RECEIPT, currency: 'USD', ...fields });
const item = (description: string, amount: number, quantity: number | null = null, unitPrice: number | null = null) => ({ description, quantity, unitPrice, amount });

describe('checkReceipt', () => {
  it('passes a receipt whose items, tax and tip add up', () => {
    const r = receipt({ lineItems: [item('Burger', 12.5), item('Coffee', 5, 2, 2.5)], subtotal: 17.5, tax: 1.4, tip: 3.5, total: 22.4 });
    expect(checkReceipt(r)).toEqual({ ok: true, issues: [] });
  });

  it('says which sum is off and by how much', () => {
    const r = receipt({ lineItems: [item('A', 10.1), item('B', 2.3)], subtotal: 12.5, tax: 1, total: 13.5 });
    expect(checkReceipt(r).issues).toEqual([{ field: 'subtotal', message: 'Line items add up to 12.40 but the subtotal says 12.50' }]);
    expect(checkReceipt(receipt({ subtotal: 10, tax: 0.8, tip: 2, total: 12.9 })).issues).toEqual([
      { field: 'total', message: 'Subtotal 10.00 + tax 0.80 + tip 2.00 come to 12.80 but the total says 12.90' },
    ]);
  });

  it('accepts a total that already includes the tax', () => {
    expect(checkReceipt(receipt({ currency: 'EUR', subtotal: 119, tax: 19, total: 119 })).ok).toBe(true);
    expect(checkReceipt(receipt({ lineItems: [item('A', 8.7)], tax: 0.49, total: 8.7 })).ok).toBe(true);
  });

  it('counts a printed cash-rounding line and, without one, allows 5-cent rounding only where cash rounds', () => {
    const myr = receipt({ currency: 'MYR', subtotal: 41.75, tax: 2.51, total: 44.25 });
    expect(checkReceipt(myr, { roundingAdjustment: -0.01 }).ok).toBe(true);
    expect(checkReceipt(myr).ok).toBe(true);
    expect(checkReceipt({ ...myr, currency: 'USD' }).ok).toBe(false);
    expect(checkReceipt(myr, { roundingAdjustment: 0.02 }).ok).toBe(false);
  });

  it('allows one cent per item whose price times quantity rounds, and no more', () => {
    const weighed = [item('Apples', 1.65, 0.553, 2.99), item('Pears', 1.49, 0.497, 2.99)];
    expect(checkReceipt(receipt({ lineItems: weighed, subtotal: 3.13 })).ok).toBe(true);
    expect(checkReceipt(receipt({ lineItems: weighed, subtotal: 3.17 })).ok).toBe(false);
    expect(checkReceipt(receipt({ lineItems: [item('A', 1), item('B', 2)], subtotal: 3.01 })).ok).toBe(false);
  });

  it('flags a line whose quantity times unit price is not its amount', () => {
    const { issues } = checkReceipt(receipt({ lineItems: [item('Milo', 37.9, 2, 18.9)] }));
    expect(issues).toEqual([{ field: 'lineItems.0.amount', message: 'Milo: 2 × 18.90 is 37.80 but the line says 37.90' }]);
  });

  it('flags a tax larger than the total', () => {
    expect(checkReceipt(receipt({ tax: 5, total: 4 })).issues.map((i) => i.field)).toEqual(['tax']);
  });

  it('rejects what the schema rejects, so model answers go through the same gate', () => {
    const result = checkReceipt({ ...EMPTY_RECEIPT, date: '14/03/2018', currency: 'ringgit' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.field).sort()).toEqual(['currency', 'date']);
    expect(checkReceipt({ total: 1 }).ok).toBe(false);
  });
});
