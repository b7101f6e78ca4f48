import type { Engine, EngineId, EngineInfo } from './engine';
import type { SmolVlmConfig } from './smolvlm/config';
import { LoupeError } from '../errors';

/** Engines load lazily: their code, wasm and models stay out of the first page load. */
const factories: Record<EngineId, (config?: SmolVlmConfig) => Promise<Engine>> = {
  paddle: () => import('./paddle').then((m) => m.createPaddleEngine()),
  tesseract: () => import('./tesseract').then((m) => m.createTesseractEngine()),
  smolvlm: (config) => {
    if (!config) return Promise.reject(new LoupeError('engine-load-failed', 'No SmolVLM model is chosen.'));
    // Each runtime is its own chunk: a GGUF user never downloads transformers.js, nor the reverse.
    if (config.runtime === 'gguf') return import('./smolvlm-gguf').then((m) => m.createGgufVlmEngine(config));
    return import('./smolvlm').then((m) => m.createSmolVlmEngine(config));
  },
};

export const ENGINE_INFO: Record<EngineId, EngineInfo> = {
  paddle: {
    id: 'paddle',
    label: 'PaddleOCR (embedded)',
    description: 'PP-OCRv4 text detection and recognition on onnxruntime-web, shipped with Loupe.',
  },
  tesseract: {
    id: 'tesseract',
    label: 'Tesseract (embedded)',
    description: 'Tesseract 5 LSTM compiled to WebAssembly, shipped with Loupe.',
  },
  smolvlm: {
    id: 'smolvlm',
    label: 'SmolVLM (downloads a model)',
    description: 'A vision-language model that reads the page; downloaded once from the model host in Settings, then used offline.',
  },
};

/** The embedded engine used until the user picks another; chosen by docs/BENCHMARKS.md. */
export const DEFAULT_ENGINE: EngineId = 'paddle';

export function isEngineId(value: unknown): value is EngineId {
  return typeof value === 'string' && value in factories;
}

export function createEngine(id: EngineId, config?: SmolVlmConfig): Promise<Engine> {
  return factories[id](config);
}
