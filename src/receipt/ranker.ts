/** Picks one candidate by learned weights over its evidence (a conditional logit), or none when "none" scores higher. */

export interface RankerWeights {
  /** Weight per feature name; a feature the weights do not name counts 0. */
  weights: Record<string, number>;
}

export interface Ranked<T> {
  candidate: T;
  /** Probability of this candidate among all of them and "none". */
  probability: number;
}

export function scoreOf(features: Record<string, number>, model: RankerWeights): number {
  let score = 0;
  for (const [name, value] of Object.entries(features)) score += (model.weights[name] ?? 0) * value;
  return score;
}

/** Softmax over the candidates' scores and "none" at 0; the best candidate, unless "none" is likelier. */
export function pickBest<T extends { features: Record<string, number> }>(candidates: readonly T[], model: RankerWeights): Ranked<T> | null {
  if (candidates.length === 0) return null;
  const scores = candidates.map((c) => scoreOf(c.features, model));
  const top = Math.max(0, ...scores);
  const denominator = Math.exp(-top) + scores.reduce((sum, s) => sum + Math.exp(s - top), 0);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  if (scores[best]! <= 0) return null;
  return { candidate: candidates[best]!, probability: Math.exp(scores[best]! - top) / denominator };
}
