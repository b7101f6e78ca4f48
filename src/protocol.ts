/**
 * Typed messages between the page and its workers. Every request carries an `id`; every response
 * names the request it answers, so one worker can serve several callers.
 */
import type { EngineId, LoadProgress, LoadStages, RecognizeResult, RgbaImage } from './engines/engine';
import type { SerializedError } from './errors';
import type { SmolVlmConfig } from './engines/smolvlm/config';
import type { PageRange } from './reader/page-range';
import type { DecodedText } from './pipeline/ocr/ctc';
import type { ExtractOptions } from './receipt/extract';
import type { Receipt } from './receipt/schema';
import type { Quad } from './pipeline/image/capture/quad';

// ---- engine worker (workers/engine.worker.ts) ----

export type EngineRequest =
  /** `config`: which model and how, for engines that download one (SmolVLM). */
  | { type: 'load'; id: number; engine: EngineId; config?: SmolVlmConfig }
  | { type: 'recognize'; id: number; image: RgbaImage }
  /** Asks the loaded engine for the receipt schema's JSON straight from the image (SmolVLM only). */
  | { type: 'read-fields'; id: number; image: RgbaImage }
  /** Cancels the request `target`; the engine stays loaded. */
  | { type: 'cancel'; id: number; target: number }
  | { type: 'dispose'; id: number };

export type EngineResponse =
  | { type: 'load-progress'; id: number; progress: LoadProgress }
  | { type: 'loaded'; id: number; engine: EngineId; ms: number; stages?: LoadStages }
  | { type: 'partial'; id: number; text: string }
  | { type: 'recognized'; id: number; result: RecognizeResult }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number; error: SerializedError };

// ---- line-reader workers (workers/line-reader.worker.ts): PaddleOCR's recognizer, one lane each ----

export type LineReaderRequest =
  /** `runtime`: onnxruntime's CPU build, compiled once by the engine worker; `model`: the recognizer graph; `alphabet`: its classes. */
  | { type: 'load'; id: number; runtime: WebAssembly.Module; model: Uint8Array; alphabet: string[] }
  /** One crop, planar floats [1, 3, 48, width]. */
  | { type: 'read'; id: number; crop: Float32Array; width: number }
  | { type: 'cancel'; id: number; target: number };

export type LineReaderResponse =
  | { type: 'loaded'; id: number }
  | { type: 'read'; id: number; decoded: DecodedText }
  | { type: 'error'; id: number; error: SerializedError };

// ---- pages worker (workers/pages.worker.ts): bytes in, pages out ----

export type DocumentKind = 'image' | 'pdf';

/** How a page's text was obtained: read from the PDF's text layer, or recognized by an engine. */
export type PageSource = 'text-layer' | 'ocr';

/** One line of a page's text and where it is on the page image: `[x, y, width, height]` in the image's pixels. */
export interface PageLine {
  text: string;
  box: [number, number, number, number];
}

/** Quarter turns, clockwise. */
export type Rotation = 0 | 90 | 180 | 270;

/**
 * How a page is to be cut out and turned before it is read: `corners` in the uncorrected page's pixels (a photo's
 * own, after its EXIF orientation), `null` for the whole page, `'auto'` to find the sheet in a photo.
 */
export interface PageCorrection {
  corners: Quad | null | 'auto';
  rotation: Rotation;
}

/** What was done to a page before it was read; the corners are in the uncorrected page's pixels. */
export interface PageGeometry {
  sourceWidth: number;
  sourceHeight: number;
  /** The sheet's corners as found in the photo; null when none stood out or the page was already flat. */
  detected: Quad | null;
  /** The corners the page was cut out along; null when the whole page was kept. */
  corners: Quad | null;
  rotation: Rotation;
}

export interface PreparedPage {
  /** 0-based. */
  index: number;
  /** Display image (oriented, size-capped), stored with the document. */
  image: Blob;
  width: number;
  height: number;
  source: PageSource;
  /** Present when source is 'text-layer'. */
  text?: string;
  /** Present when source is 'text-layer': its lines where pdf.js placed them. */
  lines?: PageLine[];
  /** Present when source is 'ocr': the pixels the engine reads. */
  pixels?: RgbaImage;
  /** How the page was straightened, cropped or turned; absent when nothing was looked for. */
  geometry?: PageGeometry;
  /** The page before it was cut out or turned (shown under the corner editor); absent when `image` is that page. */
  sourceImage?: Blob;
}

export type PagesRequest =
  /** `range`: the PDF pages to prepare (1-based, inclusive, clipped to the document); images ignore it. */
  /** `corrections`: by page index, how to cut and turn it; a photo without one is straightened when its sheet is found. */
  | { type: 'open'; id: number; file: Blob; range: PageRange; corrections: Record<number, PageCorrection> }
  /** The reader has finished a page of request `target`: the worker may prepare one more. */
  | { type: 'page-read'; id: number; target: number }
  /** A read document's receipt fields from its text, off the main thread (the extractor's lexicon is large). */
  | { type: 'extract'; id: number; text: string; options: ExtractOptions }
  | { type: 'cancel'; id: number; target: number };

export type PagesResponse =
  | { type: 'extracted'; id: number; receipt: Receipt }
  | { type: 'opened'; id: number; kind: DocumentKind; mime: string; pageCount: number }
  | { type: 'page'; id: number; page: PreparedPage }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; error: SerializedError };

export type SearchRequest =
  /** Bring the index in step with IndexedDB: index new and changed documents, forget deleted ones. */
  | { type: 'sync'; id: number }
  | { type: 'search'; id: number; query: string }
  | { type: 'cancel'; id: number; target: number };

export type SearchResponse =
  | { type: 'synced'; id: number; size: number; changed: number }
  /** Ids of the matching documents, best first. */
  | { type: 'results'; id: number; ids: string[] }
  | { type: 'error'; id: number; error: SerializedError };
