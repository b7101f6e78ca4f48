import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { applyQuery } from '../library/query';
import { useLibrary } from '../store/library';
import { useView } from '../store/view';

/**
 * The documents the list, the overview and the exports show: the filters as they are now, the search as last
 * answered (so a letter typed keeps the previous results on screen until the index answers, without a blank list).
 */
export function useShownDocuments() {
  const documents = useLibrary((s) => s.documents);
  // The filters without the search box: a letter typed changes nothing here until the index answers.
  const filters = useView(useShallow(({ query: { q: _typing, ...filters } }) => filters));
  const matches = useView((s) => s.matches);
  const matchedQuery = useView((s) => s.matchedQuery);
  return useMemo(() => applyQuery(documents, { ...filters, q: matchedQuery }, matches), [documents, filters, matches, matchedQuery]);
}
