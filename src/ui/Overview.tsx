import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DocumentRecord } from '../db';
import { monthRange, overview, type Bucket, type CurrencyOverview } from '../library/overview';
import { setQuery } from '../app/library-view';
import { useView } from '../store/view';
import { formatMoney } from './money';

// Months beyond the last year of a long history stay in the table, not in the chart.
const CHART_MONTHS = 12;

const money = (minor: number, currency: string) => (currency ? formatMoney(minor / 100, currency) : `${formatMoney(minor / 100, null)} (currency not read)`);
const monthLabel = (key: string) => new Date(`${key}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const receipts = (count: number) => `${count} receipt${count === 1 ? '' : 's'}`;

/** Where the money went, for the documents in view: one chart per currency, bars that filter the list, and the figures as a table. */
export function Overview({ documents }: { documents: DocumentRecord[] }) {
  const sets = useMemo(() => overview(documents), [documents]);
  const open = useView((s) => s.overviewOpen);
  if (!sets.length) return null;
  // Closed, it still says the sums; open, it is long enough to push the list down, so it opens when asked.
  return (
    <details className="overview" data-testid="overview" open={open} onToggle={(event) => useView.setState({ overviewOpen: event.currentTarget.open })}>
      <summary>
        Where the money went: {sets.map((set) => money(set.minor, set.currency)).join(' · ')}
      </summary>
      {open && sets.map((set) => <CurrencyChart key={set.currency} set={set} />)}
    </details>
  );
}

function CurrencyChart({ set }: { set: CurrencyOverview }) {
  const query = useView(useShallow(({ query: { currency, from, to, merchant } }) => ({ currency, from, to, merchant })));
  const months = set.months.slice(-CHART_MONTHS);
  const title = `${money(set.minor, set.currency)} in ${receipts(set.count)}`;
  const monthOn = (key: string) => query.currency === set.currency && query.from === monthRange(key).from && query.to === monthRange(key).to;
  const merchantOn = (key: string) => query.currency === set.currency && query.merchant === key;
  return (
    <section className="currency-chart" aria-label={title} data-currency={set.currency}>
      <h3>{title}</h3>
      <Bars
        kind="month"
        heading="Per month"
        buckets={months}
        set={set}
        label={monthLabel}
        isOn={monthOn}
        onPick={(key) => setQuery(monthOn(key) ? { from: '', to: '', currency: '' } : { ...monthRange(key), currency: set.currency })}
      />
      {set.undated.count > 0 && <p className="muted">Without a date: {money(set.undated.minor, set.currency)} in {receipts(set.undated.count)}.</p>}
      <Bars
        kind="merchant"
        heading="Per merchant"
        buckets={set.merchants}
        set={set}
        label={(key) => key}
        isOn={merchantOn}
        onPick={(key) => setQuery(merchantOn(key) ? { merchant: '', currency: '' } : { merchant: key, currency: set.currency })}
      />
      {set.otherMerchants.count > 0 && <p className="muted">Other or unnamed merchants: {money(set.otherMerchants.minor, set.currency)} in {receipts(set.otherMerchants.count)}.</p>}
      <FiguresTable set={set} />
    </section>
  );
}

function Bars(props: {
  kind: 'month' | 'merchant';
  heading: string;
  buckets: Bucket[];
  set: CurrencyOverview;
  label: (key: string) => string;
  isOn: (key: string) => boolean;
  onPick: (key: string) => void;
}) {
  const { kind, heading, buckets, set, label, isOn, onPick } = props;
  if (!buckets.length) return null;
  const largest = Math.max(...buckets.map((b) => b.minor), 1);
  return (
    <div className="bars">
      <h4>{heading}</h4>
      {buckets.map((bucket) => (
        <button
          key={bucket.key}
          type="button"
          className="bar"
          data-testid="overview-bar"
          data-kind={kind}
          data-key={bucket.key}
          data-currency={set.currency}
          aria-pressed={isOn(bucket.key)}
          title={`Show only these ${receipts(bucket.count)}; click again to show all`}
          onClick={() => onPick(bucket.key)}
        >
          <span className="bar-label">{label(bucket.key)}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.max((bucket.minor / largest) * 100, bucket.minor > 0 ? 1 : 0)}%` }} />
          </span>
          <span className="bar-value">{money(bucket.minor, set.currency)}</span>
        </button>
      ))}
    </div>
  );
}

/** Every figure the chart draws, and the months it leaves out, for screen readers. */
function FiguresTable({ set }: { set: CurrencyOverview }) {
  const rows: [string, Bucket][] = [...set.months.map((m): [string, Bucket] => [monthLabel(m.key), m]), ...set.merchants.map((m): [string, Bucket] => [m.key, m])];
  return (
    <table className="visually-hidden" data-testid="overview-table">
      <caption>Totals in {set.currency || 'an unread currency'}, per month then per merchant</caption>
      <thead>
        <tr>
          <th scope="col">Month or merchant</th>
          <th scope="col">Total</th>
          <th scope="col">Receipts</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, bucket], i) => (
          <tr key={`${i}-${bucket.key}`}>
            <th scope="row">{name}</th>
            <td>{money(bucket.minor, set.currency)}</td>
            <td>{bucket.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
