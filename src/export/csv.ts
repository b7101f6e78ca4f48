import type { DocumentRecord } from '../db';
import type { Receipt } from '../receipt/schema';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and the tab/CR tricks) is prefixed
 * with an apostrophe, so a receipt's text can never execute in the user's spreadsheet. Numbers are
 * written as numbers and are not text, so a refund of -3.50 stays a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const row = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(',');

/** CRLF and a byte-order mark: what spreadsheet programs expect of a CSV with accents in it. */
const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

type WithFields = DocumentRecord & { fields: NonNullable<DocumentRecord['fields']> };
const withFields = (docs: DocumentRecord[]) => docs.filter((doc): doc is WithFields => Boolean(doc.fields));

const RECEIPT_COLUMNS: (keyof Omit<Receipt, 'lineItems'>)[] = [
  'merchantName',
  'merchantAddress',
  'date',
  'time',
  'currency',
  'subtotal',
  'tax',
  'tip',
  'total',
  'paymentMethod',
];

/** One row per receipt, with its review flag, so a spreadsheet can filter what needs checking. */
export function receiptsCsv(docs: DocumentRecord[]): string {
  const header = row(['document', 'file', ...RECEIPT_COLUMNS, 'items', 'source', 'needs review', 'review reasons']);
  const lines = withFields(docs).map(({ id, name, fields }) =>
    row([
      id,
      name,
      ...RECEIPT_COLUMNS.map((column) => fields.receipt[column]),
      fields.receipt.lineItems.length,
      fields.edited ? `${fields.source}, edited` : fields.source,
      fields.review.ok ? 'no' : 'yes',
      fields.review.issues.join('; '),
    ]),
  );
  return csv([header, ...lines]);
}

/** One row per line item, keyed by document so it joins with the receipts CSV. */
export function lineItemsCsv(docs: DocumentRecord[]): string {
  const header = row(['document', 'file', 'line', 'description', 'quantity', 'unit price', 'amount', 'currency']);
  const lines = withFields(docs).flatMap(({ id, name, fields }) =>
    fields.receipt.lineItems.map((item, i) => row([id, name, i + 1, item.description, item.quantity, item.unitPrice, item.amount, fields.receipt.currency])),
  );
  return csv([header, ...lines]);
}
