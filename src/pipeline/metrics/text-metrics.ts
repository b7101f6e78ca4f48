/** Benchmark measures for transcripts (as described in ../shared/bench/README.md). */

/** Uppercase, spaces collapsed, empty lines dropped. */
export function normalizeTranscript(text: string): string {
  return text
    .toUpperCase()
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Levenshtein distance over UTF-16 code units, in O(min(a, b)) memory. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let previous = new Uint32Array(b.length + 1).map((_, i) => i);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface Counts {
  errors: number;
  referenceLength: number;
  truePositives: number;
  predictedWords: number;
  referenceWords: number;
}

/** Per-receipt counts; sum them over a set for micro-averaged CER and word F1. */
export function transcriptCounts(predicted: string, reference: string): Counts {
  const p = normalizeTranscript(predicted);
  const r = normalizeTranscript(reference);
  const pw = p.split(/\s+/).filter(Boolean);
  const rw = r.split(/\s+/).filter(Boolean);
  const bag = new Map<string, number>();
  for (const w of rw) bag.set(w, (bag.get(w) ?? 0) + 1);
  let truePositives = 0;
  for (const w of pw) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      truePositives++;
      bag.set(w, n - 1);
    }
  }
  return { errors: editDistance(p, r), referenceLength: r.length, truePositives, predictedWords: pw.length, referenceWords: rw.length };
}

export function summarize(all: Counts[]): { cer: number; wordF1: number } {
  const sum = (key: keyof Counts) => all.reduce((s, c) => s + c[key], 0);
  const precision = sum('truePositives') / Math.max(1, sum('predictedWords'));
  const recall = sum('truePositives') / Math.max(1, sum('referenceWords'));
  return {
    cer: sum('errors') / Math.max(1, sum('referenceLength')),
    wordF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
