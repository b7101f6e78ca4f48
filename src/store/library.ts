import { create } from 'zustand';
import { newestFirst, type DocumentRecord } from '../db';
import type { ReadProgress } from '../reader/read-document';
import type { QueueState } from '../reader/queue';

interface LibraryState {
  documents: DocumentRecord[];
  selectedId: string | undefined;
  /** Live progress of documents being read, by id. */
  progress: Record<string, ReadProgress>;
  queue: QueueState;
  /** A problem that belongs to no single document (storage full, worker crash), shown as a banner. */
  notice: string | undefined;
  /** Documents whose text is with Mistral right now. */
  structuring: Record<string, true>;
  /** The last Mistral failure per document; its local fields stay. */
  structureErrors: Record<string, string>;
}

export const useLibrary = create<LibraryState>()(() => ({
  documents: [],
  selectedId: undefined,
  progress: {},
  queue: { waiting: [], current: undefined, finished: 0 },
  notice: undefined,
  structuring: {},
  structureErrors: {},
}));

/** A per-document record without one document's entry (progress, structuring state). */
export function withoutDoc<T>(record: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

/** The list with one document as stored now: replaced in place, added in its place (newest first), or gone. */
export function withDocument(documents: DocumentRecord[], id: string, doc: DocumentRecord | undefined): DocumentRecord[] {
  const at = documents.findIndex((d) => d.id === id);
  if (!doc) return at === -1 ? documents : documents.filter((d) => d.id !== id);
  if (at !== -1) return documents.map((d, i) => (i === at ? doc : d));
  const before = documents.findIndex((d) => newestFirst(doc, d) < 0);
  return before === -1 ? [...documents, doc] : [...documents.slice(0, before), doc, ...documents.slice(before)];
}

export const selectSelected = (state: LibraryState) => state.documents.find((d) => d.id === state.selectedId);

/** Overall progress of the queue: documents finished out of all in this run, with the current one's fraction. */
export function queueProgress(state: LibraryState): { done: number; total: number; fraction: number } | undefined {
  const { queue, progress } = state;
  const total = queue.finished + queue.waiting.length + (queue.current ? 1 : 0);
  if (!total || (!queue.current && !queue.waiting.length)) return undefined;
  const current = queue.current ? progress[queue.current] : undefined;
  const partial = current && current.pageCount ? current.pagesDone / current.pageCount : 0;
  return { done: queue.finished, total, fraction: (queue.finished + partial) / total };
}
