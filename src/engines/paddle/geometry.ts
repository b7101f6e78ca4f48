import type { Rect } from '../../pipeline/ocr/tensor';

/** Detection sees the page at this long side: enough for receipt print, and memory stays flat on 35 MP scans. */
export const DET_MAX_SIDE = 960;
/** The recognizer was trained on lines 48 px high. */
export const REC_HEIGHT = 48;
/** Wider boxes are squeezed to this width: the recognizer still reads them, and memory per run stays bounded. */
export const REC_MAX_WIDTH = 1600;

/** A second detection pass pays off when it sees the text at least this much larger than the first. */
export const ZOOM_GAIN = 1.5;

/** Detection input size: the long side capped, both sides multiples of 32 as the network requires. */
export function detectionSize(width: number, height: number, maxSide = DET_MAX_SIDE) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const round = (v: number) => Math.max(32, Math.round((v * scale) / 32) * 32);
  return { width: round(width), height: round(height) };
}

/** Recognition input: the box scaled to 48 px high, padded on the right to a multiple of 8. */
export function recognitionInput(boxWidth: number, boxHeight: number) {
  const contentWidth = Math.max(8, Math.min(REC_MAX_WIDTH, Math.round((boxWidth / Math.max(1, boxHeight)) * REC_HEIGHT)));
  return { contentWidth, width: Math.ceil(contentWidth / 8) * 8 };
}

/**
 * Where a second detection pass should look, or undefined when the first pass saw the text well enough:
 * a small receipt on a full-page scan (or on a table, in a photo) reaches detection a few pixels high.
 * The region is the text's bounding box, with a margin of a line's height, over the whole image.
 */
export function zoomRegion(boxes: readonly Rect[], width: number, height: number): Rect | undefined {
  if (boxes.length === 0) return undefined;
  const lineHeight = boxes.map((b) => b.height).sort((a, b) => a - b)[boxes.length >> 1]!;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - lineHeight);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - lineHeight);
  const right = Math.min(width, Math.max(...boxes.map((b) => b.x + b.width)) + lineHeight);
  const bottom = Math.min(height, Math.max(...boxes.map((b) => b.y + b.height)) + lineHeight);
  const region = { x: left, y: top, width: right - left, height: bottom - top };
  const scale = (w: number, h: number) => Math.min(1, DET_MAX_SIDE / Math.max(w, h));
  return scale(region.width, region.height) / scale(width, height) >= ZOOM_GAIN ? region : undefined;
}
