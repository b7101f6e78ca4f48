import type { PreparedPage } from '../../protocol';
import type { RgbaImage } from '../../engines/engine';
import type { ImageMime } from '../ingest/sniff';
import { heicUnsupported } from '../ingest/sniff';
import { capSize } from './cap';
import { downscaleSteps } from './downscale';
import { readExifOrientation, readJpegStoredSize } from './exif';
import { assertImageComplete, corruptImage } from './integrity';
import { orientationLeftToApply, orientationTransform, type Matrix } from './orientation';

/** Display images are re-encoded at this JPEG quality: text stays crisp at a fraction of PNG's size. */
export const DISPLAY_JPEG_QUALITY = 0.85;

/** Formats every browser shows as they are, so an untouched original can be the display image. */
const DISPLAYABLE = new Set<ImageMime>(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp', 'image/avif']);

/** A decoded photo's page, and the photo's own upright size (larger than the page when the size cap shrank it). */
export interface ImagePage {
  page: PreparedPage & { pixels: RgbaImage };
  upright: { width: number; height: number };
}

/**
 * Decodes an image off the main thread into one page: oriented exactly once (by the decoder, or here
 * when it provably did not), downscaled stepwise to the size cap, on white, pixels ready for the engine.
 */
export async function prepareImagePage(file: Blob, bytes: Uint8Array, mime: ImageMime): Promise<ImagePage> {
  assertImageComplete(bytes, mime);
  // A slice shares the file's bytes; only its type is corrected to what the bytes really are.
  const typed = file.slice(0, file.size, mime);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(typed, { imageOrientation: 'from-image' });
  } catch {
    throw mime === 'image/heic' ? heicUnsupported() : corruptImage();
  }
  try {
    const orientation = mime === 'image/jpeg' ? readExifOrientation(bytes) : 1;
    const left = orientationLeftToApply(orientation, mime === 'image/jpeg' ? readJpegStoredSize(bytes) : undefined, bitmap);
    const upright = orientationTransform(left, bitmap.width, bitmap.height);
    const target = capSize(upright.width, upright.height);
    const shrink = downscaleSteps(upright.width, upright.height, target.width, target.height);
    const [first = target, ...rest] = left === 1 ? shrink : [upright, ...shrink];
    let canvas = drawOnWhite(bitmap, first.width, first.height, left === 1 ? undefined : upright.matrix);
    for (const step of rest) {
      const source = canvas;
      canvas = drawOnWhite(source, step.width, step.height);
      source.width = source.height = 0;
    }
    const ctx = canvas.getContext('2d')!;
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // The original is kept when it is shown as it is read; anything turned, shrunk or exotic is stored
    // re-encoded upright, so the page image matches the pixels read whatever a viewer does with EXIF.
    const keepOriginal = target.scale === 1 && orientation === 1 && DISPLAYABLE.has(mime);
    const image = keepOriginal ? typed : await canvas.convertToBlob({ type: 'image/jpeg', quality: DISPLAY_JPEG_QUALITY });
    return {
      page: { index: 0, image, width: canvas.width, height: canvas.height, source: 'ocr', pixels: { width: pixels.width, height: pixels.height, data: pixels.data } },
      upright: { width: upright.width, height: upright.height },
    };
  } finally {
    bitmap.close();
  }
}

/** Draws a source onto a new white canvas, scaled to fill it or placed by `matrix`, with smooth filtering. */
function drawOnWhite(source: ImageBitmap | OffscreenCanvas, width: number, height: number, matrix?: Matrix): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw images off the main thread.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (matrix) {
    ctx.setTransform(...matrix);
    ctx.drawImage(source, 0, 0);
  } else ctx.drawImage(source, 0, 0, width, height);
  return canvas;
}
