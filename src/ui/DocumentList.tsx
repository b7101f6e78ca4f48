import { DEFAULT_RANGE, isPartial, rangeIndexes } from '../reader/page-range';
import { useLibrary } from '../store/library';
import type { DocumentRecord } from '../db';
import { chosenSmolVlm, loupe } from '../app/loupe';
import { useSettings } from '../store/settings';
import type { ChosenModel } from '../engines/smolvlm/choose';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useView } from '../store/view';
import { formatMoney } from './money';
import { findDuplicates } from '../library/duplicates';
import { openDocument } from '../app/document-route';

/**
 * The documents in view, virtualized: only the rows on screen (and a few either side) are in the page, so five
 * thousand receipts scroll like five. Rows keep their own heights (an error or a duplicate note makes one taller).
 */
export function DocumentList({ shown }: { shown: DocumentRecord[] }) {
  const documents = useLibrary((s) => s.documents);
  const matchedQuery = useView((s) => s.matchedQuery);
  const indexed = useView((s) => s.indexed);
  // Duplicates are found among every stored receipt, not only those in view.
  const duplicates = useMemo(() => {
    const byId = new Map(documents.map((doc) => [doc.id, doc]));
    const found = findDuplicates(documents.flatMap((doc) => (doc.fields ? [{ id: doc.id, createdAt: doc.createdAt, ...doc.fields.receipt }] : [])));
    return new Map([...found].map(([id, other]) => [id, byId.get(other)!]));
  }, [documents]);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands out fresh positions on every scroll, which is why this component is left unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => 70, gap: 6, overscan: 8, getItemKey: (i) => shown[i]!.id });
  if (!documents.length) return <p className="empty">No documents yet.</p>;
  return (
    <div ref={scroller} className="doc-scroll" data-testid="doc-list" data-query={matchedQuery} data-count={shown.length} data-indexed={indexed ?? ''}>
      {shown.length === 0 && <p className="empty">No document matches.</p>}
      <ul className="doc-list" aria-label="Documents" style={{ height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((item) => {
          const doc = shown[item.index]!;
          return (
            <DocumentRow
              key={item.key}
              doc={doc}
              duplicateOf={duplicates.get(doc.id)}
              index={item.index}
              of={shown.length}
              top={item.start}
              measure={rows.measureElement}
            />
          );
        })}
      </ul>
    </div>
  );
}

interface RowPlace {
  /** Its place in the list, and its offset from the list's top. */
  index: number;
  of: number;
  top: number;
  /** Tells the virtualizer the row's real height. */
  measure: (element: Element | null) => void;
}

