import { useState } from 'react';
import type { DocumentRecord, ReceiptFields } from '../db';
import type { LineItem, Receipt } from '../receipt/schema';
import { loupe } from '../app/loupe';
import { MistralAction } from './MistralAction';
import { SmolVlmFieldsAction } from './SmolVlmFieldsAction';
import { parseNumberInput } from '../receipt/number-input';
import type { PageRecord } from '../db';
import { linesOfField, type LocatedField } from '../library/field-lines';
import { selectShown, useHighlight } from '../store/highlight';
import { useNavigation } from '../store/navigation';

type TextKey = 'merchantName' | 'merchantAddress' | 'paymentMethod' | 'date' | 'time' | 'currency';
type MoneyKey = 'subtotal' | 'tax' | 'tip' | 'total';

/** How an input's text becomes the field's value: empty is null; an error is shown, nothing saved. */
type Read = (raw: string) => { value: string | null } | { error: string };
const text: Read = (raw) => ({ value: raw.trim() || null });

/** The text-like fields, in the order shown. Date and time inputs already give ISO values. */
const TEXT_FIELDS: { key: TextKey; label: string; type?: 'date' | 'time'; placeholder?: string; maxLength?: number; read: Read }[] = [
  { key: 'merchantName', label: 'Merchant', read: text },
  { key: 'merchantAddress', label: 'Address', read: text },
  { key: 'paymentMethod', label: 'Payment', read: text },
  { key: 'date', label: 'Date', type: 'date', read: text },
  { key: 'time', label: 'Time', type: 'time', read: text },
  {
    key: 'currency',
    label: 'Currency',
    placeholder: 'EUR',
    maxLength: 3,
    read: (raw) => {
      const code = raw.trim().toUpperCase();
      return !code || /^[A-Z]{3}$/.test(code) ? { value: code || null } : { error: 'use a three-letter code such as EUR or USD.' };
    },
  },
];
const MONEY_FIELDS: [MoneyKey, string][] = [
  ['subtotal', 'Subtotal'],
  ['tax', 'Tax'],
  ['tip', 'Tip'],
  ['total', 'Total'],
];

/** Focusing or pointing at a field highlights where on the page images it was read. */
const pointAt = (field: LocatedField) => ({
  onFocus: () => useHighlight.setState({ focused: field }),
  onMouseEnter: () => useHighlight.setState({ hovered: field }),
  onMouseLeave: () => useHighlight.setState({ hovered: undefined }),
});
type FieldKey = TextKey | MoneyKey;
const ALL_FIELDS: FieldKey[] = [...TEXT_FIELDS.map((f) => f.key), ...MONEY_FIELDS.map(([key]) => key)];
/** On a phone these come first; the rest are folded below them. */
const KEY_FIELDS: FieldKey[] = ['total', 'date', 'merchantName'];
const OTHER_FIELDS = ALL_FIELDS.filter((key) => !KEY_FIELDS.includes(key));

const LABELS: Record<LocatedField, string> = Object.fromEntries([...TEXT_FIELDS.map((f) => [f.key, f.label]), ...MONEY_FIELDS]) as Record<LocatedField, string>;

/** Says where the shown field was read, or why it has no place on the image. */
function FieldWhere({ fields, pages }: { fields: ReceiptFields; pages: PageRecord[] }) {
  const field = useHighlight(selectShown);
  if (!field) return <p className="field-where muted" data-testid="field-where" aria-live="polite" />;
  const label = LABELS[field];
  let where: string;
  if (fields.source !== 'local') where = `${label} was answered by ${fields.source === 'mistral' ? 'Mistral' : 'SmolVLM'}: it has no box on the image.`;
  else if (fields.receipt[field] === null) where = `${label} is empty.`;
  else {
    const places = linesOfField(field, fields.receipt, pages);
    const onPages = [...new Set(places.map((p) => p.page + 1))];
    where = places.length
      ? `${label}: read from ${places.length === 1 ? 'the highlighted line' : `${places.length} highlighted lines`} on page ${onPages.join(', ')}.`
      : `${label} is not in the lines read${fields.edited ? ' (typed by you)' : ''}: it has no box on the image.`;
  }
  return (
    <p className="field-where muted" data-testid="field-where" data-field={field} aria-live="polite">
      {where}
    </p>
  );
}

/** The receipt's fields beside its text: editable, with the checks' verdict and the structuring actions. */
export function FieldsPanel({ doc, text, pages }: { doc: DocumentRecord; text: string; pages: PageRecord[] }) {
  const fields = doc.fields;
  // Kept here, not in the form, which mounts again after every save.
  const [moreOpen, setMoreOpen] = useState(false);
  if (doc.status !== 'done') return null;
  return (
    <section className="fields" aria-labelledby="fields-title" data-testid="fields" data-source={fields?.source ?? ''}>
      <h3 id="fields-title">Receipt fields</h3>
      {fields ? <FieldsForm key={`${doc.id}-${doc.updatedAt}`} doc={doc} fields={fields} moreOpen={moreOpen} onMoreToggle={setMoreOpen} /> : <p className="muted">No fields yet.</p>}
      {fields && <FieldWhere fields={fields} pages={pages} />}
      <FieldActions doc={doc} text={text} />
    </section>
  );
}

