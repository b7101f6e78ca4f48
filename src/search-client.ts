import type { SearchRequest, SearchResponse } from './protocol';
import { WorkerConnection } from './workers/connection';

const connection = new WorkerConnection<SearchRequest, SearchResponse>(
  () => new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module', name: 'loupe-search' }),
  (id, target) => ({ type: 'cancel', id, target }),
);

/** Brings the search index in step with what is stored; resolves with how many documents it holds. */
export function syncSearch(): Promise<{ size: number; changed: number }> {
  return connection.call(
    (id) => ({ type: 'sync', id }),
    (reply) => (reply.type === 'synced' ? { size: reply.size, changed: reply.changed } : undefined),
  );
}

/** Ids of the documents matching the query, best first. */
export function searchDocuments(query: string): Promise<string[]> {
  return connection.call(
    (id) => ({ type: 'search', id, query }),
    (reply) => (reply.type === 'results' ? reply.ids : undefined),
  );
}
