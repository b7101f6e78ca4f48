/**
 * Where the phone layout keeps which document is open: a `doc` URL parameter beside the list's query (so a reload
 * reopens it), and in the history entry, whether that entry was pushed from the list and where the list was scrolled.
 * Pure, so the round trip is tested without a browser.
 */

const DOC_PARAM = 'doc';

export interface ListScroll {
  /** The page's scroll and the list's own, in CSS pixels. */
  page: number;
  list: number;
}

/** What Loupe keeps in `history.state`; other keys an entry carries are kept as they are. */
export interface RouteState {
  /** This entry opened a document from the list, so going back returns to the list. */
  fromList?: true;
  /** Where the list was when a document was opened from it. */
  listScroll?: ListScroll;
}

/** The open document's id in a URL's search, or undefined. */
export function docFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get(DOC_PARAM)?.trim() || undefined;
}

/** The URL with this document open (or none), every other parameter as it was. */
export function urlWithDoc(href: string, id: string | undefined): string {
  const url = new URL(href);
  if (id) url.searchParams.set(DOC_PARAM, id);
  else url.searchParams.delete(DOC_PARAM);
  return url.href;
}

const isScroll = (value: unknown): value is ListScroll =>
  typeof value === 'object' && value !== null && Number.isFinite((value as ListScroll).page) && Number.isFinite((value as ListScroll).list);

/** Loupe's part of a history entry's state, whatever else (or nothing) is there. */
export function routeState(state: unknown): RouteState {
  if (typeof state !== 'object' || state === null) return {};
  const { fromList, listScroll } = state as Record<string, unknown>;
  return { ...(fromList === true ? { fromList } : {}), ...(isScroll(listScroll) ? { listScroll } : {}) };
}

/** The entry's state with the list's scroll remembered, the rest kept. */
export function withListScroll(state: unknown, listScroll: ListScroll): object {
  return { ...(typeof state === 'object' && state !== null ? state : {}), listScroll };
}
