import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src/db';
import { applyQuery, EMPTY_QUERY, isFiltered, queryFromParams, queryToParams, type LibraryQuery } from '../../../src/library/query';
import type { Receipt } from '../../../src/receipt/schema';

const receipt = (over: Partial<Receipt>): Receipt => ({
  merchantName: null, merchantAddress: null, date: null, time: null, currency: null, subtotal: null, tax: null, tip: null, total: null, paymentMethod: null, lineItems: [], ...over,
});

function doc(id: string, createdAt: number, fields?: Partial<Receipt>, extra: Partial<DocumentRecord> & { ok?: boolean } = {}): DocumentRecord {
  const { ok = true, ...rest } = extra;
  return {
    id, name: `${id}.png`, mime: 'image/png', kind: 'image', size: 1, createdAt, updatedAt: createdAt, status: 'done', pageCount: 1, engine: 'paddle',
    fields: fields && { receipt: receipt(fields), source: 'local', edited: false, review: { ok, issues: ok ? [] : ['The total is not the sum of the items.'] } },
    ...rest,
  } as DocumentRecord;
}

const docs = [
  doc('jan', 1, { merchantName: 'AEON CO', date: '2024-01-15', total: 12.5, currency: 'MYR' }),
  doc('feb', 2, { merchantName: 'AE0N CO', date: '2024-02-03', total: 40, currency: 'MYR' }, { ok: false }),
  doc('eur', 3, { merchantName: 'Bäckerei Schmidt', date: '2024-02-20', total: 7.8, currency: 'EUR' }, { engine: 'tesseract' }),
  doc('none', 4, { merchantName: null, date: null, total: null }),
  doc('unread', 5),
];
const q = (over: Partial<LibraryQuery>): LibraryQuery => ({ ...EMPTY_QUERY, ...over });
const ids = (list: DocumentRecord[]) => list.map((d) => d.id);

describe('library query', () => {
  it('shows every document newest first when nothing is asked', () => {
    expect(ids(applyQuery(docs, EMPTY_QUERY))).toEqual(['unread', 'none', 'eur', 'feb', 'jan']);
    expect(isFiltered(EMPTY_QUERY)).toBe(false);
    expect(isFiltered(q({ sort: 'amount' }))).toBe(false);
    expect(isFiltered(q({ currency: 'EUR' }))).toBe(true);
  });

  it('keeps only the search matches, in the order the index ranked them', () => {
    expect(ids(applyQuery(docs, q({ q: 'co' }), ['feb', 'jan']))).toEqual(['feb', 'jan']);
    expect(ids(applyQuery(docs, q({ q: 'zebra' }), []))).toEqual([]);
    // Spaces or punctuation alone are no search.
    expect(ids(applyQuery(docs, q({ q: ' - ' }), []))).toHaveLength(docs.length);
    expect(isFiltered(q({ q: '...' }))).toBe(false);
    expect(isFiltered(q({ q: 'co' }))).toBe(true);
    // A sort asked for wins over relevance.
    expect(ids(applyQuery(docs, q({ q: 'co', sort: 'date' }), ['jan', 'feb']))).toEqual(['feb', 'jan']);
  });

  it('filters by receipt date and total ranges, inclusive, leaving out receipts that lack the value', () => {
    expect(ids(applyQuery(docs, q({ from: '2024-02-01', to: '2024-02-20' })))).toEqual(['eur', 'feb']);
    expect(ids(applyQuery(docs, q({ to: '2024-01-15' })))).toEqual(['jan']);
    expect(ids(applyQuery(docs, q({ min: 7.8, max: 12.5 })))).toEqual(['eur', 'jan']);
    expect(ids(applyQuery(docs, q({ min: 20 })))).toEqual(['feb']);
  });

  it('filters by currency, merchant as OCR may spell it, review verdict and engine', () => {
    expect(ids(applyQuery(docs, q({ currency: 'EUR' })))).toEqual(['eur']);
    expect(ids(applyQuery(docs, q({ merchant: 'AEON CO' })))).toEqual(['feb', 'jan']);
    expect(ids(applyQuery(docs, q({ merchant: 'backerei schmidt' })))).toEqual(['eur']);
    expect(ids(applyQuery(docs, q({ review: 'needs' })))).toEqual(['feb']);
    expect(ids(applyQuery(docs, q({ review: 'ok' })))).toEqual(['none', 'eur', 'jan']);
    expect(ids(applyQuery(docs, q({ engine: 'tesseract' })))).toEqual(['eur']);
  });

  it('sees the fields as edited: a corrected total moves the receipt into or out of a range', () => {
    const edited = doc('jan', 1, { merchantName: 'AEON CO', date: '2024-01-15', total: 99, currency: 'MYR' });
    expect(ids(applyQuery([edited, ...docs.slice(1)], q({ min: 50 })))).toEqual(['jan']);
  });

  it('sorts by receipt date, amount or merchant with unknown values last', () => {
    expect(ids(applyQuery(docs, q({ sort: 'date' })))).toEqual(['eur', 'feb', 'jan', 'unread', 'none']);
    expect(ids(applyQuery(docs, q({ sort: 'amount' })))).toEqual(['feb', 'jan', 'eur', 'unread', 'none']);
    expect(ids(applyQuery(docs, q({ sort: 'merchant' })))).toEqual(['feb', 'jan', 'eur', 'unread', 'none']);
  });

  it('round-trips through the URL, keeping parameters that are not its own, and drops what is malformed', () => {
    const query = q({ q: 'café latte', from: '2024-02-01', min: 5, currency: 'EUR', merchant: 'Bäckerei', review: 'needs', engine: 'paddle', sort: 'amount' });
    const params = queryToParams(query, new URLSearchParams('engine=tesseract'));
    expect(params.get('engine')).toBe('tesseract');
    expect(params.get('read-by')).toBe('paddle');
    expect(queryFromParams(params)).toEqual(query);
    expect(queryToParams(EMPTY_QUERY, new URLSearchParams('q=x&engine=paddle')).toString()).toBe('engine=paddle');
    expect(queryFromParams(new URLSearchParams('from=yesterday&min=lots&currency=euro&review=maybe&sort=random'))).toEqual(EMPTY_QUERY);
  });
});
