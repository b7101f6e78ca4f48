import type { Engine, EngineId, EngineInfo } from './engine';

/** Engines load lazily: their code, wasm and models stay out of the first page load. */
const factories: Record<EngineId, () => Promise<Engine>> = {
  paddle: () => import('./paddle').then((m) => m.createPaddleEngine()),
  tesseract: () => import('./tesseract').then((m) => m.createTesseractEngine()),
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
};

/** The embedded engine used until the user picks another; chosen by docs/BENCHMARKS.md. */
export const DEFAULT_ENGINE: EngineId = 'paddle';

export function isEngineId(value: unknown): value is EngineId {
  return typeof value === 'string' && value in factories;
}

export function createEngine(id: EngineId): Promise<Engine> {
  return factories[id]();
}
