import type { RgbaImage } from '../../../engines/engine';

/** The outer band looked at, as a share of the shorter side. */
const BAND = 0.03;
/** A pixel is paper when its darkest channel is at least this bright and its channels this close (no colour). */
const PAPER_MIN = 160;
const PAPER_CHROMA = 40;
/** Share of the band that must be paper for the page to count as already flat. */
const FLAT_SHARE = 0.9;

/**
 * Whether the image's edges are paper all round: a scan, a screenshot or a photo filled by its sheet, with no
 * background to find corners against. Cheap (a few thousand samples), so scans never pay for edge detection.
 */
export function borderIsPaper(image: RgbaImage): boolean {
  const { width, height, data } = image;
  const band = Math.max(1, Math.round(Math.min(width, height) * BAND));
  // About 400 samples along each side, whatever the image's size.
  const step = Math.max(1, Math.floor(Math.max(width, height) / 400));
  let paper = 0;
  let seen = 0;
  const look = (x: number, y: number) => {
    const at = (y * width + x) * 4;
    const r = data[at]!;
    const g = data[at + 1]!;
    const b = data[at + 2]!;
    const low = Math.min(r, g, b);
    seen += 1;
    if (low >= PAPER_MIN && Math.max(r, g, b) - low <= PAPER_CHROMA) paper += 1;
  };
  for (let d = 0; d < band; d += Math.max(1, Math.floor(band / 3))) {
    for (let x = 0; x < width; x += step) {
      look(x, d);
      look(x, height - 1 - d);
    }
    for (let y = band; y < height - band; y += step) {
      look(d, y);
      look(width - 1 - d, y);
    }
  }
  return seen > 0 && paper / seen >= FLAT_SHARE;
}
