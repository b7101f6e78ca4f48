import { loadCpuOrt } from '../ort-runtime';
import { PADDLE_SESSION_OPTIONS, sessionReader, type LineReader } from './paddle-ocr';

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
