import { activationCode } from './quantize-graph';

/** How many of a tensor's sampled values the search scores each candidate range on. */
const SCORED = 65_536;
const STEPS = 32;

/**
 * The range a tensor's uint8 codes should span: of ranges clipped to fractions of the observed extremes,
 * the one with the least squared error after quantizing and dequantizing a fixed-stride sample of the
 * values. Values rarer than the sample sees (about one in 65,536) are clipped rather than let min/max
 * spend the 256 codes on them; between the sampled values, the squared error decides.
 */
export function clippingRange(values: Float32Array, [min, max]: readonly [number, number]): [number, number] {
  const stride = Math.max(1, Math.floor(values.length / SCORED));
  const scored = values.filter((_, i) => i % stride === 0);
  const fractions = Array.from({ length: STEPS }, (_, i) => (i + 1) / STEPS);
  let best: [number, number] = [Math.min(0, min), Math.max(0, max)];
  let bestError = Infinity;
  for (const high of max > 0 ? fractions.map((f) => f * max) : [0])
    for (const low of min < 0 ? fractions.map((f) => f * min) : [0]) {
      const error = quantizationError(scored, low, high);
      if (error < bestError) [best, bestError] = [[low, high], error];
    }
  return best;
}

/** Sum of squared differences between values and their uint8 round trip over [low, high]. */
export function quantizationError(values: Float32Array, low: number, high: number): number {
  const { scale, zero } = activationCode(low, high);
  let sum = 0;
  for (const v of values) {
    const code = Math.min(255, Math.max(0, Math.round(v / scale) + zero));
    const d = (code - zero) * scale - v;
    sum += d * d;
  }
  return sum;
}
