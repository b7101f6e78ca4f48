import { loadCpuOrt } from '../ort-runtime';
import { sessionReader, type LineReader } from './paddle-ocr';

/**
 * The served graphs come optimized from the build (scripts/paddle/pre-optimize.ts): optimizing them again in
 * each session only made opening slower.
 */
export const PADDLE_SESSION_OPTIONS = { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' } as const;

export interface LineReaderSetup {
  /** onnxruntime's CPU build, compiled. */
  runtime: WebAssembly.Module;
  /** The recognizer graph. */
  model: Uint8Array;
  alphabet: string[];
}

/** The recognizer on onnxruntime's CPU build: in the engine worker, and in each line-reader worker. */
export async function loadLineReader(setup: LineReaderSetup): Promise<LineReader> {
  const ort = await loadCpuOrt(setup.runtime);
  const session = await ort.InferenceSession.create(setup.model, PADDLE_SESSION_OPTIONS);
  return sessionReader(ort, session, setup.alphabet);
}
