/// <reference lib="webworker" />
// The search index lives here, off the main thread: building it for thousands of receipts, searching it with
// fuzzy matching and writing it to IndexedDB never hold up a keystroke.
import { getSearchIndex, listDocuments, pagesOf, putSearchIndex } from '../src/db';
import { serializeError } from '../src/errors';
import { SearchIndex } from '../src/library/search-index';
import type { SearchRequest, SearchResponse } from '../src/protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: SearchResponse) => self.postMessage(message);
const loaded = getSearchIndex().then(SearchIndex.fromJSON, () => SearchIndex.empty());
// Syncs run one after another; searches answer from the index as it stands.
let syncing: Promise<unknown> = loaded;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
// Pages are read in slices so a search asked during a first, long sync is answered between them.
const SLICE = 250;

async function sync(): Promise<{ size: number; changed: number }> {
  const index = await loaded;
  const documents = await listDocuments();
  const { stale, gone } = index.changes(documents);
  gone.forEach((id) => index.remove(id));
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  for (let at = 0; at < stale.length; at += SLICE) {
    const slice = stale.slice(at, at + SLICE);
    const pages = await pagesOf(slice);
    for (const id of slice) {
      const doc = byId.get(id)!;
      const text = (pages.get(id) ?? []).map((page) => page.editedText ?? page.text).join('\n');
      index.put({ id, version: doc.updatedAt, name: doc.name, merchant: doc.fields?.receipt.merchantName ?? '', text });
    }
  }
  const changed = stale.length + gone.length;
  // A deleted document's words leave storage at once; new and edited ones may wait for the queue to settle.
  if (gone.length) save(index);
  else if (changed) scheduleSave(index);
  return { size: index.size, changed };
}

// Kept a moment after the last change, so a queue of receipts writes the index once, not once per receipt.
function scheduleSave(index: SearchIndex) {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => save(index), 1500);
}

function save(index: SearchIndex) {
  clearTimeout(saveTimer);
  index
    .compact()
    .then(() => putSearchIndex(index.toJSON()))
    .catch((error: unknown) => console.warn('Loupe could not keep its search index; it is built again on the next visit', error));
}

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') return;
  const { id } = request;
  let answer: Promise<void>;
  if (request.type === 'sync') {
    const run = syncing.then(sync, sync);
    syncing = run;
    answer = run.then((result) => post({ type: 'synced', id, ...result }));
  } else answer = loaded.then((index) => post({ type: 'results', id, ids: index.search(request.query) }));
  answer.catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }));
});
