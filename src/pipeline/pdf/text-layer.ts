/** The parts of a pdf.js text item this stage needs (pdf.js gives `transform` = [a, b, c, d, x, y]). */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Below this many letters or digits a page's text layer is a page number or a stray mark, and the
 * page is recognized instead.
 */
export const MIN_TEXT_LAYER_CHARS = 16;

/** At least this share of the visible characters must be letters or digits: fonts without a Unicode map extract as symbols and U+FFFD. */
export const MIN_REAL_CHAR_SHARE = 0.5;

/**
 * Whether a page carries a real text layer, read instead of recognized. An invisible OCR layer from a
 * scanner counts: it is the scanner's reading of the full-resolution scan, usually better than a second
 * pass on our render, and pdf.js's text content does not say which text is invisible anyway.
 */
export function chooseTextLayer(items: readonly TextItemLike[]): boolean {
  let real = 0;
  let visible = 0;
  for (const item of items)
    for (const ch of item.str) {
      if (/\s/u.test(ch)) continue;
      visible++;
      if (/[\p{L}\p{N}]/u.test(ch)) real++;
    }
  return real >= MIN_TEXT_LAYER_CHARS && real >= visible * MIN_REAL_CHAR_SHARE;
}

/**
 * Text items in reading order: grouped into lines by baseline (within half a glyph height),
 * lines top to bottom (PDF y grows upwards), items left to right, a space where a gap opens.
 */
export function assembleTextLines(items: readonly TextItemLike[]): string {
  const glyphs = items
    .filter((item) => item.str.length > 0)
    .map((item) => ({
      str: item.str,
      x: item.transform[4] ?? 0,
      y: item.transform[5] ?? 0,
      width: item.width,
      size: Math.abs(item.height) || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);

  const lines: (typeof glyphs)[] = [];
  for (const glyph of glyphs) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - glyph.y) <= Math.max(first.size, glyph.size) / 2) line.push(glyph);
    else lines.push([glyph]);
  }

  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end: number | undefined;
      for (const glyph of line) {
        const gap = end === undefined ? 0 : glyph.x - end;
        if (end !== undefined && gap > glyph.size * 0.15 && !text.endsWith(' ') && !glyph.str.startsWith(' ')) text += ' ';
        text += glyph.str;
        end = glyph.x + glyph.width;
      }
      return text.replace(/\s+/g, ' ').trim();
    })
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Points to pixels at the resolution OCR reads best at, before the size cap. */
export const PDF_RENDER_DPI = 200;
export const pdfRenderScale = (dpi = PDF_RENDER_DPI) => dpi / 72;
