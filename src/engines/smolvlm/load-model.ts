import { AutoModelForImageTextToText, AutoProcessor, env } from '@huggingface/transformers';
import type { LoadProgress } from '../engine';
import { abortError } from '../engine';
import type { LoadedVlm } from './transcribe';

import type { ModelSource, OnnxVlmConfig } from './config';

export interface LoadVlmOptions {
  /** `cpu` is onnxruntime-node, for tests in Node. */
  device: OnnxVlmConfig['device'] | 'cpu';
  dtype: OnnxVlmConfig['dtype'];
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

/** A host no request may ever reach: picked files are served from memory under it. */
const PICKED_HOST = 'https://picked-folder.invalid/';

/**
 * Points transformers.js at the source: a hub with its host, or the picked files, answered from
 * memory so nothing leaves the device. Every request carries the caller's AbortSignal, so a cancelled
 * download stops, and transformers.js caches a file only once it has arrived whole.
 */
function configure(source: ModelSource, signal: AbortSignal | undefined): string {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  // Loupe already fetched onnxruntime's wasm (ort-runtime.ts) and its service worker caches it; the
  // wasm cache would copy it again and import the runtime from a blob: URL, which the CSP forbids.
  env.useWasmCache = false;
  if (source.kind === 'hub') {
    env.remoteHost = source.host.endsWith('/') ? source.host : `${source.host}/`;
    env.remotePathTemplate = `{model}/resolve/${source.revision ?? 'main'}/`;
    env.useBrowserCache = typeof caches !== 'undefined';
    env.fetch = (input, init) => fetch(input, { ...init, signal });
    return source.repo;
  }
  env.remoteHost = PICKED_HOST;
  env.remotePathTemplate = '{model}/';
  // Picked files are already on the device: copying them into the cache would only double their size.
  env.useBrowserCache = false;
  env.fetch = async (input) => {
    const url = String(input);
    const path = url.startsWith(`${PICKED_HOST}${source.name}/`) ? decodeURIComponent(url.slice(PICKED_HOST.length + source.name.length + 1)) : '';
    const file = source.files.get(path);
    return file ? new Response(file, { headers: { 'Content-Length': String(file.size) } }) : new Response(null, { status: 404 });
  };
  return source.name;
}

/** Loads the processor and the three sub-models, reporting bytes per file as they arrive. */
export async function loadVlm(source: ModelSource, options: LoadVlmOptions): Promise<LoadedVlm> {
  const { device, dtype, onProgress, signal } = options;
  if (signal?.aborted) throw abortError();
  const id = configure(source, signal);
  const progress_callback = (event: { status: string; file?: string; loaded?: number; total?: number }) => {
    if (event.status === 'progress' && event.file && event.total) onProgress?.({ file: event.file, loaded: event.loaded ?? 0, total: event.total });
  };
  try {
    const processor = await AutoProcessor.from_pretrained(id, { progress_callback });
    const model = await AutoModelForImageTextToText.from_pretrained(id, { device, dtype: dtype as never, progress_callback });
    return { processor, model };
  } catch (error) {
    if (signal?.aborted) throw abortError();
    throw error;
  }
}
