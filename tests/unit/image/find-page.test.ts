import { beforeAll, describe, expect, it } from 'vitest';
import { findPage, isFlat, warpPage, type Rgba } from '../../../src/pipeline/image/capture/find-page';
import { loadOpenCv, type OpenCv } from '../../../src/pipeline/image/capture/opencv';
import { applyHomography, cornerError, homography, outputSize, wholeImage, type Quad } from '../../../src/pipeline/image/capture/quad';
import { emptyScene, flatScene, photoScene, type SceneOptions } from '../../fixtures/photo-scenes/scene';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCv();
});

/** Scenes a little smaller than a phone's, so the file stays quick; detection works on a shrunk copy anyway. */
const LONG_SIDE = 1100;

describe('findPage on photographed receipts', () => {
  const cases: [string, SceneOptions][] = [
    ['on wood', { background: 'wood', secondSheet: false }],
    ['on a patterned cloth, tiles or fabric', { background: 'pattern', secondSheet: false }],
    ['on a plain desk', { background: 'plain', secondSheet: false }],
    ['beside a second sheet cut by the edge', { secondSheet: true }],
    ['nearly touching a side', { touching: true, secondSheet: false }],
  ];
  it.each(cases.map(([name, options], i) => [name, 300 + i, options] as const))('finds the corners within 2 %% of the diagonal %s', async (_name, seed, options) => {
    const scene = await photoScene(seed, { ...options, longSide: LONG_SIDE });
    const found = findPage(cv, scene.image);
    expect(found).not.toBeNull();
    expect(cornerError(found!.corners, scene.corners!)).toBeLessThan(0.02);
    expect(found!.confidence).toBeGreaterThan(0);
    expect(found!.confidence).toBeLessThanOrEqual(1);
    expect(isFlat(found!, scene.image.width, scene.image.height)).toBe(false);
  });

  it.each(['receipt', 'scan', 'screenshot'] as const)('leaves a flat page alone (%s)', async (style) => {
    const scene = await flatScene(310, style);
    const found = findPage(cv, scene.image);
    expect(found === null || isFlat(found, scene.image.width, scene.image.height)).toBe(true);
  });

  it.each(['wood', 'pattern', 'plain'] as const)('finds nothing on a bare table (%s)', async (background) => {
    const scene = await emptyScene(320, { background, longSide: LONG_SIDE });
    expect(findPage(cv, scene.image)).toBeNull();
  });
});

describe('isFlat', () => {
  it('is true for corners at the image corners, false for a sheet inside it', () => {
    const inset: Quad = [
      { x: 8, y: 5 },
      { x: 995, y: 9 },
      { x: 992, y: 1396 },
      { x: 4, y: 1392 },
    ];
    expect(isFlat({ corners: inset, confidence: 0.9 }, 1000, 1400)).toBe(true);
    const sheet: Quad = [
      { x: 200, y: 150 },
      { x: 800, y: 180 },
      { x: 780, y: 1200 },
      { x: 230, y: 1250 },
    ];
    expect(isFlat({ corners: sheet, confidence: 0.9 }, 1000, 1400)).toBe(false);
  });
});

/** A grey photo with a white page on it in perspective; the page's top-left corner carries a red mark. */
function markedPage(): { image: Rgba; corners: Quad } {
  const [width, height] = [900, 1200];
  const corners: Quad = [
    { x: 160.5, y: 140.25 },
    { x: 700.75, y: 180.5 },
    { x: 760.25, y: 1080.75 },
    { x: 110.5, y: 1010.25 },
  ];
  const toPage = homography(corners, wholeImage(1, 1));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const { x: u, y: v } = applyHomography(toPage, { x: x + 0.5, y: y + 0.5 });
      const inside = u >= 0 && u <= 1 && v >= 0 && v <= 1;
      const mark = inside && u < 0.2 && v < 0.15;
      data.set(mark ? [220, 20, 20, 255] : inside ? [250, 250, 250, 255] : [60, 60, 60, 255], (y * width + x) * 4);
    }
  return { image: { width, height, data }, corners };
}

const pixel = (image: Rgba, x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
const isRed = (rgb: number[]) => rgb[0]! > 150 && rgb[1]! < 80;
const isGrey = (rgb: number[]) => Math.abs(rgb[0]! - 60) < 30 && Math.abs(rgb[2]! - 60) < 30;

describe('warpPage', () => {
  const { image, corners } = markedPage();
  const upright = outputSize(corners, Infinity, { x: image.width / 2, y: image.height / 2 });
  /** Where the mark ends up after each clockwise turn. */
  const markCorner = { 0: 'top-left', 90: 'top-right', 180: 'bottom-right', 270: 'bottom-left' } as const;

  it.each([0, 90, 180, 270] as const)('cuts the page out upright and turns it by %i°', (rotation) => {
    const out = warpPage(cv, image, corners, rotation);
    const turned = rotation % 180 !== 0;
    expect(out.width).toBe(turned ? upright.height : upright.width);
    expect(out.height).toBe(turned ? upright.width : upright.height);
    expect(out.data.length).toBe(out.width * out.height * 4);
    const inset = 6;
    const probes = {
      'top-left': pixel(out, inset, inset),
      'top-right': pixel(out, out.width - 1 - inset, inset),
      'bottom-right': pixel(out, out.width - 1 - inset, out.height - 1 - inset),
      'bottom-left': pixel(out, inset, out.height - 1 - inset),
    };
    for (const [where, rgb] of Object.entries(probes)) expect(isRed(rgb)).toBe(where === markCorner[rotation]);
    // Every edge of the output is page, none of it the table around it.
    for (let t = 0; t <= 1; t += 0.05) {
      const x = Math.round(t * (out.width - 1));
      const y = Math.round(t * (out.height - 1));
      for (const rgb of [pixel(out, x, 1), pixel(out, x, out.height - 2), pixel(out, 1, y), pixel(out, out.width - 2, y)]) expect(isGrey(rgb)).toBe(false);
    }
  });

  it.each([0, 90, 180, 270] as const)('only turns the whole image by %i° when there are no corners', (rotation) => {
    const out = warpPage(cv, image, null, rotation);
    const turned = rotation % 180 !== 0;
    expect([out.width, out.height]).toEqual(turned ? [image.height, image.width] : [image.width, image.height]);
    // The photo's own top-left pixel goes where a clockwise turn takes it, unchanged.
    const corner = { 0: [0, 0], 90: [out.width - 1, 0], 180: [out.width - 1, out.height - 1], 270: [0, out.height - 1] }[rotation];
    image.data.set([1, 2, 3, 255], 0);
    const again = warpPage(cv, image, null, rotation);
    expect(pixel(again, corner![0]!, corner![1]!)).toEqual([1, 2, 3]);
    image.data.set([60, 60, 60, 255], 0);
  });
});
