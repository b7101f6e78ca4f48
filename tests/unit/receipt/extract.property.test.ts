import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractReceipt } from '../../../src/receipt/extract';
import { receiptSchema } from '../../../src/receipt/schema';

const SAMPLE = ['ACME TRADING SDN BHD', 'NO. 1, JALAN SATU', 'DATE: 01/02/2019 10:11', 'Tea 2 x 1.50 3.00', 'SUBTOTAL 3.00', 'GST 6% 0.18', 'TOTAL RM 3.20', 'CASH 5.00', 'CHANGE 1.80'];

// Mutations OCR makes: dropped, doubled and swapped characters, merged and split lines.
const mutated = fc
  .array(fc.tuple(fc.nat({ max: 1000 }), fc.constantFrom('delete', 'insert', 'swap', 'join', 'split'), fc.string({ minLength: 1, maxLength: 3 })), { maxLength: 20 })
  .map((edits) =>
    edits.reduce((text, [at, kind, chars]) => {
      const i = at % (text.length + 1);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (kind === 'insert') return text.slice(0, i) + chars + text.slice(i);
      if (kind === 'swap') return text.slice(0, i) + chars + text.slice(i + chars.length);
      if (kind === 'join') return text.replace('\n', ' ');
      return `${text.slice(0, i)}\n${text.slice(i)}`;
    }, SAMPLE.join('\n')),
  );
const receiptish = fc.array(fc.oneof(fc.constantFrom(...SAMPLE, 'TOTAL', '12,50-', '(3.00)', '31/12/99', 'Mar 5, 2019', '¥1,200', '€', 'RM'), fc.string()), { maxLength: 30 }).map((l) => l.join('\n'));

describe('extractReceipt on arbitrary text', () => {
  it('never throws and always answers what the schema accepts', () => {
    const orders = fc.constantFrom('DMY', 'MDY', 'YMD', 'auto' as const);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), mutated, receiptish), orders, (text, dateOrder) => {
        const result = receiptSchema.safeParse(extractReceipt(text, { dateOrder }));
        expect(result.success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
