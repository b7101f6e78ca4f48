import { DialogButton } from './DialogButton';
import { DEFAULT_MISTRAL_MODEL, MISTRAL_ENDPOINTS, useSettings, type DateOrder } from '../store/settings';
import { lazy, Suspense } from 'react';
import { ReloadForHosts } from './ReloadForHosts';

// The model menu, its file pickers and the stored-models list load when Settings first opens.
const SmolVlmSettingsFields = lazy(() => import('./SmolVlmSettings').then((m) => ({ default: m.SmolVlmSettingsFields })));

const DATE_ORDERS: [DateOrder, string][] = [
  ['auto', 'Automatic (from the receipt)'],
  ['DMY', 'Day first (31/12/2026)'],
  ['MDY', 'Month first (12/31/2026)'],
  ['YMD', 'Year first (2026-12-31)'],
];

/** Settings that change what Loupe extracts and whether anything may leave the device. */
export function SettingsButton() {
  return (
    <DialogButton label="Settings" name="settings" titleId="settings-title">
      <h2 id="settings-title">Settings</h2>
      <SettingsForm />
    </DialogButton>
  );
}

function SettingsForm() {
  const dateOrder = useSettings((s) => s.dateOrder);
  const setDateOrder = useSettings((s) => s.setDateOrder);
  const mistral = useSettings((s) => s.mistral);
  const setMistral = useSettings((s) => s.setMistral);
  return (
    <div className="settings">
      <ReloadForHosts />
      <label>
        Dates like 03/04/2026 are read as{' '}
        <select value={dateOrder} onChange={(event) => setDateOrder(event.target.value as DateOrder)}>
          {DATE_ORDERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <Suspense fallback={<p className="muted">Loading the SmolVLM settings…</p>}>
        <SmolVlmSettingsFields />
      </Suspense>
      <fieldset>
        <legend>Mistral structuring (optional, off by default)</legend>
        <p className="muted">
          When on, a receipt&apos;s extracted <strong>text</strong> — never its image — can be sent to Mistral to fill in its fields, with your
          own API key. You see the text before it is sent.
        </p>
        <label>
          <input type="checkbox" data-testid="mistral-enabled" checked={mistral.enabled} onChange={(event) => setMistral({ enabled: event.target.checked })} />{' '}
          Allow sending receipt text to Mistral
        </label>
        {mistral.enabled && (
          <>
            <label>
              API key{' '}
              <input
                type="password"
                data-testid="mistral-key"
                autoComplete="off"
                value={mistral.apiKey}
                onChange={(event) => setMistral({ apiKey: event.target.value.trim() })}
              />
            </label>
            <label>
              <input type="checkbox" checked={mistral.rememberKey} onChange={(event) => setMistral({ rememberKey: event.target.checked })} /> Remember
              the key in this browser (otherwise it is forgotten when the tab closes)
            </label>
            <label>
              Model{' '}
              <input
                data-testid="mistral-model"
                value={mistral.model}
                placeholder={DEFAULT_MISTRAL_MODEL}
                onChange={(event) => setMistral({ model: event.target.value.trim() || DEFAULT_MISTRAL_MODEL })}
              />
            </label>
            <label>
              Endpoint{' '}
              <input
                data-testid="mistral-endpoint"
                list="mistral-endpoints"
                value={mistral.baseUrl}
                onChange={(event) => setMistral({ baseUrl: event.target.value.trim() || MISTRAL_ENDPOINTS.global })}
              />
              <datalist id="mistral-endpoints">
                {Object.values(MISTRAL_ENDPOINTS).map((url) => (
                  <option key={url} value={url} />
                ))}
              </datalist>
            </label>
            {mistral.skipPreview && (
              <button type="button" onClick={() => setMistral({ skipPreview: false })}>
                Show the text again before each send
              </button>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
