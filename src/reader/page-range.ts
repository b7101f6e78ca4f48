/** Pages of a document to read, 1-based and inclusive, as people number them. */
export interface PageRange {
  from: number;
  to: number;
}

/**
 * A long PDF is read this many pages at a time unless the user picks others: a 400-page scan
 * dropped by mistake costs a minute, not an hour, and the rest is one click away.
 */
export const FIRST_PAGES = 20;

export const DEFAULT_RANGE: PageRange = { from: 1, to: FIRST_PAGES };

/** The 0-based page indexes of a range that exist in a document of `pageCount` pages. */
export function rangeIndexes(range: PageRange, pageCount: number): { first: number; last: number } {
  return { first: Math.max(0, range.from - 1), last: Math.min(pageCount, range.to) - 1 };
}

/** Whether reading `range` leaves pages of the document unread. */
export function isPartial(range: PageRange | undefined, pageCount: number): boolean {
  const { first, last } = rangeIndexes(range ?? DEFAULT_RANGE, pageCount);
  return first > 0 || last < pageCount - 1;
}

/** The user's "from"–"to" within a document, or the reason it is not a range of it. */
export function parsePageRange(from: string, to: string, pageCount: number): PageRange | string {
  const a = Number(from);
  const b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b)) return 'Page numbers are whole numbers.';
  if (a < 1 || b < 1 || a > pageCount || b > pageCount) return `This PDF has pages 1 to ${pageCount}.`;
  if (a > b) return 'The first page comes before the last.';
  return { from: a, to: b };
}
