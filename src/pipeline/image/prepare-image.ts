import type { PreparedPage } from '../../protocol';
import { capSize } from './cap';
import { assertImageComplete, corruptImage } from './integrity';
import { readExifOrientation } from './exif';

/**
 * Decodes an image off the main thread into one page: EXIF orientation applied by the decoder
 * ('from-image'), downscaled to the cap in the same decode, pixels ready for the engine.
 */
export async function prepareImagePage(file: Blob, bytes: Uint8Array, mime: string): Promise<PreparedPage> {
  assertImageComplete(bytes, mime);
  const typed = new Blob([bytes as BlobPart], { type: mime });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(typed, { imageOrientation: 'from-image' });
  } catch {
    throw corruptImage();
  }
  try {
    const target = capSize(bitmap.width, bitmap.height);
    if (target.scale < 1) {
      const resized = await createImageBitmap(bitmap, {
        resizeWidth: target.width,
        resizeHeight: target.height,
        resizeQuality: 'high',
      });
      bitmap.close();
      bitmap = resized;
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('This browser cannot draw images off the main thread.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // The original is the best display image when it needed neither downscaling nor turning; a turned
    // photo is stored upright, so the page image matches the pixels read whatever the viewer does with EXIF.
    const upright = mime !== 'image/jpeg' || readExifOrientation(bytes) === 1;
    const image = target.scale < 1 || !upright ? await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.88 }) : file;
    return {
      index: 0,
      image,
      width: canvas.width,
      height: canvas.height,
      source: 'ocr',
      pixels: { width: pixels.width, height: pixels.height, data: pixels.data },
    };
  } finally {
    bitmap.close();
  }
}
