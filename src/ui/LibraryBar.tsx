import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EMPTY_QUERY, isFiltered, type LibraryQuery, type ReviewFilter, type SortKey } from '../library/query';
import { setQuery } from '../app/library-view';
import { useLibrary } from '../store/library';
import { useView } from '../store/view';
import { ENGINE_INFO, isEngineId } from '../engines/registry';
import { parseNumberInput } from '../receipt/number-input';

const SORTS: [SortKey, string][] = [
  ['best', 'Best match, else newest'],
  ['added', 'Date added'],
  ['date', 'Receipt date'],
  ['amount', 'Amount'],
  ['merchant', 'Merchant'],
];

/** The search box, the filters and the sort over every stored document. */
export function LibraryBar({ shown }: { shown: number }) {
  const count = useLibrary((s) => s.documents.length);
  if (!count) return null;
  return (
    <search className="library-bar" aria-label="Find documents">
      <SearchBox />
      <Filters />
      <ResultCount shown={shown} />
    </search>
  );
}

function SearchBox() {
  const q = useView((s) => s.query.q);
  return (
    <label className="search-box">
      <span className="visually-hidden">Search text, merchants and file names</span>
      <input type="search" data-testid="search" placeholder="Search text, merchants, file names" value={q} onChange={(event) => setQuery({ q: event.target.value }, { typing: true })} />
    </label>
  );
}

function ResultCount({ shown }: { shown: number }) {
  const query = useView((s) => s.query);
  const matchedQuery = useView((s) => s.matchedQuery);
  const indexed = useView((s) => s.indexed);
  const count = useLibrary((s) => s.documents.length);
  // Counts what the list shows: the filters now, the search as last answered.
  const filtered = isFiltered({ ...query, q: matchedQuery });
  return (
    <p className="muted result-count" data-testid="result-count" aria-live="polite">
      {filtered ? `${shown} of ${count} documents` : `${count} documents`}
      {query.q.trim() && indexed !== undefined && indexed < count && ` (indexing: ${indexed} of ${count} searchable so far)`}
      {filtered && (
        <>
          {' · '}
          <button type="button" className="link" data-testid="clear-filters" onClick={() => setQuery({ ...EMPTY_QUERY, sort: query.sort })}>
            Show all
          </button>
        </>
      )}
    </p>
  );
}

/** Filters and sort: they change the URL with every choice, so each is a step the back button undoes. */
function Filters() {
  const query = useView(useShallow(({ query: { q: _search, ...filters } }) => filters));
  const documents = useLibrary((s) => s.documents);
  const { currencies, merchants, engines } = useMemo(() => {
    const currencies = new Set<string>();
    const merchants = new Set<string>();
    const engines = new Set<string>();
    for (const doc of documents) {
      const receipt = doc.fields?.receipt;
      if (receipt?.currency) currencies.add(receipt.currency);
      if (receipt?.merchantName) merchants.add(receipt.merchantName);
      if (doc.engine) engines.add(doc.engine);
    }
    return { currencies: [...currencies].sort(), merchants: [...merchants].sort().slice(0, 200), engines: [...engines].sort() };
  }, [documents]);
  const set = (patch: Partial<LibraryQuery>) => setQuery(patch);
  const active = (['from', 'to', 'min', 'max', 'currency', 'merchant', 'review', 'engine'] as const).filter((key) => query[key] !== EMPTY_QUERY[key]).length;
  return (
    <details className="filters">
      <summary>Filters and sort{active ? ` (${active} on)` : ''}</summary>
      <div className="filter-grid">
        <label>
          Receipt date from
          <input type="date" data-testid="filter-from" value={query.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          to
          <input type="date" data-testid="filter-to" value={query.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          Total at least
          <AmountInput testId="filter-min" value={query.min} onValue={(min) => set({ min })} />
        </label>
        <label>
          at most
          <AmountInput testId="filter-max" value={query.max} onValue={(max) => set({ max })} />
        </label>
        <label>
          Currency
          <select data-testid="filter-currency" value={query.currency} onChange={(e) => set({ currency: e.target.value })}>
            <option value="">Any</option>
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Merchant
          <input data-testid="filter-merchant" list="known-merchants" value={query.merchant} onChange={(e) => setQuery({ merchant: e.target.value }, { typing: true })} />
          <datalist id="known-merchants">
            {merchants.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>
        <label>
          Review
          <select data-testid="filter-review" value={query.review} onChange={(e) => set({ review: e.target.value as ReviewFilter })}>
            <option value="">Any</option>
            <option value="needs">Needs review</option>
            <option value="ok">Adds up</option>
          </select>
        </label>
        <label>
          Read with
          <select data-testid="filter-engine" value={query.engine} onChange={(e) => set({ engine: e.target.value })}>
            <option value="">Any</option>
            {engines.map((engine) => (
              <option key={engine} value={engine}>
                {isEngineId(engine) ? ENGINE_INFO[engine].label : engine}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select data-testid="sort" value={query.sort} onChange={(e) => set({ sort: e.target.value as SortKey })}>
            {SORTS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}

/** An amount typed with a comma or a point; an empty box clears the bound, one that is no amount says so. */
function AmountInput({ testId, value, onValue }: { testId: string; value: number | null; onValue: (value: number | null) => void }) {
  const [invalid, setInvalid] = useState(false);
  return (
    <input
      key={value ?? ''}
      data-testid={testId}
      inputMode="decimal"
      aria-invalid={invalid}
      title={invalid ? 'Not an amount: type a number such as 12.50' : undefined}
      defaultValue={value ?? ''}
      onBlur={(e) => {
        const parsed = parseNumberInput(e.target.value);
        setInvalid(parsed === undefined);
        if (parsed !== undefined && parsed !== value) onValue(parsed);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}
