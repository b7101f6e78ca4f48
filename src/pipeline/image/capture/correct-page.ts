import type { RgbaImage } from '../../../engines/engine';
import { LoupeError } from '../../../errors';
import type { PageCorrection, PageGeometry, PreparedPage } from '../../../protocol';
import { DISPLAY_JPEG_QUALITY } from '../prepare-image';
import { findPage, isFlat, warpPage } from './find-page';
import { loadOpenCv } from './opencv';
import { borderIsPaper } from './paper-border';
import type { Quad } from './quad';

type PixelPage = PreparedPage & { pixels: RgbaImage };

/**
 * The page as it is to be read: the sheet found in a photo (or the user's corners) cut out and made upright, then
 * turned. `source` is the uncorrected page's own size, the space corners are kept in (a photo is decoded under the
 * size cap, so its pixels may be fewer). A page with nothing to do comes back as it was, with its geometry.
 */
export async function correctPage(page: PixelPage, correction: PageCorrection, source: { width: number; height: number }): Promise<PreparedPage> {
  const toPixels = { x: page.width / source.width, y: page.height / source.height };
  const toSource = { x: source.width / page.width, y: source.height / page.height };
  const detected = correction.corners === 'auto' ? await detectSheet(page.pixels) : null;
  const corners = correction.corners === 'auto' ? detected : correction.corners && scaleQuad(correction.corners, toPixels);
  const geometry: PageGeometry = {
    sourceWidth: source.width,
    sourceHeight: source.height,
    detected: detected && scaleQuad(detected, toSource),
    corners: corners && scaleQuad(corners, toSource),
    rotation: correction.rotation,
  };
  if (!corners && correction.rotation === 0) return { ...page, geometry };
  const cv = await loadOpenCv().catch((error: unknown) => {
    console.warn('Loupe could not load its image tools', error);
    throw new LoupeError('corrupt-image', 'Loupe could not load the tools that straighten and turn pages; connect once so they can be downloaded, then read the page again.');
  });
  const out = warpPage(cv, page.pixels, corners, correction.rotation);
  return {
    index: page.index,
    image: await encodeJpeg(out),
    width: out.width,
    height: out.height,
    source: 'ocr',
    pixels: out,
    geometry,
    sourceImage: page.image,
  };
}

/**
 * The sheet's corners in a photo, or null for a page already flat (its edges are paper) or one whose sheet does
 * not stand out. Without the image tools (offline before their first use) the photo is read as it is.
 */
export async function detectSheet(pixels: RgbaImage): Promise<Quad | null> {
  if (borderIsPaper(pixels)) return null;
  const cv = await loadOpenCv().catch((error: unknown) => {
    console.warn('Loupe could not load its image tools; the photo is read as it is', error);
    return undefined;
  });
  if (!cv) return null;
  const found = findPage(cv, pixels);
  return found && !isFlat(found, pixels.width, pixels.height) ? found.corners : null;
}

function scaleQuad(quad: Quad, by: { x: number; y: number }): Quad {
  return quad.map((p) => ({ x: p.x * by.x, y: p.y * by.y })) as Quad;
}

async function encodeJpeg(image: RgbaImage): Promise<Blob> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images off the main thread.');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: DISPLAY_JPEG_QUALITY });
}
