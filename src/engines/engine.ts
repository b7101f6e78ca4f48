/**
 * The one contract every recognition engine implements (embedded OCR now, SmolVLM next).
 * Engines run inside workers/engine.worker.ts but are plain objects, so they also run in Vitest.
 */

/** Straight RGBA pixels: what a canvas gives and what every engine can consume. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Byte-level progress of fetching an engine's files (wasm, models). */
export interface LoadProgress {
  /** The file being fetched, for display ("ch_PP-OCRv4_rec_infer.onnx"). */
  file: string;
  loaded: number;
  total: number;
  /** Bytes that were already on the device when this download continued: they count as loaded, not as speed. */
  resumed?: number;
}

export interface RecognizeOptions {
  signal?: AbortSignal;
  /** Called with the whole text recognized so far each time it grows. */
  onPartial?: (textSoFar: string) => void;
}

/** One recognized line with its box in the input image's pixel space. */
export interface RecognizedLine {
  text: string;
  box: { x: number; y: number; width: number; height: number };
  confidence: number;
}

export interface RecognizeResult {
  text: string;
  lines: RecognizedLine[];
  /** Milliseconds spent per stage, e.g. { prepare, detect, recognize }; stored with the page for benchmarks. */
  timings: Record<string, number>;
}

export type EngineId = 'paddle' | 'tesseract' | 'smolvlm';

export interface EngineInfo {
  id: EngineId;
  label: string;
  /** Shown in the UI next to the engine's name. */
  description: string;
}

/** How long each stage of an engine's load took, in ms, in the order they ran (bench:start prints them). */
export type LoadStages = Record<string, number>;

/** Labels live in src/engines/registry.ts so the UI can show engines before their code loads. */
export interface Engine {
  /** Resolves once the engine can read; an engine that times its stages returns them. */
  load(onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<LoadStages | void>;
  recognize(image: RgbaImage, options?: RecognizeOptions): Promise<RecognizeResult>;
  /** A vision-language model can answer the receipt schema's JSON from the image; its text is that answer. */
  readFields?(image: RgbaImage, options?: RecognizeOptions): Promise<RecognizeResult>;
  dispose(): Promise<void>;
}

/** Thrown by engines and clients when an AbortSignal fires; keeps the DOMException name callers test for. */
export function abortError(reason = 'Cancelled'): Error {
  const error = new Error(reason);
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
