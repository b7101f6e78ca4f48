import { DialogButton } from './DialogButton';
import { DEFAULT_MISTRAL_MODEL, DEFAULT_SMOLVLM, MISTRAL_ENDPOINTS, useSettings, type DateOrder, type SmolVlmSettings } from '../store/settings';

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

/** The SmolVLM engine's model: which one, from where, how precise, on which device. */
function SmolVlmSettingsFields() {
  const smolvlm = useSettings((s) => s.smolvlm);
  const setSmolVlm = useSettings((s) => s.setSmolVlm);
  return (
    <fieldset>
      <legend>SmolVLM model (for the SmolVLM engine)</legend>
      <p className="muted">
        Downloaded once from the host below (hundreds of megabytes for real models), kept in this browser, then used offline. Choose
        “SmolVLM” as the engine to use it. Any repository in the transformers.js layout works, e.g. a SmolVLM2-2.2B export.
      </p>
      <label>
        Model{' '}
        <input data-testid="smolvlm-repo" value={smolvlm.repo} onChange={(event) => setSmolVlm({ repo: event.target.value.trim() || DEFAULT_SMOLVLM.repo })} />
      </label>
      <label>
        Host{' '}
        <input data-testid="smolvlm-host" value={smolvlm.host} onChange={(event) => setSmolVlm({ host: event.target.value.trim() || DEFAULT_SMOLVLM.host })} />
      </label>
      <label>
        Precision{' '}
        <input data-testid="smolvlm-dtype" value={smolvlm.dtype} list="smolvlm-dtypes" onChange={(event) => setSmolVlm({ dtype: event.target.value.trim() || DEFAULT_SMOLVLM.dtype })} />
        <datalist id="smolvlm-dtypes">
          {['q4', 'q4f16', 'q8', 'fp16', 'fp32'].map((dtype) => (
            <option key={dtype} value={dtype} />
          ))}
        </datalist>
      </label>
      <label>
        Device{' '}
        <select data-testid="smolvlm-device" value={smolvlm.device} onChange={(event) => setSmolVlm({ device: event.target.value as SmolVlmSettings['device'] })}>
          <option value="auto">Automatic (WebGPU when available)</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM (CPU)</option>
        </select>
      </label>
    </fieldset>
  );
}

function SettingsForm() {
  const dateOrder = useSettings((s) => s.dateOrder);
  const setDateOrder = useSettings((s) => s.setDateOrder);
  const mistral = useSettings((s) => s.mistral);
  const setMistral = useSettings((s) => s.setMistral);
  return (
    <div className="settings">
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
      <SmolVlmSettingsFields />
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
