/** Picks one candidate by learned weights over its evidence (a conditional logit), or none when "none" scores higher. */

export interface RankerWeights {
  /** Weight per feature name; a feature the weights do not name counts 0. */
  weights: Record<string, number>;
}

/** A candidate's evidence before any is found: every feature the ranker knows, at 0. */
export function noEvidence<F extends string>(features: readonly F[]): Record<F, number> {
  return Object.fromEntries(features.map((name) => [name, 0])) as Record<F, number>;
}

export function scoreOf(features: Record<string, number>, model: RankerWeights): number {
  let score = 0;
  for (const [name, value] of Object.entries(features)) score += (model.weights[name] ?? 0) * value;
  return score;
}

/** The index of the best-scoring candidate, or null when none scores above "none" (0); the first wins a tie. */
export function bestIndex(candidates: readonly { features: Record<string, number> }[], model: RankerWeights): number | null {
  let best: number | null = null;
  let top = 0;
  candidates.forEach((c, i) => {
    const score = scoreOf(c.features, model);
    if (score > top) [best, top] = [i, score];
  });
  return best;
}

export function pickBest<T extends { features: Record<string, number> }>(candidates: readonly T[], model: RankerWeights): T | null {
  const best = bestIndex(candidates, model);
  return best === null ? null : candidates[best]!;
}
