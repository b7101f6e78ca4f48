import { useEffect, useState, type ChangeEvent } from 'react';
import { DEFAULT_SMOLVLM, useSettings, type SmolVlmSettings } from '../store/settings';
import { usePickedModel } from '../store/picked-model';
import { useAppShell } from '../store/app-shell';
import { chosenSmolVlm } from '../app/loupe';
import { CATALOGUE, DTYPES, downloadMegabytes, isDtype, uniformPlan, type DtypePlan } from '../engines/smolvlm/catalogue';
import { formatMegabytes } from '../engines/smolvlm/capabilities';
import type { ChosenModel } from '../engines/smolvlm/choose';
import { deleteCachedModel, listCachedModels, loadsOffline, type CachedModel } from '../engines/smolvlm/model-cache';
import { folderModelSource } from '../engines/smolvlm/picked-folder';
import { formatBytes } from './DocumentList';

/** The model the settings resolve to on this device, recomputed when they change. */
function useChosenModel(settings: SmolVlmSettings): { chosen?: ChosenModel; error?: string } {
  const folder = usePickedModel((s) => s.folder);
  const [result, setResult] = useState<{ chosen?: ChosenModel; error?: string }>({});
  useEffect(() => {
    let live = true;
    chosenSmolVlm(settings).then(
      (chosen) => live && setResult({ chosen }),
      (error: unknown) => live && setResult({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [settings, folder]);
  return result;
}

function planOf(dtype: ChosenModel['config']['dtype']): DtypePlan | undefined {
  if (typeof dtype !== 'string') return dtype as DtypePlan;
  return isDtype(dtype) ? uniformPlan(dtype) : undefined;
}

/**
 * Whether the SmolVLM engine can start now: online it can always download; offline only a model whose
 * files are all in the cache (or a picked folder) can load. Worked out only while offline, so that an
 * online page never wakes the GPU to ask for an adapter it may not need.
 */
export function useSmolVlmUsable(): boolean {
  const online = useAppShell((s) => s.online);
  const settings = useSettings((s) => s.smolvlm);
  const folder = usePickedModel((s) => s.folder);
  const [offlineUsable, setOfflineUsable] = useState<boolean>();
  useEffect(() => {
    if (online) return;
    let live = true;
    Promise.all([chosenSmolVlm(settings), listCachedModels()]).then(
      ([chosen, cached]) => live && setOfflineUsable(loadsOffline(cached, chosen.config)),
      // A folder not picked again, or no cache at all: the engine would fail, so it is not offered.
      () => live && setOfflineUsable(false),
    );
    return () => {
      live = false;
    };
  }, [online, settings, folder]);
  return online || offlineUsable !== false;
}

/** The SmolVLM engine's model: which one (recommended by default, and why), from where, how precise, on which device. */
export function SmolVlmSettingsFields() {
  const smolvlm = useSettings((s) => s.smolvlm);
  const setSmolVlm = useSettings((s) => s.setSmolVlm);
  const { chosen, error } = useChosenModel(smolvlm);
  const recommendation = chosen?.recommendation;
  const plan = chosen && planOf(chosen.config.dtype);
  const recommended = CATALOGUE.find((e) => e.id === recommendation?.modelId);
  return (
    <fieldset>
      <legend>SmolVLM model (for the SmolVLM engine)</legend>
      <p className="muted">
        Downloaded once (hundreds of megabytes for real models), kept in this browser, then used offline. Choose “SmolVLM” as the engine to use it.
      </p>
      <label>
        Model{' '}
        <select data-testid="smolvlm-model" value={smolvlm.model} onChange={(event) => setSmolVlm({ model: event.target.value })}>
          <option value="auto">Recommended for this device{recommended ? ` (${recommended.label})` : ''}</option>
          {CATALOGUE.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
              {plan ? ` — about ${formatMegabytes(downloadMegabytes(entry, plan))}` : ''}
            </option>
          ))}
          <option value="custom">Another model: a repository id on a host</option>
          <option value="folder">A model folder on this device</option>
        </select>
      </label>
      {recommendation && (
        <div data-testid="smolvlm-recommendation">
          <span className="muted">Recommended here: {recommended?.label} on {recommendation.device === 'webgpu' ? 'WebGPU' : 'WASM'}, because:</span>
          <ul className="reasons">
            {recommendation.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {chosen && (
        <p className="muted" data-testid="smolvlm-chosen">
          Will load: {chosen.label}
          {plan ? `, precision ${describePlan(plan)}` : ''}.
        </p>
      )}
      {error && (
        <p className="doc-error" role="alert">
          {error}
        </p>
      )}
      {smolvlm.model === 'custom' && (
        <label>
          Repository{' '}
          <input data-testid="smolvlm-repo" placeholder="owner/SmolVLM2-2.2B-Instruct-ONNX" value={smolvlm.repo} onChange={(event) => setSmolVlm({ repo: event.target.value.trim() })} />
        </label>
      )}
      {smolvlm.model === 'folder' ? (
        <FolderPicker />
      ) : (
        <label>
          Host{' '}
          <input data-testid="smolvlm-host" value={smolvlm.host} onChange={(event) => setSmolVlm({ host: event.target.value.trim() || DEFAULT_SMOLVLM.host })} />
        </label>
      )}
      <label>
        Precision{' '}
        <select data-testid="smolvlm-dtype" value={smolvlm.dtype} onChange={(event) => setSmolVlm({ dtype: event.target.value })}>
          <option value="auto">Automatic (per part, for the device)</option>
          {DTYPES.map((dtype) => (
            <option key={dtype} value={dtype}>
              {dtype}
            </option>
          ))}
        </select>
      </label>
      <label>
        Device{' '}
        <select data-testid="smolvlm-device" value={smolvlm.device} onChange={(event) => setSmolVlm({ device: event.target.value as SmolVlmSettings['device'] })}>
          <option value="auto">Automatic (as recommended)</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM (CPU)</option>
        </select>
      </label>
      <DownloadedModels />
    </fieldset>
  );
}

function describePlan(plan: DtypePlan): string {
  const values = new Set(Object.values(plan));
  if (values.size === 1) return [...values][0]!;
  return `vision ${plan.vision_encoder}, embeddings ${plan.embed_tokens}, decoder ${plan.decoder_model_merged}`;
}

/** A model folder in the transformers.js layout, read from disk without any upload or copy. */
function FolderPicker() {
  const folder = usePickedModel((s) => s.folder);
  const [error, setError] = useState<string>();
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    try {
      const source = folderModelSource(files.map((file) => ({ path: file.webkitRelativePath || file.name, file })));
      usePickedModel.setState({ folder: source });
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <div>
      <label>
        Model folder{' '}
        {/* webkitdirectory is not in React's types; every current browser supports it. */}
        <input type="file" data-testid="smolvlm-folder" onChange={onPick} {...{ webkitdirectory: '', directory: '' }} />
      </label>
      <p className="muted" data-testid="smolvlm-folder-status">
        {folder ? `Picked: ${folder.name} (${folder.files.size} files). Pick it again after reloading Loupe.` : 'Pick the folder that holds config.json and onnx/.'}
      </p>
      {error && (
        <p className="doc-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Models in the browser's cache, with their size and a delete button. */
function DownloadedModels() {
  const [models, setModels] = useState<CachedModel[]>();
  const refresh = () => void listCachedModels().then(setModels, () => setModels([]));
  useEffect(refresh, []);
  if (!models) return null;
  return (
    <div data-testid="downloaded-models">
      <span className="muted">Downloaded models</span>
      {models.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="model-list">
          {models.map((model) => (
            <li key={`${model.host} ${model.repo}`} data-testid="downloaded-model" data-repo={model.repo}>
              <span>
                {model.repo} <span className="muted">from {new URL(model.host).host} · {formatBytes(model.bytes)}</span>
              </span>
              <button type="button" aria-label={`Delete ${model.repo}`} onClick={() => void deleteCachedModel(model).then(refresh)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
