import { LoupeError } from '../../errors';
import { catalogueEntry, isDtype, uniformPlan, type CatalogueEntry } from './catalogue';
import { dtypePlanFor, recommend, type Capabilities, type Recommendation } from './capabilities';
import type { ModelSource, SmolVlmConfig } from './config';

/** The user's SmolVLM choices, as Settings stores them. */
export interface SmolVlmChoice {
  /** `auto` (the recommendation), a catalogue id, `custom` (repo + host) or `folder` (picked files). */
  model: string;
  /** For `custom`: a Hugging Face repo id in the transformers.js layout. */
  repo: string;
  /** https://huggingface.co or a mirror serving the same paths. */
  host: string;
  device: 'auto' | 'webgpu' | 'wasm';
  /** `auto` (per sub-model, by device) or one transformers.js dtype for every sub-model. */
  dtype: string;
}

export interface ChosenModel {
  config: SmolVlmConfig;
  /** The catalogue entry, when the model is one. */
  entry: CatalogueEntry | undefined;
  /** Shown in the status line: "SmolVLM2 256M on WASM". */
  label: string;
  recommendation: Recommendation;
}

/** Settings plus this device's capabilities (plus a picked folder, if any) give the exact model to load. */
export function chooseModel(choice: SmolVlmChoice, caps: Capabilities, folder: Extract<ModelSource, { kind: 'files' }> | undefined): ChosenModel {
  const recommendation = recommend(caps);
  const device = choice.device === 'auto' ? recommendation.device : choice.device;
  const dtype = choice.dtype === 'auto' ? dtypePlanFor(device, device === 'webgpu' && Boolean(caps.webgpu?.shaderF16)) : isDtype(choice.dtype) ? uniformPlan(choice.dtype) : choice.dtype;
  const on = device === 'webgpu' ? 'WebGPU' : 'WASM';
  if (choice.model === 'folder') {
    if (!folder) throw new LoupeError('engine-load-failed', 'Pick the model folder again in Settings: browsers do not keep access to a picked folder once the page closes.');
    return { config: { source: folder, device, dtype }, entry: undefined, label: `${folder.name} (local folder) on ${on}`, recommendation };
  }
  const entry = choice.model === 'custom' ? undefined : catalogueEntry(choice.model === 'auto' ? recommendation.modelId : choice.model);
  const repo = entry?.repo ?? choice.repo;
  return { config: { source: { kind: 'hub', repo, host: choice.host }, device, dtype }, entry, label: `${entry?.label ?? repo} on ${on}`, recommendation };
}
