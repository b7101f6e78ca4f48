/**
 * A small model reading a long receipt can fall into a loop ("TOTAL TOTAL TOTAL…", or the same line
 * again and again). True when the last tokens are one block of 1 to `maxPeriod` tokens repeated so
 * often that the repetition covers at least `minSpan` tokens: real receipts repeat words and prices,
 * not 48 tokens of the same pattern.
 */
export function isDegenerateLoop(tokens: ArrayLike<number | bigint>, { maxPeriod = 24, minSpan = 48 } = {}): boolean {
  const n = tokens.length;
  for (let period = 1; period <= maxPeriod && period * 2 <= n; period++) {
    let span = period;
    while (span < n && tokens[n - 1 - span] === tokens[n - 1 - span + period]) span++;
    if (span >= minSpan && span >= period * 3) return true;
  }
  return false;
}
