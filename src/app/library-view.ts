/**
 * Drives the list's view: the query lives in the URL (bookmarkable, the back button undoes a search or a filter),
 * the search runs in the search worker, and the index follows every change to the stored documents.
 */
import { isSearch, queryFromParams, queryToParams, type LibraryQuery } from '../library/query';
import { searchDocuments, syncSearch } from '../search-client';
import { useView } from '../store/view';
import { useLibrary } from '../store/library';

// Letters typed in a row make one history entry, so back undoes the search, not its last letter.
const TYPING_MS = 1500;
let lastTyped = -Infinity;
let asked = 0;

export function startLibraryView(): void {
  useView.setState({ query: queryFromParams(new URLSearchParams(location.search)) });
  // A bookmarked search is answered from the index kept from the last visit while it catches up.
  if (useView.getState().query.q.trim()) void runSearch();
  addEventListener('popstate', () => {
    useView.setState({ query: queryFromParams(new URLSearchParams(location.search)) });
    lastTyped = -Infinity;
    void runSearch();
  });
}

export function setQuery(patch: Partial<LibraryQuery>, { typing = false } = {}): void {
  const query = { ...useView.getState().query, ...patch };
  useView.setState({ query });
  const url = new URL(location.href);
  url.search = queryToParams(query, url.searchParams).toString();
  if (url.href !== location.href) {
    const now = performance.now();
    if (typing && now - lastTyped < TYPING_MS) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
    lastTyped = typing ? now : -Infinity;
  }
  if (patch.q !== undefined) void runSearch();
}

async function runSearch(): Promise<void> {
  const q = useView.getState().query.q;
  const ticket = ++asked;
  try {
    const matches = isSearch(q) ? await searchDocuments(q) : [];
    // Only the newest search's answer is shown; the worker answers in order, so older ones are dropped.
    if (ticket === asked) useView.setState({ matches, matchedQuery: q });
  } catch (error) {
    if (ticket !== asked) return;
    useView.setState({ matches: [], matchedQuery: '' });
    useLibrary.setState({ notice: `Search is not working: ${error instanceof Error ? error.message : String(error)}. The list shows every document the filters keep.` });
  }
}

let syncing: Promise<void> | undefined;
let again = false;

/** After stored documents change: the index catches up (one sync at a time, one more if asked meanwhile), then the search runs again. */
export function followStorage(): void {
  if (syncing) {
    again = true;
    return;
  }
  syncing = (async () => {
    do {
      again = false;
      const { size, changed } = await syncSearch();
      useView.setState({ indexed: size });
      if (changed && useView.getState().query.q.trim()) await runSearch();
    } while (again);
  })()
    .catch((error: unknown) => console.warn('Loupe could not update its search index', error))
    .finally(() => (syncing = undefined));
}
