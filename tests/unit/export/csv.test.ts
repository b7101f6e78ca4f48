import { describe, expect, it } from 'vitest';
import { csvCell, lineItemsCsv, receiptsCsv } from '../../../src/export/csv';
import type { DocumentRecord } from '../../../src/db';
import { EMPTY_RECEIPT } from '../../../src/receipt/schema';

const doc = (id: string, fields?: DocumentRecord['fields']): DocumentRecord => ({
  id,
  name: `${id}.jpg`,
  mime: 'image/jpeg',
  kind: 'image',
  size: 1,
  createdAt: 0,
  updatedAt: 0,
  status: 'done',
  pageCount: 1,
  fields,
});

describe('CSV cells', () => {
  it('neutralizes text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('quotes commas, quotes and line breaks, and leaves numbers as numbers (negative ones too)', () => {
    expect(csvCell('ACME, Inc.')).toBe('"ACME, Inc."');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('receipt CSVs', () => {
  const receipt = {
    ...EMPTY_RECEIPT,
    merchantName: '=cmd',
    date: '2018-02-12',
    currency: 'MYR',
    total: 153.35,
    lineItems: [
      { description: 'PEN, BLUE', quantity: 2, unitPrice: 1.5, amount: 3 },
      { description: '-discount', quantity: null, unitPrice: null, amount: -0.5 },
    ],
  };
  const docs = [
    doc('a', { receipt, source: 'local', edited: true, review: { ok: false, issues: ['Line items add up to 2.50 but the total says 153.35'] } }),
    doc('b'),
  ];

  it('writes one row per receipt with its review flag, skipping documents without fields', () => {
    const lines = receiptsCsv(docs).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'document,file,merchantName,merchantAddress,date,time,currency,subtotal,tax,tip,total,paymentMethod,items,source,needs review,review reasons',
    );
    expect(lines[1]).toBe("a,a.jpg,'=cmd,,2018-02-12,,MYR,,,,153.35,,2,\"local, edited\",yes,Line items add up to 2.50 but the total says 153.35");
  });

  it('writes one row per line item, joined to its receipt by document id', () => {
    const lines = lineItemsCsv(docs).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.slice(1)).toEqual(['a,a.jpg,1,"PEN, BLUE",2,1.5,3,MYR', "a,a.jpg,2,'-discount,,,-0.5,MYR"]);
  });
});
