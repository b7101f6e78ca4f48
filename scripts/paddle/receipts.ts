import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../../src/engines/engine';
import { capSize } from '../../src/pipeline/image/cap';

/** The receipt scans of a SROIE-like folder (its `img/`), in name order. */
export function receiptScans(set: string): string[] {
  return readdirSync(join(set, 'img'))
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort();
}

/** A scan's pixels in Node, as the app hands a page to an engine: turned upright and capped in size. */
export async function readScan(path: string): Promise<RgbaImage> {
  // metadata() reports the stored size; orientations 5-8 turn the image a quarter, swapping its sides.
  const meta = await sharp(path).metadata();
  const quarterTurn = (meta.orientation ?? 1) >= 5;
  const size = capSize(quarterTurn ? meta.height! : meta.width!, quarterTurn ? meta.width! : meta.height!);
  const { data, info } = await sharp(path).rotate().resize(size.width, size.height).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}
