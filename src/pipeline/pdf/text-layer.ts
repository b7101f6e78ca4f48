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

/** A line of the text layer and its bounds in PDF units (y grows upwards, from the baseline). */
export interface TextLayerLine {
  text: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/**
 * Text items in reading order: grouped into lines by baseline (within half a glyph height),
 * lines top to bottom (PDF y grows upwards), items left to right, a space where a gap opens.
 */
export function textLayerLines(items: readonly TextItemLike[]): TextLayerLine[] {
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
      // Descenders reach about a fifth of the size below the baseline, capitals about four fifths above.
      return {
        text: text.replace(/\s+/g, ' ').trim(),
        left: Math.min(...line.map((g) => g.x)),
        right: Math.max(...line.map((g) => g.x + g.width)),
        bottom: Math.min(...line.map((g) => g.y - g.size * 0.2)),
        top: Math.max(...line.map((g) => g.y + g.size * 0.8)),
      };
    })
    .filter((line) => line.text.length > 0);
}

/** A line's box on the rendered page: its corners through the viewport's point transform (which also turns rotated pages). */
export function pixelBox(line: TextLayerLine, toPixel: (x: number, y: number) => number[]): [number, number, number, number] {
  const corners = [toPixel(line.left, line.bottom), toPixel(line.right, line.top), toPixel(line.left, line.top), toPixel(line.right, line.bottom)];
  const xs = corners.map((c) => c[0] ?? 0);
  const ys = corners.map((c) => c[1] ?? 0);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return [x, y, Math.max(...xs) - x, Math.max(...ys) - y].map((v) => Math.round(v * 10) / 10) as [number, number, number, number];
}

/** The text layer as text, one line per printed line. */
export function assembleTextLines(items: readonly TextItemLike[]): string {
  return textLayerLines(items)
    .map((line) => line.text)
    .join('\n');
}
/** Points to pixels at the resolution OCR reads best at, before the size cap. */
export const PDF_RENDER_DPI = 200;
export const pdfRenderScale = (dpi = PDF_RENDER_DPI) => dpi / 72;
