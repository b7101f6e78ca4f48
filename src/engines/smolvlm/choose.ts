import { LoupeError } from '../../errors';
import { catalogueEntry, isDtype, uniformPlan, type CatalogueEntry } from './catalogue';
import { dtypePlanFor, recommend, type Capabilities, type Recommendation } from './capabilities';
import type { GgufSource, ModelSource, SmolVlmConfig } from './config';
import { ggufCatalogueEntry, type GgufCatalogueEntry } from '../smolvlm-gguf/catalogue';

/** The user's SmolVLM choices, as Settings stores them. */
export interface SmolVlmChoice {
  /**
   * `auto` (the recommendation), a catalogue id (ONNX or GGUF), `custom` (an ONNX repo + host),
   * `folder` (a picked ONNX folder), `custom-gguf` (a GGUF repo and its two files) or `gguf-files`
   * (two picked .gguf files).
   */
  model: string;
  /** For `custom`: a Hugging Face repo id in the transformers.js layout. */
  repo: string;
  /** https://huggingface.co or a mirror serving the same paths. */
  host: string;
  device: 'auto' | 'webgpu' | 'wasm';
  /** `auto` (per sub-model, by device) or one transformers.js dtype for every sub-model (ONNX only). */
  dtype: string;
  /** For `custom-gguf`: the repo and the model and projector files in it. */
  ggufRepo: string;
  ggufModel: string;
  ggufMmproj: string;
}

/** What the user picked from disk, held in memory only (`src/store/picked-model.ts`). */
export interface PickedModels {
  folder: Extract<ModelSource, { kind: 'files' }> | undefined;
  gguf: Extract<GgufSource, { kind: 'files' }> | undefined;
}

export interface ChosenModel {
  config: SmolVlmConfig;
  /** The ONNX catalogue entry, when the model is one. */
  entry: CatalogueEntry | undefined;
  /** The GGUF catalogue entry, when the model is one. */
  ggufEntry: GgufCatalogueEntry | undefined;
  /** The next model down, offered after the GPU ran out of memory. */
  smaller: { id: string; label: string } | undefined;
  /** Shown in the status line: "SmolVLM2 256M on WASM". */
  label: string;
  recommendation: Recommendation;
}

const NOT_PICKED = 'Browsers do not keep access to picked files once the page closes.';

/** Settings plus this device's capabilities (plus picked files, if any) give the exact model to load. */
export function chooseModel(choice: SmolVlmChoice, caps: Capabilities, picked: PickedModels): ChosenModel {
  const recommendation = recommend(caps);
  const device = choice.device === 'auto' ? recommendation.device : choice.device;
  const on = device === 'webgpu' ? 'WebGPU' : 'WASM';
  const model = choice.model === 'auto' ? recommendation.modelId : choice.model;
  const none = { entry: undefined, ggufEntry: undefined, smaller: undefined, recommendation };

  if (model === 'gguf-files') {
    if (!picked.gguf) throw new LoupeError('engine-load-failed', `Pick the model’s two .gguf files again in Settings. ${NOT_PICKED}`);
    return { ...none, config: { runtime: 'gguf', source: picked.gguf, device }, label: `${picked.gguf.model.name} (files on this device) on ${on}` };
  }
  const gguf = ggufCatalogueEntry(model);
  if (model === 'custom-gguf' && !(choice.ggufRepo && choice.ggufModel && choice.ggufMmproj))
    throw new LoupeError('engine-load-failed', 'Enter the GGUF repository and the names of both its files (the model and its mmproj projector) in Settings.');
  if (gguf || model === 'custom-gguf') {
    const source = gguf
      ? { kind: 'hub' as const, repo: gguf.repo, host: choice.host, model: gguf.model.file, mmproj: gguf.mmproj.file }
      : { kind: 'hub' as const, repo: choice.ggufRepo, host: choice.host, model: choice.ggufModel, mmproj: choice.ggufMmproj };
    const smaller = gguf?.smaller ? ggufCatalogueEntry(gguf.smaller) : undefined;
    return { ...none, ggufEntry: gguf, config: { runtime: 'gguf', source, device }, smaller: smaller && { id: smaller.id, label: smaller.label }, label: `${gguf?.label ?? choice.ggufRepo} on ${on}` };
  }

  const dtype = choice.dtype === 'auto' ? dtypePlanFor(device, device === 'webgpu' && Boolean(caps.webgpu?.shaderF16)) : isDtype(choice.dtype) ? uniformPlan(choice.dtype) : choice.dtype;
  if (model === 'folder') {
    if (!picked.folder) throw new LoupeError('engine-load-failed', `Pick the model folder again in Settings. ${NOT_PICKED}`);
    return { ...none, config: { runtime: 'onnx', source: picked.folder, device, dtype }, label: `${picked.folder.name} (local folder) on ${on}` };
  }
  const entry = model === 'custom' ? undefined : catalogueEntry(model);
  const repo = entry?.repo ?? choice.repo;
  const smaller = entry?.smaller ? catalogueEntry(entry.smaller) : undefined;
  return {
    ...none,
    config: { runtime: 'onnx', source: { kind: 'hub', repo, host: choice.host }, device, dtype },
    entry,
    smaller: smaller && { id: smaller.id, label: smaller.label },
    label: `${entry?.label ?? repo} on ${on}`,
  };
}
