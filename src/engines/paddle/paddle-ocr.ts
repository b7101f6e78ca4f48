import type { InferenceSession, Tensor, TypedTensor } from 'onnxruntime-web/webgpu';
import type { RecognizeOptions, RecognizeResult, RecognizedLine, RgbaImage } from '../engine';
import { throwIfAborted } from '../engine';
import { boxesFromProbabilityMap } from '../../pipeline/ocr/db-postprocess';
import { decodeCtc, type DecodedText } from '../../pipeline/ocr/ctc';
import { lettersForLookAlikeDigits } from '../../pipeline/ocr/look-alikes';
import { readingOrder } from '../../pipeline/ocr/reading-order';
import { boxToTensor, regionToTensor, type Rect } from '../../pipeline/ocr/tensor';
import { boxBounds, boxHeight, boxInImage, boxLength, type TextBox } from '../../pipeline/ocr/text-box';
import { detectionSize, recognitionInput, REC_HEIGHT, zoomRegion } from './geometry';
import { runInLanes } from './lanes';
import { stopwatch } from './stopwatch';

const DET_NORM = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] } as const;
const REC_NORM = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } as const;
/** Boxes read with less mean confidence are logos, stamps or barcodes: their "text" only adds errors. */
const MIN_BOX_CONFIDENCE = 0.5;

/**
 * The served graphs come optimized from the build (scripts/paddle/pre-optimize.ts): optimizing them again in
 * each session only made opening slower.
 */
export const PADDLE_SESSION_OPTIONS = { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' } as const;

/** The two things PP-OCR needs from an onnxruntime build (web or node), so this core runs in both. */
export interface OrtRuntime {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => TypedTensor<'float32'>;
}

/** Index 0 is CTC's blank and the model's last class is the space. */
export function paddleAlphabet(keys: string): string[] {
  const lines = keys.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
}

/**
 * Reads one crop, planar floats [1, 3, 48, width], into text: a recognizer session here, or one in a
 * line-reader worker (src/engines/paddle/line-reader-workers.ts).
 */
export type LineReader = (crop: Float32Array, width: number) => Promise<DecodedText>;

/** A line reader over a recognizer session. */
export function sessionReader(ort: OrtRuntime, rec: InferenceSession, alphabet: readonly string[]): LineReader {
  return async (crop, width) => {
    const logits = await run(ort, rec, crop, [1, 3, REC_HEIGHT, width]);
    const [, steps, classes] = logits.dims as [number, number, number];
    return decodeCtc(logits.data as Float32Array, steps, classes, alphabet);
  };
}

/**
 * PP-OCR detection + recognition over RGBA pixels: the engine without any loading or browser concerns.
 * Boxes are read on every line reader at once, each taking the next box in reading order when free.
 */
export class PaddleOcr {
  constructor(
    private readonly ort: OrtRuntime,
    private readonly det: InferenceSession,
    private readonly readers: readonly LineReader[],
  ) {}

  async recognize(image: RgbaImage, options: RecognizeOptions = {}): Promise<RecognizeResult> {
    const { signal, onPartial } = options;
    throwIfAborted(signal);
    const { laps: timings, lap } = stopwatch();

    const boxes = await this.detect(image);
    lap('detect');
    const order = readingOrder(boxes);
    const reads = runInLanes(order.flat(), this.readers, (box, reader) => read(image, box, reader), signal);
    let next = 0;
    const lines: RecognizedLine[] = [];
    for (const line of order) {
      const words: string[] = [];
      let confidence = 0;
      for (let i = 0; i < line.length; i++) {
        const decoded = await reads[next++]!;
        if (decoded.text && decoded.confidence >= MIN_BOX_CONFIDENCE) words.push(lettersForLookAlikeDigits(decoded.text));
        confidence += decoded.confidence / line.length;
      }
      const text = words.join(' ');
      if (!text) continue;
      const bounds = line.map(boxBounds);
      const x = Math.min(...bounds.map((b) => b.x));
      const y = Math.min(...bounds.map((b) => b.y));
      const right = Math.max(...bounds.map((b) => b.x + b.width));
      const bottom = Math.max(...bounds.map((b) => b.y + b.height));
      lines.push({ text, confidence, box: { x, y, width: right - x, height: bottom - y } });
      onPartial?.(lines.map((l) => l.text).join('\n'));
    }
    lap('recognize');
    return { text: lines.map((l) => l.text).join('\n'), lines, timings };
  }

  /**
   * Text boxes in the image's pixel space, found on a copy shrunk to detection size; when the text
   * covers only part of a large image, found again on a copy of just that part.
   */
  async detect(image: RgbaImage): Promise<TextBox[]> {
    const boxes = await this.detectIn(image, { x: 0, y: 0, width: image.width, height: image.height });
    const zoom = zoomRegion(boxes.map(boxBounds), image.width, image.height);
    return zoom ? this.detectIn(image, zoom) : boxes;
  }

  private async detectIn(image: RgbaImage, region: Rect): Promise<TextBox[]> {
    const size = detectionSize(region.width, region.height);
    const input = regionToTensor(image, region, size.width, size.height, DET_NORM);
    const output = await run(this.ort, this.det, input, [1, 3, size.height, size.width]);
    const scaleX = region.width / size.width;
    const scaleY = region.height / size.height;
    return boxesFromProbabilityMap(output.data as Float32Array, size.width, size.height).map((b) => boxInImage(b, region, scaleX, scaleY));
  }
}

/** Reads one text box, cropped from the full-resolution image. */
function read(image: RgbaImage, box: TextBox, reader: LineReader): Promise<DecodedText> {
  const shape = recognitionInput(boxLength(box), boxHeight(box));
  return reader(boxToTensor(image, box, shape.width, REC_HEIGHT, REC_NORM, shape.contentWidth, 0), shape.width);
}

async function run(ort: OrtRuntime, session: InferenceSession, data: Float32Array, dims: number[]): Promise<Tensor> {
  const outputs = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, dims) });
  const output = outputs[session.outputNames[0]!];
  if (!output) throw new Error('The OCR model returned no output.');
  return output;
}
