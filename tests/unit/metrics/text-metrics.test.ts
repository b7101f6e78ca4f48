import { describe, expect, it } from 'vitest';
import { editDistance, normalizeTranscript, summarize, transcriptCounts } from '../../../src/pipeline/metrics/text-metrics';

describe('text metrics', () => {
  it('normalizes case, spaces and empty lines', () => {
    expect(normalizeTranscript(' Total   5.70 \n\n  thank you\r\n')).toBe('TOTAL 5.70\nTHANK YOU');
  });

  it('computes edit distance', () => {
    expect(editDistance('KITTEN', 'SITTING')).toBe(3);
    expect(editDistance('', 'ABC')).toBe(3);
    expect(editDistance('SAME', 'SAME')).toBe(0);
  });

  it('micro-averages CER and an order-insensitive word F1 over receipts', () => {
    const perfect = transcriptCounts('b a', 'B A');
    expect(perfect).toMatchObject({ truePositives: 2, predictedWords: 2, referenceWords: 2 });
    const runTogether = transcriptCounts('TOTAL5.70', 'TOTAL 5.70');
    expect(runTogether).toMatchObject({ errors: 1, referenceLength: 10, truePositives: 0 });
    const { cer, wordF1 } = summarize([transcriptCounts('A B', 'A B'), runTogether]);
    expect(cer).toBeCloseTo(1 / 13);
    // precision 2/3, recall 2/4
    expect(wordF1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  });
});
