import { bestIndex } from '../../src/receipt/ranker';

/**
 * Fits the ranker's weights: each receipt is one choice among its candidates and "none" (score 0);
 * full-batch gradient descent on the mean negative log-likelihood with an L2 penalty, from zero, so the
 * same data always gives the same weights.
 */
export interface Choice {
  candidates: Record<string, number>[];
  /** Index of the right candidate, or null when none of them is right. */
  answer: number | null;
}

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

export function fitConditionalLogit(choices: readonly Choice[], featureNames: readonly string[], options: FitOptions): Record<string, number> {
  const w = new Float64Array(featureNames.length);
  const rows = choices.map((c) => ({ x: c.candidates.map((f) => Float64Array.from(featureNames, (name) => f[name] ?? 0)), answer: c.answer }));
  const grad = new Float64Array(w.length);
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0);
    for (const { x, answer } of rows) {
      const scores = x.map((row) => row.reduce((s, v, j) => s + v * w[j]!, 0));
      const top = Math.max(0, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const z = Math.exp(-top) + exps.reduce((a, b) => a + b, 0);
      x.forEach((row, k) => {
        const p = exps[k]! / z - (k === answer ? 1 : 0);
        for (let j = 0; j < w.length; j++) grad[j]! += p * row[j]!;
      });
    }
    for (let j = 0; j < w.length; j++) w[j]! -= options.learningRate * (grad[j]! / rows.length + options.l2 * w[j]!);
  }
  return Object.fromEntries(featureNames.map((name, j) => [name, Math.round(w[j]! * 1e4) / 1e4]));
}

/** Share of choices whose best-scoring option (a candidate, or "none" at 0) is the right one, scored as the extractor scores. */
export function choiceAccuracy(choices: readonly Choice[], weights: Record<string, number>): number {
  const right = choices.filter(({ candidates, answer }) => bestIndex(candidates.map((features) => ({ features })), { weights }) === answer).length;
  return choices.length ? right / choices.length : NaN;
}
