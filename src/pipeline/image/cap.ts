/** Bigger pages only cost memory and time: recognition works on far fewer pixels than a 35 MP scan. */
export const MAX_SIDE = 4096;
export const MAX_PIXELS = 16_000_000;

/** The size a page is decoded to: never upscaled, the long side and the pixel count capped. */
export function capSize(width: number, height: number, maxSide = MAX_SIDE, maxPixels = MAX_PIXELS) {
  const scale = Math.min(1, maxSide / Math.max(width, height), Math.sqrt(maxPixels / (width * height)));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)), scale };
}
