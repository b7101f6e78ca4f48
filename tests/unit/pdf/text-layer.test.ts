import { describe, expect, it } from 'vitest';
import { assembleTextLines, chooseTextLayer, pixelBox, textLayerLines, type TextItemLike } from '../../../src/pipeline/pdf/text-layer';

const item = (str: string, x: number, y: number, width = str.length * 6, size = 10): TextItemLike => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
  height: size,
});

describe('chooseTextLayer', () => {
  it('takes a page with real text', () => {
    expect(chooseTextLayer([item('GROCERY MART', 10, 700), item('TOTAL 12.50', 10, 680)])).toBe(true);
  });

  it('recognizes a page whose layer is only whitespace, a page number or stray glyphs', () => {
    expect(chooseTextLayer([])).toBe(false);
    expect(chooseTextLayer([item('   ', 0, 0), item('\n', 0, 0)])).toBe(false);
    expect(chooseTextLayer([item('Page 3 of 12', 280, 20)])).toBe(false);
    expect(chooseTextLayer([item('.', 1, 1), item('-', 2, 2), item('·', 3, 3)])).toBe(false);
  });

  it('draws the line at 16 letters or digits, whitespace not counted', () => {
    expect(chooseTextLayer([item('ABCDEFGH', 0, 10), item('        ', 0, 5), item('1234567', 0, 0)])).toBe(false);
    expect(chooseTextLayer([item('ABCDEFGH', 0, 10), item('12345678', 0, 0)])).toBe(true);
  });

  it('recognizes a page whose text layer is mostly symbols, as fonts without a Unicode map extract', () => {
    const garbled = item('\uE001\uE002\uE003 \uFFFD\uFFFD#$%&*+=<>@~^|'.repeat(3) + 'Total 12.50 VAT 2.10 Cash', 0, 0);
    expect(chooseTextLayer([garbled])).toBe(false);
  });

  it('reads non-Latin text layers', () => {
    expect(chooseTextLayer([item('Квитанция об оплате 1250', 0, 0)])).toBe(true);
  });
});

describe('assembleTextLines', () => {
  it('orders lines top to bottom and items left to right, whatever order pdf.js gives', () => {
    const text = assembleTextLines([
      item('5.70', 200, 680),
      item('TOTAL', 10, 680),
      item('SHOP', 10, 700),
      item('THANKS', 10, 660),
    ]);
    expect(text).toBe('SHOP\nTOTAL 5.70\nTHANKS');
  });

  it('keeps slightly shifted baselines on one line and joins touching pieces without a space', () => {
    expect(assembleTextLines([item('TO', 10, 700, 12), item('TAL', 22, 701.5, 18), item('9.99', 100, 699)])).toBe('TOTAL 9.99');
  });

  it('does not double spaces already in the items', () => {
    expect(assembleTextLines([item('ITEM ', 10, 500, 30), item(' 2', 60, 500)])).toBe('ITEM 2');
  });
});

describe('text-layer line boxes', () => {
  it('bound each line from its items, from below the baseline to the top of its capitals', () => {
    const [shop, total] = textLayerLines([item('TOTAL', 10, 680, 30), item('5.70', 200, 680, 24), item('SHOP', 10, 700, 24)]);
    expect(shop).toEqual({ text: 'SHOP', left: 10, right: 34, bottom: 698, top: 708 });
    expect(total).toEqual({ text: 'TOTAL 5.70', left: 10, right: 224, bottom: 678, top: 688 });
  });

  it('map to the rendered page through the viewport, top-left origin, also for a rotated page', () => {
    const line = { text: 'TOTAL', left: 10, right: 110, bottom: 680, top: 690 };
    // A 600 × 800 pt page drawn at 2 px per point: y flips.
    expect(pixelBox(line, (x, y) => [x * 2, (800 - y) * 2])).toEqual([20, 220, 200, 20]);
    // The same page turned 90°: x and y swap.
    expect(pixelBox(line, (x, y) => [y * 2, x * 2])).toEqual([1360, 20, 20, 200]);
  });
});
