/** Detection sees the page at this long side: enough for receipt print, and memory stays flat on 35 MP scans. */
export const DET_MAX_SIDE = 960;
/** The recognizer was trained on lines 48 px high. */
export const REC_HEIGHT = 48;
/** Wider boxes are squeezed to this width: the recognizer still reads them, and memory per run stays bounded. */
export const REC_MAX_WIDTH = 1600;

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
