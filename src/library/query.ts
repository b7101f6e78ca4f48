/**
 * What the list shows: a search, filters and a sort, kept in the URL so a view can be bookmarked and the back
 * button returns to the one before. Pure: the search's matches come in from the index, the rest is read from
 * each document's fields (the user's edits included, since those are the fields).
 */
import type { DocumentRecord } from '../db';
import { ocrKey } from './ocr-key';

export type SortKey = 'best' | 'added' | 'date' | 'amount' | 'merchant';
export type ReviewFilter = '' | 'needs' | 'ok';

export interface LibraryQuery {
  q: string;
  /** Receipt dates, ISO, inclusive. */
  from: string;
  to: string;
  /** Totals, inclusive. */
  min: number | null;
  max: number | null;
  currency: string;
  /** A merchant's name; receipts whose merchant has the same OCR key match. */
  merchant: string;
  review: ReviewFilter;
  engine: string;
  /** `best` orders a search by relevance and anything else by date added. */
  sort: SortKey;
}

export const EMPTY_QUERY: LibraryQuery = { q: '', from: '', to: '', min: null, max: null, currency: '', merchant: '', review: '', engine: '', sort: 'best' };

// URL names. `engine` already picks the engine for a visit, so the engine filter is `read-by`.
const PARAM = { q: 'q', from: 'from', to: 'to', min: 'min', max: 'max', currency: 'currency', merchant: 'merchant', review: 'review', engine: 'read-by', sort: 'sort' } as const;
const SORTS: readonly SortKey[] = ['best', 'added', 'date', 'amount', 'merchant'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const numberParam = (value: string | null) => {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The query a URL carries; anything malformed is left out rather than failing the page. */
export function queryFromParams(params: URLSearchParams): LibraryQuery {
  const text = (key: keyof typeof PARAM) => params.get(PARAM[key])?.trim() ?? '';
  const date = (key: 'from' | 'to') => (ISO_DATE.test(text(key)) ? text(key) : '');
  const review = text('review');
  const sort = text('sort') as SortKey;
  return {
    q: params.get(PARAM.q) ?? '',
    from: date('from'),
    to: date('to'),
    min: numberParam(params.get(PARAM.min)),
    max: numberParam(params.get(PARAM.max)),
    currency: /^[A-Z]{3}$/.test(text('currency')) ? text('currency') : '',
    merchant: text('merchant'),
    review: review === 'needs' || review === 'ok' ? review : '',
    engine: text('engine'),
    sort: SORTS.includes(sort) ? sort : 'best',
  };
}

/** The URL's parameters with this query in them; parameters that are not the query's (`engine`) stay. */
export function queryToParams(query: LibraryQuery, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of Object.keys(PARAM) as (keyof LibraryQuery)[]) {
    const value = query[key];
    if (value === EMPTY_QUERY[key] || value === '') params.delete(PARAM[key]);
    else params.set(PARAM[key], String(value));
  }
  return params;
}

/** Whether a search has anything to search for: `-` or spaces alone are no search. */
export const isSearch = (q: string) => /[\p{L}\p{N}]/u.test(q);

export const isFiltered = (query: LibraryQuery) =>
  isSearch(query.q) || (Object.keys(EMPTY_QUERY) as (keyof LibraryQuery)[]).some((key) => key !== 'sort' && key !== 'q' && query[key] !== EMPTY_QUERY[key]);

const receiptOf = (doc: DocumentRecord) => doc.fields?.receipt;

function keeps(query: LibraryQuery, merchantKey: string) {
  return (doc: DocumentRecord): boolean => {
    const receipt = receiptOf(doc);
    const date = receipt?.date ?? null;
    const total = receipt?.total ?? null;
    if ((query.from || query.to) && (!date || (query.from && date < query.from) || (query.to && date > query.to))) return false;
    if ((query.min !== null || query.max !== null) && (total === null || (query.min !== null && total < query.min) || (query.max !== null && total > query.max))) return false;
    if (query.currency && receipt?.currency !== query.currency) return false;
    if (merchantKey && ocrKey(receipt?.merchantName ?? '') !== merchantKey) return false;
    if (query.review === 'needs' && doc.fields?.review.ok !== false) return false;
    if (query.review === 'ok' && doc.fields?.review.ok !== true) return false;
    if (query.engine && doc.engine !== query.engine) return false;
    return true;
  };
}

// Unknown values sort last whichever way the rest goes.
const byKnown = <T>(value: (doc: DocumentRecord) => T | null, compare: (a: T, b: T) => number) => (a: DocumentRecord, b: DocumentRecord) => {
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return compare(x, y);
};
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const SORT: Record<Exclude<SortKey, 'best'>, (a: DocumentRecord, b: DocumentRecord) => number> = {
  added: (a, b) => b.createdAt - a.createdAt,
  date: byKnown((d) => receiptOf(d)?.date ?? null, (x, y) => y.localeCompare(x)),
  amount: byKnown((d) => receiptOf(d)?.total ?? null, (x, y) => y - x),
  merchant: byKnown((d) => receiptOf(d)?.merchantName || null, collator.compare),
};

/**
 * The documents the query shows, in its order. `matches`: the search's hits for `query.q`, best first (ignored
 * for a blank search). Newest first breaks ties, so the order never jumps between two equal receipts.
 */
export function applyQuery(documents: readonly DocumentRecord[], query: LibraryQuery, matches: readonly string[] = []): DocumentRecord[] {
  const searching = isSearch(query.q);
  const rank = new Map(matches.map((id, i) => [id, i]));
  const keep = keeps(query, ocrKey(query.merchant));
  const shown = documents.filter((doc) => (!searching || rank.has(doc.id)) && keep(doc));
  const order =
    query.sort === 'best' ? (searching ? (a: DocumentRecord, b: DocumentRecord) => rank.get(a.id)! - rank.get(b.id)! : SORT.added) : SORT[query.sort];
  return shown.sort((a, b) => order(a, b) || SORT.added(a, b) || a.id.localeCompare(b.id));
}
