import { describe, expect, it } from 'vitest';
import { borderIsPaper } from '../../../src/pipeline/image/capture/paper-border';

/** An image of `fill` with a white sheet over the given share of its middle. */
function sheetOn(fill: [number, number, number], width: number, height: number, sheet: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  const [x0, x1] = [width * (0.5 - sheet / 2), width * (0.5 + sheet / 2)];
  const [y0, y1] = [height * (0.5 - sheet / 2), height * (0.5 + sheet / 2)];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = x >= x0 && x < x1 && y >= y0 && y < y1;
      data.set(inside ? [245, 245, 240, 255] : [...fill, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

describe('borderIsPaper', () => {
  it('calls a scan on white flat', () => {
    expect(borderIsPaper(sheetOn([250, 250, 250], 600, 900, 0.6))).toBe(true);
  });

  it('calls a sheet that fills the frame flat', () => {
    expect(borderIsPaper(sheetOn([30, 30, 30], 600, 900, 1))).toBe(true);
  });

  it('sees the background of a photo: wood, a grey table, a dark scanner lid', () => {
    for (const fill of [[150, 100, 60], [120, 120, 120], [20, 20, 20]] as [number, number, number][])
      expect(borderIsPaper(sheetOn(fill, 800, 600, 0.5))).toBe(false);
  });

  it('does not take a coloured but bright background for paper', () => {
    expect(borderIsPaper(sheetOn([240, 200, 150], 500, 500, 0.5))).toBe(false);
  });

  it('sees a background along only one side', () => {
    const image = sheetOn([250, 250, 250], 400, 400, 1);
    for (let y = 0; y < 400; y++) for (let x = 0; x < 60; x++) image.data.set([90, 60, 40, 255], (y * 400 + x) * 4);
    expect(borderIsPaper(image)).toBe(false);
  });
});
