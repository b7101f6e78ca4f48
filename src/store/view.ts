import { create } from 'zustand';
import { EMPTY_QUERY, type LibraryQuery } from '../library/query';

interface ViewState {
  /** What the list is asked to show; mirrored in the URL. */
  query: LibraryQuery;
  /** The search index's answer, best first, and the search it answers (the list shows it until the next one arrives). */
  matches: string[];
  matchedQuery: string;
  /** How many documents the search index holds; undefined until its first sync. */
  indexed: number | undefined;
  /** Whether the overview is unfolded; it stays as the user left it while the page is open. */
  overviewOpen: boolean;
}

export const useView = create<ViewState>()(() => ({ query: EMPTY_QUERY, matches: [], matchedQuery: '', indexed: undefined, overviewOpen: false }));
