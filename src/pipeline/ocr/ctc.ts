export interface DecodedText {
  text: string;
  confidence: number;
}

/**
 * Greedy CTC decoding of a recognizer's output [timesteps, classes] (class 0 is the blank), with the
 * word spaces the recognizer drops put back from the spacing of the characters: a step between two
 * characters clearly wider than the line's usual pitch is a space.
 */
export function decodeCtc(
  output: Float32Array,
  timesteps: number,
  classes: number,
  alphabet: readonly string[],
  spaceGapFactor = 1.75,
): DecodedText {
  const chars: { char: string; step: number; score: number }[] = [];
  let previous = 0;
  for (let t = 0; t < timesteps; t++) {
    let best = 0;
    let bestScore = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const v = output[row + c]!;
      if (v > bestScore) {
        bestScore = v;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) chars.push({ char: alphabet[best] ?? '', step: t, score: bestScore });
    previous = best;
  }
  const visible = chars.filter((c) => c.char !== ' ' && c.char !== '');
  const pitches = visible.slice(1).map((c, i) => c.step - visible[i]!.step).sort((a, b) => a - b);
  const pitch = pitches.length >= 2 ? pitches[Math.floor(pitches.length / 2)]! : Infinity;
  let text = '';
  for (let i = 0; i < chars.length; i++) {
    const current = chars[i]!;
    const before = chars[i - 1];
    if (before && current.char !== ' ' && before.char !== ' ' && current.step - before.step >= Math.max(pitch * spaceGapFactor, pitch + 2)) text += ' ';
    text += current.char;
  }
  const confidence = chars.length ? chars.reduce((sum, c) => sum + c.score, 0) / chars.length : 0;
  return { text: text.replace(/\s+/g, ' ').trim(), confidence };
}
