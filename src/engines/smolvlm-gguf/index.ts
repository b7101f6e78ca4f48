import { Wllama } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { Engine, LoadProgress, RecognizeOptions } from '../engine';
import { abortError, throwIfAborted } from '../engine';
import { LoupeError } from '../../errors';
import type { GgufSource, GgufVlmConfig } from '../smolvlm/config';
import { RECEIPT_JSON_PROMPT } from '../../receipt/model-answer';
import { receiptJsonSchema } from '../../receipt/schema';
import { downloadFile } from './download-file';
import { modelFileKey, opfsStore } from './opfs-store';
import { ggufRole } from './gguf-files';
import { readPage } from './read-page';
import { llamaFailure } from './failure';
import { hasJspi, hasMemory64, llamaUnsupported } from './support';
import { originUrl } from '../vendor-url';

/**
 * Enough for SmolVLM2's image tokens at its largest (a 4×4 grid of tiles and the whole page, 64 to 81
 * tokens each, with their markers), the question, and a long receipt's transcription.
 */
const CONTEXT_TOKENS = 4096;

/** The llama.cpp log lines kept for an error message: its reason for refusing a file is in them. */
const KEPT_LOG_LINES = 20;

/**
 * SmolVLM as GGUF behind the Engine contract, run by llama.cpp compiled to WebAssembly (wllama). Its
 * wasm is a hashed asset on Loupe's origin; wllama starts its own worker from a blob: URL inside the
 * engine worker. Files come from Loupe's own resumable download into OPFS, or straight from picked files.
 */
export function createGgufVlmEngine(config: GgufVlmConfig): Engine {
  let wllama: Wllama | undefined;
  let maxSide = 2048;
  const log: string[] = [];
  // llama.cpp says how many layers went to the GPU; with no usable WebGPU device it says nothing and runs on the CPU.
  let offloaded = false;
  const keep = (level: string) => (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (/offloaded [1-9]\d*\/\d+ layers to GPU/.test(line)) offloaded = true;
    log.push(`${level}: ${line}`);
    if (log.length > KEPT_LOG_LINES) log.shift();
  };
  const logger = { debug: keep('debug'), log: keep('info'), warn: keep('warn'), error: keep('error') };

  const failure = (error: unknown, doing: string) => llamaFailure(error, log, config.device, doing);

  async function ask(image: Parameters<Engine['recognize']>[0], options: RecognizeOptions & { prompt?: string; maxTokens?: number; schema?: Record<string, unknown> }) {
    if (!wllama) throw new LoupeError('engine-failed', 'The SmolVLM model is not loaded.');
    try {
      return await readPage(wllama, image, { ...options, maxSide });
    } catch (error) {
      throw failure(error, 'read the page');
    }
  }

  return {
    async load(onProgress, signal) {
      const unsupported = llamaUnsupported({ isolated: globalThis.crossOriginIsolated === true, memory64: hasMemory64(), jspi: hasJspi() });
      if (unsupported) throw new LoupeError('engine-load-failed', `llama.cpp cannot run here: ${unsupported.reason}; ${unsupported.advice}.`);
      const [model, mmproj] = await modelFiles(config.source, onProgress, signal);
      const [modelRole, projector] = await Promise.all([ggufRole(model, nameOf(config.source, 'model')), ggufRole(mmproj, nameOf(config.source, 'mmproj'))]).catch((error: Error) => {
        throw new LoupeError('engine-load-failed', error.message);
      });
      if (modelRole.role !== 'model') throw new LoupeError('engine-load-failed', `${nameOf(config.source, 'model')} is a vision projector, not the language model.`);
      if (projector.role !== 'projector') throw new LoupeError('engine-load-failed', `${nameOf(config.source, 'mmproj')} is a language model, not the vision projector (mmproj).`);
      maxSide = projector.maxSide;
      throwIfAborted(signal);
      const runtime = new Wllama({ default: originUrl(wasmUrl) }, { logger, suppressNativeLog: false });
      // wllama points browsers it thinks need its compat build at a CDN: never fetch code from elsewhere.
      runtime.setCompat(null);
      try {
        await runtime.loadModel([model, mmproj], {
          n_ctx: CONTEXT_TOKENS,
          n_gpu_layers: config.device === 'webgpu' ? 999 : 0,
          n_threads: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)),
          // One page at a time: one sequence's KV cache, not four.
          n_parallel: 1,
        });
      } catch (error) {
        await runtime.exit().catch(() => undefined);
        const failed = failure(error, 'load the model');
        throw failed instanceof LoupeError && failed.code === 'engine-failed' ? new LoupeError('engine-load-failed', failed.message) : failed;
      }
      if (!runtime.supportInputModality('image')) {
        await runtime.exit().catch(() => undefined);
        throw new LoupeError('engine-load-failed', `${nameOf(config.source, 'mmproj')} gives this model no image input.`);
      }
      wllama = runtime;
      if (config.device === 'webgpu' && !offloaded) {
        await this.dispose();
        throw new LoupeError('gpu-unavailable', 'llama.cpp found no WebGPU device it can use in this browser, so nothing would run on the GPU. Retry on the CPU (WASM).');
      }
      if (signal?.aborted) {
        await this.dispose();
        throwIfAborted(signal);
      }
    },

    recognize(image, options) {
      return ask(image, options ?? {});
    },

    readFields(image, options) {
      // The receipt schema as a grammar: llama.cpp can only produce JSON that parses and has its keys.
      return ask(image, { ...options, prompt: RECEIPT_JSON_PROMPT, maxTokens: 768, schema: receiptJsonSchema() });
    },

    async dispose() {
      const running = wllama;
      wllama = undefined;
      await running?.exit().catch(() => undefined);
    },
  };
}

function nameOf(source: GgufSource, which: 'model' | 'mmproj'): string {
  return source.kind === 'files' ? source[which].name : source[which];
}

/** The two files as Blobs: picked ones as they are, hub ones downloaded (or found) in OPFS, side by side. */
async function modelFiles(source: GgufSource, onProgress: (progress: LoadProgress) => void, signal: AbortSignal | undefined): Promise<[Blob, Blob]> {
  if (source.kind === 'files') return [source.model, source.mmproj];
  const host = source.host.replace(/\/+$/, '');
  const base = `${host}/${source.repo}/resolve/${source.revision ?? 'main'}/`;
  // One file failing stops the other: a retry resumes both from what they kept.
  const both = new AbortController();
  const stop = () => both.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const get = (file: string) => {
    const key = modelFileKey(host, source.repo, file);
    const download = () => downloadFile({ url: base + file.split('/').map(encodeURIComponent).join('/'), key, name: file, store: opfsStore, onProgress, signal: both.signal });
    // One writer per file across tabs: a second tab waits, then finds the file complete (or continues it).
    const locked = navigator.locks ? navigator.locks.request(`loupe-gguf ${key}`, { signal: both.signal }, download) : download();
    return locked.catch((error: unknown) => {
      both.abort();
      throw (error as Error)?.name === 'AbortError' ? abortError() : error;
    });
  };
  try {
    const results = await Promise.allSettled([get(source.model), get(source.mmproj)]);
    const failed = results.find((r) => r.status === 'rejected' && (r.reason as Error)?.name !== 'AbortError') ?? results.find((r) => r.status === 'rejected');
    if (failed?.status === 'rejected') throw failed.reason;
    return [(results[0] as PromiseFulfilledResult<Blob>).value, (results[1] as PromiseFulfilledResult<Blob>).value];
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
