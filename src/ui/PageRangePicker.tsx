import { useState } from 'react';
import type { DocumentRecord } from '../db';
import { loupe } from '../app/loupe';
import { DEFAULT_RANGE, FIRST_PAGES, isPartial, parsePageRange, rangeIndexes } from '../reader/page-range';

/** For a long PDF: which pages were read, and a way to read others. */
export function PageRangePicker({ doc }: { doc: DocumentRecord }) {
  const range = doc.pageRange ?? DEFAULT_RANGE;
  const { first, last } = rangeIndexes(range, doc.pageCount);
  const [from, setFrom] = useState(String(Math.min(last + 2, doc.pageCount)));
  const [to, setTo] = useState(String(Math.min(last + 1 + FIRST_PAGES, doc.pageCount)));
  const [problem, setProblem] = useState<string>();
  if (doc.kind !== 'pdf' || doc.status === 'reading' || doc.status === 'queued' || !isPartial(doc.pageRange, doc.pageCount)) return null;
  return (
    <form
      className="page-range"
      data-testid="page-range"
      onSubmit={(event) => {
        event.preventDefault();
        const picked = parsePageRange(from, to, doc.pageCount);
        if (typeof picked === 'string') setProblem(picked);
        else {
          setProblem(undefined);
          void loupe.readPages(doc.id, picked);
        }
      }}
    >
      <p>
        This PDF has {doc.pageCount} pages; pages {first + 1}–{last + 1} were read. Read other pages instead (the pages shown now and their
        edits are replaced):
      </p>
      <label>
        From page <input data-testid="range-from" inputMode="numeric" value={from} size={4} onChange={(event) => setFrom(event.target.value)} />
      </label>{' '}
      <label>
        to <input data-testid="range-to" inputMode="numeric" value={to} size={4} onChange={(event) => setTo(event.target.value)} />
      </label>{' '}
      <button type="submit">Read these pages</button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