// A row renders again only when its document or its place changes, not with every keystroke in the search.
const DocumentRow = memo(function DocumentRow({ doc, duplicateOf, index, of, top, measure }: { doc: DocumentRecord; duplicateOf: DocumentRecord | undefined } & RowPlace) {
  const selected = useLibrary((s) => s.selectedId === doc.id);
  const progress = useLibrary((s) => s.progress[doc.id]);
  const busy = doc.status === 'queued' || doc.status === 'reading';
  return (
    <li
      className="doc-row"
      data-testid="doc-row"
      data-status={doc.status}
      data-name={doc.name}
      data-doc-id={doc.id}
      data-index={index}
      aria-current={selected}
      aria-setsize={of}
      aria-posinset={index + 1}
      ref={measure}
      style={{ transform: `translateY(${top}px)` }}
    >
      <button type="button" className="open" onClick={() => openDocument(doc.id)}>
        {doc.name}
      </button>
      <span className={`status ${doc.status}`} data-testid="doc-status">
        {doc.status}
      </span>
      {doc.fields && <ReceiptSummary fields={doc.fields} />}
      <div className="meta">
        <span>{describeKind(doc)}</span>
        {doc.status === 'reading' && progress && progress.pageCount > 0 && (
          <span>
            page {Math.min(progress.pagesDone + 1, progress.pageCount)} of {progress.pageCount}
          </span>
        )}
        {doc.status === 'done' && doc.readMs !== undefined && <span>read in {(doc.readMs / 1000).toFixed(1)} s</span>}
      </div>
      {doc.status === 'reading' && progress && progress.pageCount > 0 && (
        <progress
          style={{ gridColumn: '1 / -1' }}
          max={progress.pageCount}
          value={progress.pagesDone}
          aria-label={`Reading ${doc.name}`}
        />
      )}
      {duplicateOf && (
        <p className="doc-duplicate" data-testid="duplicate-of" data-of={duplicateOf.id}>
          Possible duplicate: same merchant, date and total as{' '}
          <button type="button" className="link" onClick={() => openDocument(duplicateOf.id)}>
            {duplicateOf.name}
          </button>
        </p>
      )}
      {doc.status === 'failed' && doc.error && (
        <p className="doc-error" data-testid="doc-error" data-code={doc.error.code ?? ''}>
          {doc.error.message}
        </p>
      )}
      <div className="actions" style={{ gridColumn: '1 / -1' }}>
        {busy && (
          <button type="button" onClick={() => loupe.cancel(doc.id)}>
            Cancel
          </button>
        )}
        {doc.status === 'failed' && isRetryable(doc) && (
          <button type="button" onClick={() => void loupe.retry(doc.id)}>
            Retry
          </button>
        )}
        {doc.status === 'failed' && doc.error?.code?.startsWith('gpu-') && <GpuFallback docId={doc.id} offerSmaller={doc.error.code !== 'gpu-unavailable'} />}
        <button type="button" aria-label={`Delete ${doc.name}`} onClick={() => void loupe.remove(doc.id)}>
          Delete
        </button>
      </div>
    </li>
  );
});

/** What a receipt is at a glance: merchant, date and total, as the fields say now. */
function ReceiptSummary({ fields }: { fields: NonNullable<DocumentRecord['fields']> }) {
  const { merchantName, date, total, currency } = fields.receipt;
  const amount = total === null ? null : formatMoney(total, currency);
  const parts = [merchantName, date, amount].filter(Boolean);
  if (!parts.length) return null;
  return (
    <p className="doc-summary" data-testid="doc-summary">
      {parts.join(' · ')}
      {!fields.review.ok && <span className="needs-review"> · needs review</span>}
    </p>
  );
}

/** After the GPU gave up: one click to read the page again on the CPU, or with the next smaller model. */
function GpuFallback({ docId, offerSmaller }: { docId: string; offerSmaller: boolean }) {
  const model = useSettings((s) => s.smolvlm.model);
  const [smaller, setSmaller] = useState<ChosenModel['smaller']>();
  useEffect(() => {
    void chosenSmolVlm().then((chosen) => setSmaller(chosen.smaller));
  }, [model]);
  return (
    <>
      <button type="button" data-testid="retry-wasm" onClick={() => void loupe.retryWith(docId, { device: 'wasm' })}>
        Retry on the CPU (WASM)
      </button>
      {offerSmaller && smaller && (
        <button type="button" data-testid="retry-smaller" onClick={() => void loupe.retryWith(docId, { model: smaller.id })}>
          Retry with {smaller.label}
        </button>
      )}
    </>
  );
}

/** Retrying cannot fix a file that is not a document or is damaged. */
function isRetryable(doc: DocumentRecord): boolean {
  const code = doc.error?.code;
  return !code || !['empty-file', 'unsupported-type', 'corrupt-image', 'corrupt-pdf'].includes(code);
}

function describeKind(doc: DocumentRecord): string {
  const { first, last } = rangeIndexes(doc.pageRange ?? DEFAULT_RANGE, doc.pageCount);
  const partial = doc.status === 'done' && isPartial(doc.pageRange, doc.pageCount) ? ` (pages ${first + 1}–${last + 1} read)` : '';
  const pages = doc.pageCount ? `${doc.pageCount} page${doc.pageCount === 1 ? '' : 's'}${partial}` : '';
  const kind = doc.kind === 'pdf' ? 'PDF' : doc.kind === 'image' ? 'Image' : '';
  return [kind, pages, formatBytes(doc.size)].filter(Boolean).join(' · ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
