export interface DecodedText {
  text: string;
  confidence: number;
}

/**
 * Above this probability of the space class anywhere between two characters, a word space is put back:
 * PP-OCR's recognizer was trained mostly on Chinese and seldom lets the space win the argmax, but it does
 * raise the space class right where Latin words part.
 */
export const SPACE_PROBABILITY = 0.05;

/**
 * A decimal point leaves a gap the space class rises in, so `190.00` comes out as `190. 00`: a point
 * between digits with exactly two digits after it is an amount, and takes no space.
 */
const AMOUNT_SPLIT_AT_POINT = /(\d)\. (\d\d)(?!\d)/g;

/**
 * Greedy CTC decoding of a recognizer's softmax output [timesteps, classes] (class 0 is the blank,
 * the last class is the space), with the word spaces the argmax drops recovered from the space class.
 */
export function decodeCtc(
  output: Float32Array,
  timesteps: number,
  classes: number,
  alphabet: readonly string[],
  spaceProbability = SPACE_PROBABILITY,
): DecodedText {
  const space = classes - 1;
  let text = '';
  let previous = 0;
  let spaceSeen = 0;
  let scoreSum = 0;
  let emitted = 0;
  for (let t = 0; t < timesteps; t++) {
    const row = t * classes;
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const v = output[row + c]!;
      if (v > bestScore) {
        bestScore = v;
        best = c;
      }
    }
    spaceSeen = Math.max(spaceSeen, output[row + space]!);
    if (best !== 0 && best !== previous && best !== space) {
      if (text && spaceSeen > spaceProbability && !text.endsWith(' ')) text += ' ';
      text += alphabet[best] ?? '';
      scoreSum += bestScore;
      emitted++;
      spaceSeen = 0;
    } else if (best === space && best !== previous && text) {
      spaceSeen = 1;
    }
    previous = best;
  }
  // The recognizer also learnt Chinese typography: NFKC turns its full-width '：（），' into ASCII.
  const spaced = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return { text: spaced.replace(AMOUNT_SPLIT_AT_POINT, '$1.$2'), confidence: emitted ? scoreSum / emitted : 0 };
}