function Review({ review }: { review: ReceiptFields['review'] }) {
  return review.ok ? (
    <p className="review ok" data-testid="fields-review" data-ok="true">
      Checks passed: the amounts add up.
    </p>
  ) : (
    <div className="review flagged" data-testid="fields-review" data-ok="false" role="status">
      <strong>Needs review</strong>
      <ul>
        {review.issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
    </div>
  );
}

function FieldsForm({ doc, fields, moreOpen, onMoreToggle }: { doc: DocumentRecord; fields: ReceiptFields; moreOpen: boolean; onMoreToggle: (open: boolean) => void }) {
  const phone = useNavigation((s) => s.phone);
  const [draft, setDraft] = useState<Receipt>(fields.receipt);
  const [invalid, setInvalid] = useState<string>();
  const save = (next: Receipt) => {
    setDraft(next);
    void loupe.saveFields(doc.id, next);
  };
  /** Amounts show with their cents ("16.00"); quantities as they are. */
  const numberInput = (label: string, value: number | null, onValue: (n: number | null) => void, { testId, cents = true, field }: { testId?: string; cents?: boolean; field?: LocatedField } = {}) => (
    <input
      {...(field ? pointAt(field) : {})}
      aria-label={label}
      data-testid={testId}
      inputMode="decimal"
      defaultValue={value === null ? '' : cents ? value.toFixed(2) : String(value)}
      onBlur={(event) => {
        const parsed = parseNumberInput(event.target.value, cents ? 2 : 3);
        if (parsed === undefined) setInvalid(`${label}: “${event.target.value}” is not a number with at most ${cents ? 2 : 3} decimals.`);
        else {
          setInvalid(undefined);
          if (parsed !== value) onValue(parsed);
        }
      }}
    />
  );
  const setItem = (i: number, patch: Partial<LineItem>) =>
    save({ ...draft, lineItems: draft.lineItems.map((item, j) => (j === i ? { ...item, ...patch } : item)) });
  const field = (key: FieldKey) => {
    const textField = TEXT_FIELDS.find((f) => f.key === key);
    if (!textField) {
      const [money, label] = MONEY_FIELDS.find(([k]) => k === key)!;
      return (
        <label key={key}>
          {label}
          {numberInput(label, draft[money], (n) => save({ ...draft, [money]: n }), { testId: `field-${money}`, field: money })}
        </label>
      );
    }
    const { label, type, placeholder, maxLength, read } = textField;
    return (
      <label key={key}>
        {label}
        <input
          {...pointAt(textField.key)}
          data-testid={`field-${textField.key}`}
          type={type}
          step={type === 'time' ? 1 : undefined}
          placeholder={placeholder}
          maxLength={maxLength}
          defaultValue={draft[textField.key] ?? ''}
          onBlur={(event) => {
            const result = read(event.target.value);
            if ('error' in result) return setInvalid(`${label}: ${result.error}`);
            setInvalid(undefined);
            if (result.value !== draft[textField.key]) save({ ...draft, [textField.key]: result.value });
          }}
        />
      </label>
    );
  };
  const grid = (keys: FieldKey[], className = 'field-grid') => (
    <div className={className} onBlur={() => useHighlight.setState({ focused: undefined })}>
      {keys.map(field)}
    </div>
  );
  const source = (
    <p className="muted">
      From {fields.source === 'mistral' ? 'Mistral' : fields.source === 'smolvlm' ? 'SmolVLM, looking at the image on this device' : 'the text, on this device'}
      {fields.edited && ', edited by you'}.
    </p>
  );
  const error = invalid && (
    <p className="field-error" role="alert">
      {invalid}
    </p>
  );
  const items = (
    <>
      <table className="items" data-testid="line-items">
        <caption>Line items ({draft.lineItems.length})</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Qty</th>
            <th scope="col">Unit price</th>
            <th scope="col">Amount</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.lineItems.map((item, i) => (
            <tr key={`${i}-${item.description}`}>
              <td>
                <input
                  aria-label={`Item ${i + 1} description`}
                  defaultValue={item.description}
                  onBlur={(event) => event.target.value !== item.description && setItem(i, { description: event.target.value })}
                />
              </td>
              <td>{numberInput(`Item ${i + 1} quantity`, item.quantity, (quantity) => setItem(i, { quantity }), { cents: false })}</td>
              <td>{numberInput(`Item ${i + 1} unit price`, item.unitPrice, (unitPrice) => setItem(i, { unitPrice }))}</td>
              <td>{numberInput(`Item ${i + 1} amount`, item.amount, (amount) => setItem(i, { amount }))}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove item ${i + 1}`}
                  onClick={() => save({ ...draft, lineItems: draft.lineItems.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => save({ ...draft, lineItems: [...draft.lineItems, { description: '', quantity: null, unitPrice: null, amount: null }] })}
      >
        Add item
      </button>
    </>
  );
  if (!phone)
    return (
      <>
        <Review review={fields.review} />
        {source}
        {grid(ALL_FIELDS)}
        {error}
        {items}
      </>
    );
  // A phone shows what a receipt is mostly checked for first, and folds the rest.
  return (
    <>
      {grid(KEY_FIELDS, 'field-grid key-fields')}
      {error}
      <Review review={fields.review} />
      <details className="more-fields" data-testid="more-fields" open={moreOpen} onToggle={(event) => onMoreToggle(event.currentTarget.open)}>
        <summary>More fields and line items</summary>
        {source}
        {grid(OTHER_FIELDS)}
        {items}
      </details>
    </>
  );
}

function FieldActions({ doc, text }: { doc: DocumentRecord; text: string }) {
  return (
    <div className="actions">
      <button type="button" data-testid="extract-again" onClick={() => void loupe.extractFields(doc.id, { overwriteEdited: true })}>
        {doc.fields?.edited ? 'Extract again from text (replaces your edits)' : 'Extract again from text'}
      </button>
      <SmolVlmFieldsAction doc={doc} />
      <MistralAction doc={doc} text={text} />
    </div>
  );
}
