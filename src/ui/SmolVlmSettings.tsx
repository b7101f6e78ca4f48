import { useEffect, useState, type ChangeEvent } from 'react';
import { DEFAULT_SMOLVLM, useSettings, type SmolVlmSettings } from '../store/settings';
import { usePickedModel } from '../store/picked-model';
import { chosenSmolVlm } from '../app/loupe';
import { CATALOGUE, DTYPES, downloadMegabytes, isDtype, uniformPlan, type DtypePlan } from '../engines/smolvlm/catalogue';
import { GGUF_CATALOGUE, ggufDownloadMegabytes } from '../engines/smolvlm-gguf/catalogue';
import { formatMegabytes } from '../engines/smolvlm/capabilities';
import type { ChosenModel } from '../engines/smolvlm/choose';
import type { SmolVlmConfig } from '../engines/smolvlm/config';
import { deleteCachedModel, listCachedModels, type CachedModel } from '../engines/smolvlm/model-cache';
import { deleteGgufModel, listGgufModels, type StoredGgufModel } from '../engines/smolvlm-gguf/opfs-store';
import { sortGgufPair } from '../engines/smolvlm-gguf/gguf-files';
import { folderModelSource } from '../engines/smolvlm/picked-folder';
import { formatBytes } from './DocumentList';

/** The model the settings resolve to on this device, recomputed when they change. */
function useChosenModel(settings: SmolVlmSettings): { chosen?: ChosenModel; error?: string } {
  const folder = usePickedModel((s) => s.folder);
  const gguf = usePickedModel((s) => s.gguf);
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
  }, [settings, folder, gguf]);
  return result;
}

function planOf(config: SmolVlmConfig): DtypePlan | undefined {
  if (config.runtime === 'gguf') return undefined;
  const { dtype } = config;
  if (typeof dtype !== 'string') return dtype as DtypePlan;
  return isDtype(dtype) ? uniformPlan(dtype) : undefined;
}

const RECOMMENDABLE = [...CATALOGUE, ...GGUF_CATALOGUE];

/** The SmolVLM engine's model: which one (recommended by default, and why), from where, how precise, on which device. */
export function SmolVlmSettingsFields() {
  const smolvlm = useSettings((s) => s.smolvlm);
  const setSmolVlm = useSettings((s) => s.setSmolVlm);
  const { chosen, error } = useChosenModel(smolvlm);
  const recommendation = chosen?.recommendation;
  const plan = chosen && planOf(chosen.config);
  const recommended = RECOMMENDABLE.find((e) => e.id === recommendation?.modelId);
  const gguf = smolvlm.model === 'custom-gguf' || smolvlm.model === 'gguf-files' || GGUF_CATALOGUE.some((e) => e.id === smolvlm.model) || (smolvlm.model === 'auto' && recommendation?.runtime === 'gguf');
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
          <optgroup label="GGUF, run by llama.cpp">
            {GGUF_CATALOGUE.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label} — about {formatMegabytes(ggufDownloadMegabytes(entry))}
              </option>
            ))}
            <option value="custom-gguf">Another GGUF model: a repository and its two files</option>
            <option value="gguf-files">GGUF files on this device</option>
          </optgroup>
          <optgroup label="ONNX, run by onnxruntime">
            {CATALOGUE.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
                {plan ? ` — about ${formatMegabytes(downloadMegabytes(entry, plan))}` : ''}
              </option>
            ))}
            <option value="custom">Another model: a repository id on a host</option>
            <option value="folder">A model folder on this device</option>
          </optgroup>
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
          {plan ? `, precision ${describePlan(plan)}` : ''}
          {chosen.config.runtime === 'gguf' && chosen.config.source.kind === 'hub' ? `, with llama.cpp: ${chosen.config.source.model} and ${chosen.config.source.mmproj}` : ''}
          {chosen.ggufEntry ? ` (about ${formatMegabytes(ggufDownloadMegabytes(chosen.ggufEntry))})` : ''}.
          {chosen.ggufEntry?.note && ` ${chosen.ggufEntry.note}`}
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
      {smolvlm.model === 'custom-gguf' && (
        <>
          <label>
            Repository{' '}
            <input data-testid="smolvlm-gguf-repo" placeholder="ggml-org/SmolVLM2-2.2B-Instruct-GGUF" value={smolvlm.ggufRepo} onChange={(event) => setSmolVlm({ ggufRepo: event.target.value.trim() })} />
          </label>
          <label>
            Model file{' '}
            <input data-testid="smolvlm-gguf-model" placeholder="SmolVLM2-2.2B-Instruct-Q4_K_M.gguf" value={smolvlm.ggufModel} onChange={(event) => setSmolVlm({ ggufModel: event.target.value.trim() })} />
          </label>
          <label>
            Projector file{' '}
            <input data-testid="smolvlm-gguf-mmproj" placeholder="mmproj-SmolVLM2-2.2B-Instruct-Q8_0.gguf" value={smolvlm.ggufMmproj} onChange={(event) => setSmolVlm({ ggufMmproj: event.target.value.trim() })} />
          </label>
        </>
      )}
      {smolvlm.model === 'folder' ? (
        <FolderPicker />
      ) : smolvlm.model === 'gguf-files' ? (
        <GgufFilesPicker />
      ) : (
        <label>
          Host{' '}
          <input data-testid="smolvlm-host" value={smolvlm.host} onChange={(event) => setSmolVlm({ host: event.target.value.trim() || DEFAULT_SMOLVLM.host })} />
        </label>
      )}
      {!gguf && (
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
      )}
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

