import { describe, expect, it } from 'vitest';
import { downscaleSteps } from '../../../src/pipeline/image/downscale';
import { capSize } from '../../../src/pipeline/image/cap';

describe('downscaleSteps', () => {
  it('halves until one last step of at most 2× reaches the target', () => {
    expect(downscaleSteps(8000, 6000, 1000, 750)).toEqual([
      { width: 4000, height: 3000 },
      { width: 2000, height: 1500 },
      { width: 1000, height: 750 },
    ]);
    expect(downscaleSteps(5000, 3000, 4096, 2457)).toEqual([{ width: 4096, height: 2457 }]);
  });

  it('never shrinks more than 2× in one step and never goes below the target', () => {
    for (const [w, h] of [[12000, 9000], [4097, 31], [60000, 1000], [9001, 9001]] as const) {
      const target = capSize(w, h);
      let previous: { width: number; height: number } = { width: w, height: h };
      for (const step of downscaleSteps(w, h, target.width, target.height)) {
        expect(step.width * 2).toBeGreaterThanOrEqual(previous.width);
        expect(step.height * 2).toBeGreaterThanOrEqual(previous.height);
        expect(step.width).toBeGreaterThanOrEqual(target.width);
        previous = step;
      }
      expect(previous).toEqual({ width: target.width, height: target.height });
    }
  });

  it('is empty when the image is already at the target size', () => {
    expect(downscaleSteps(800, 600, 800, 600)).toEqual([]);
  });
});
