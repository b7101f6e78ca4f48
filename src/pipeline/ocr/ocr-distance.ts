/**
 * How far a word OCR read is from a word it may stand for, in edits weighted by what print OCR gets wrong in
 * letters: swapping look-alikes (I/L/T/J, O/D/Q/C/G/U, E/F, M/N/H, U/V, C/E), dropping or adding a thin I or L,
 * or reading one glyph as two or two as one ("RN" for "M", "LI" for "D") costs half an edit; any other letter a
 * whole one. "STOOGES" is then two edits from "STORES" and "HARLIWARE" half an edit from "HARDWARE", where plain
 * edit distance puts both at two. Letters only: callers read digits between letters as letters first.
 */
const LOOK_ALIKE_GROUPS = ['ILTJ', 'ODQCGU', 'EF', 'MNH', 'UV', 'CE'];
const THIN = new Set(['I', 'L']);
const PAIRS = new Map([['RN', 'M'], ['CL', 'D'], ['LI', 'D'], ['VV', 'W'], ['II', 'U'], ['IJ', 'U']]);
// Every pair of look-alikes, both ways, so the inner loop asks one set.
const ALIKE = new Set(LOOK_ALIKE_GROUPS.flatMap((group) => [...group].flatMap((a) => [...group].map((b) => a + b))));

const CHEAP = 0.5;

/** Weighted edit distance between two upper-case words of letters (see above); a swap of neighbours is one edit. */
export function ocrDistance(read: string, word: string): number {
  const gap = (c: string) => (THIN.has(c) ? CHEAP : 1);
  const d: number[][] = [[0]];
  for (let j = 1; j <= word.length; j++) d[0]![j] = d[0]![j - 1]! + gap(word[j - 1]!);
  for (let i = 1; i <= read.length; i++) {
    d[i] = [d[i - 1]![0]! + gap(read[i - 1]!)];
    for (let j = 1; j <= word.length; j++) {
      const [a, b] = [read[i - 1]!, word[j - 1]!];
      let best = Math.min(d[i - 1]![j]! + gap(a), d[i]![j - 1]! + gap(b), d[i - 1]![j - 1]! + (a === b ? 0 : ALIKE.has(a + b) ? CHEAP : 1));
      if (i > 1 && j > 1 && a === word[j - 2] && read[i - 2] === b) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      if (i > 1 && PAIRS.get(read[i - 2]! + a) === b) best = Math.min(best, d[i - 2]![j - 1]! + CHEAP);
      if (j > 1 && PAIRS.get(word[j - 2]! + b) === a) best = Math.min(best, d[i - 1]![j - 2]! + CHEAP);
      d[i]![j] = best;
    }
  }
  return d[read.length]![word.length]!;
}