/** A GGUF model and its projector, picked from disk together and told apart by their headers; nothing is copied. */
function GgufFilesPicker() {
  const picked = usePickedModel((s) => s.gguf);
  const [error, setError] = useState<string>();
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    sortGgufPair(files).then(
      ({ model, mmproj }) => {
        usePickedModel.setState({ gguf: { kind: 'files', name: `${model.name} ${model.size} ${mmproj.name} ${mmproj.size}`, model, mmproj } });
        setError(undefined);
      },
      (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)),
    );
  };
  return (
    <div>
      <label>
        Model and projector (.gguf){' '}
        <input type="file" multiple accept=".gguf" data-testid="smolvlm-gguf-files" onChange={onPick} />
      </label>
      <p className="muted" data-testid="smolvlm-gguf-files-status">
        {picked
          ? `Picked: ${picked.model.name} (${formatBytes(picked.model.size)}) with ${picked.mmproj.name} (${formatBytes(picked.mmproj.size)}). Pick them again after reloading Loupe.`
          : 'Pick both files at once: the model’s .gguf and its mmproj-….gguf.'}
      </p>
      {error && (
        <p className="doc-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Downloaded = { runtime: 'onnx'; model: CachedModel } | { runtime: 'gguf'; model: StoredGgufModel };

/** Models in the browser's storage (transformers.js's cache and Loupe's GGUF files in OPFS), with their size and a delete button. */
function DownloadedModels() {
  const [models, setModels] = useState<Downloaded[]>();
  const [problem, setProblem] = useState<string>();
  const refresh = () =>
    void Promise.all([listCachedModels().catch(() => []), listGgufModels().catch(() => [])]).then(([onnx, gguf]) =>
      setModels([...gguf.map((model) => ({ runtime: 'gguf' as const, model })), ...onnx.map((model) => ({ runtime: 'onnx' as const, model }))]),
    );
  useEffect(refresh, []);
  if (!models) return null;
  const remove = (item: Downloaded) => (item.runtime === 'gguf' ? deleteGgufModel(item.model) : deleteCachedModel(item.model));
  return (
    <div data-testid="downloaded-models">
      <span className="muted">Downloaded models</span>
      {models.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="model-list">
          {models.map((item) => (
            <li key={`${item.runtime} ${item.model.host} ${item.model.repo}`} data-testid="downloaded-model" data-repo={item.model.repo} data-runtime={item.runtime}>
              <span>
                {item.model.repo}{' '}
                <span className="muted">
                  {item.runtime === 'gguf' ? 'GGUF' : 'ONNX'} from {new URL(item.model.host).host} · {formatBytes(item.model.bytes)}
                  {item.runtime === 'gguf' && <GgufProgress model={item.model} />}
                </span>
              </span>
              <button
                type="button"
                aria-label={`Delete ${item.model.repo}`}
                onClick={() => {
                  setProblem(undefined);
                  // A file being downloaded is locked by the browser until the download stops.
                  void remove(item)
                    .catch((error: unknown) => setProblem(`${item.model.repo} could not be deleted (${error instanceof Error ? error.message : String(error)}). Cancel its download first, then delete it.`))
                    .finally(refresh);
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="doc-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** An unfinished download says how far it got: the next load continues it. */
function GgufProgress({ model }: { model: StoredGgufModel }) {
  const unfinished = model.files.filter((f) => !f.complete);
  if (!unfinished.length) return null;
  const total = model.files.reduce((sum, f) => sum + f.total, 0);
  return <> · unfinished ({Math.floor((model.bytes / total) * 100)}% of {formatBytes(total)}), continues on the next load</>;
}
