import { describe, expect, it } from 'vitest';
import { linesOfField } from '../../../src/library/field-lines';
import type { Receipt } from '../../../src/receipt/schema';

const box = [0, 0, 1, 1] as [number, number, number, number];
const page = (index: number, ...texts: string[]) => ({ index, lines: texts.map((text) => ({ text, box })) });
const receipt: Receipt = {
  merchantName: 'CORNER CAFE SDN BHD',
  merchantAddress: null,
  date: '2018-02-12',
  time: '14:05',
  currency: 'MYR',
  subtotal: 16,
  tax: 0.96,
  tip: null,
  total: 16.96,
  paymentMethod: 'cash',
  lineItems: [],
};
const pages = [page(0, 'CORNER CAFE', 'SDN BHD (123456-X)', '12/02/2018 2:05 PM', 'LATTE 2 x 8.00 16.00', 'GST 6% 0.96', 'TOTAL RM 16.96', 'CASH 20.00'), page(1, 'AMOUNT PAID 16,96')];

describe('linesOfField', () => {
  it('finds every line that carries an amount, on every page, in any number format', () => {
    expect(linesOfField('total', receipt, pages)).toEqual([
      { page: 0, line: 5 },
      { page: 1, line: 0 },
    ]);
    expect(linesOfField('tax', receipt, pages)).toEqual([{ page: 0, line: 4 }]);
    expect(linesOfField('subtotal', receipt, pages)).toEqual([{ page: 0, line: 3 }]);
  });

  it('finds a date in whatever order it was printed, and a time on a 12-hour clock', () => {
    expect(linesOfField('date', receipt, pages)).toEqual([{ page: 0, line: 2 }]);
    expect(linesOfField('time', receipt, pages)).toEqual([{ page: 0, line: 2 }]);
  });

  it('finds each line of a name printed over two lines, as OCR spelled it', () => {
    expect(linesOfField('merchantName', receipt, pages)).toEqual([
      { page: 0, line: 0 },
      { page: 0, line: 1 },
    ]);
    expect(linesOfField('merchantName', { ...receipt, merchantName: 'Córner Café' }, pages)).toEqual([{ page: 0, line: 0 }]);
  });

  it('finds nothing for an empty field, a value typed by hand, or pages stored without lines', () => {
    expect(linesOfField('tip', receipt, pages)).toEqual([]);
    expect(linesOfField('total', { ...receipt, total: 18 }, pages)).toEqual([]);
    expect(linesOfField('merchantName', { ...receipt, merchantName: 'Somewhere Else' }, pages)).toEqual([]);
    expect(linesOfField('total', receipt, [{ index: 0, lines: [] }])).toEqual([]);
  });
});
