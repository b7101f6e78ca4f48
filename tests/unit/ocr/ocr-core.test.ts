import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../../../src/pipeline/ocr/ctc';
import { boxesFromProbabilityMap } from '../../../src/pipeline/ocr/db-postprocess';
import { groupIntoLines } from '../../../src/pipeline/ocr/reading-order';
import { regionToTensor } from '../../../src/pipeline/ocr/tensor';
import { boxBounds } from '../../../src/pipeline/ocr/text-box';
import { detectionSize, recognitionInput, zoomRegion } from '../../../src/engines/paddle/geometry';
import { paddleAlphabet } from '../../../src/engines/paddle/paddle-ocr';

// Alphabet: 0 blank, 1 'A', 2 'B', 3 space (the last class, as in PP-OCR).
const alphabet = ['', 'A', 'B', ' '];

/** Softmax-like rows from (class, probability of space) pairs. */
function logits(steps: [number, number][]): Float32Array {
  const out = new Float32Array(steps.length * 4);
  steps.forEach(([best, space], t) => {
    out[t * 4 + 3] = space;
    out[t * 4 + best] = Math.max(out[t * 4 + best]!, 0.9);
  });
  return out;
}

describe('decodeCtc', () => {
  it('collapses repeats and drops blanks', () => {
    const out = logits([[1, 0], [1, 0], [0, 0], [1, 0], [2, 0], [2, 0]]);
    expect(decodeCtc(out, 6, 4, alphabet).text).toBe('AAB');
  });

  it('puts a word space back where the space class rises between characters', () => {
    const out = logits([[1, 0], [0, 0.2], [0, 0], [2, 0], [0, 0.01], [1, 0]]);
    expect(decodeCtc(out, 6, 4, alphabet).text).toBe('A BA');
  });

  it('keeps a space the recognizer did emit, once, and never leads or trails with one', () => {
    const out = logits([[3, 0.9], [1, 0], [3, 0.9], [3, 0.9], [0, 0.3], [2, 0], [3, 0.9]]);
    expect(decodeCtc(out, 7, 4, alphabet).text).toBe('A B');
  });

  it('writes full-width punctuation as ASCII', () => {
    const fullWidth = ['', 'A', '：', ' '];
    const out = logits([[1, 0], [2, 0], [0, 0.3], [1, 0]]);
    expect(decodeCtc(out, 4, 4, fullWidth).text).toBe('A: A');
  });

  it('puts no space after the decimal point of an amount, and keeps it after a numbered item', () => {
    const digits = ['', '0', '1', '2', '9', '.', ' '];
    /** One step per entry: a character's class, a blank (-1), or a gap where the space class rises to 0.3 (0). */
    const read = (classes: number[]) => {
      const out = new Float32Array(classes.length * digits.length);
      classes.forEach((c, t) => {
        out[t * digits.length + Math.max(0, c)] = 0.9;
        if (c === 0) out[t * digits.length + digits.length - 1] = 0.3;
      });
      return decodeCtc(out, classes.length, digits.length, digits).text;
    };
    expect(read([2, 4, 1, 5, 0, 1, -1, 1])).toBe('190.00');
    expect(read([2, 5, 0, 3, 1, 2, 3])).toBe('1. 2012');
    expect(read([2, 5, 0, 3, 1, 2])).toBe('1. 201');
  });
});

describe('boxesFromProbabilityMap', () => {
  it('turns confident regions into grown boxes and drops faint or tiny ones', () => {
    const width = 40;
    const height = 20;
    const prob = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) prob[y * width + x] = v;
    };
    fill(5, 5, 25, 10, 0.9);
    fill(30, 5, 38, 10, 0.4);
    fill(2, 15, 4, 16, 0.95);
    const boxes = boxesFromProbabilityMap(prob, width, height);
    expect(boxes).toHaveLength(1);
    const bounds = boxBounds(boxes[0]!);
    expect(bounds.x).toBeLessThan(5);
    expect(bounds.x + bounds.width).toBeGreaterThan(25);
    expect(boxes[0]!.score).toBeCloseTo(0.9);
  });
});

describe('groupIntoLines', () => {
  const box = (x: number, y: number, width = 50, height = 20) => ({ x, y, width, height });

  it('keeps a label and its amount far to the right on one line, lines top to bottom', () => {
    const lines = groupIntoLines([box(400, 103), box(10, 100), box(10, 60), box(10, 140), box(300, 142)]);
    expect(lines.map((l) => l.map((b) => b.x))).toEqual([[10], [10, 400], [10, 300]]);
  });

  it('does not merge lines that only touch', () => {
    const lines = groupIntoLines([box(10, 100), box(10, 118)]);
    expect(lines).toHaveLength(2);
  });
});

describe('regionToTensor', () => {
  it('averages, normalizes and lays out planes B, G, R, padding past the content', () => {
    const image = { width: 2, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255, 255, 0, 0, 255]) };
    const t = regionToTensor(image, { x: 0, y: 0, width: 2, height: 1 }, 2, 1, { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }, 1, -9);
    // One content pixel (pure red, averaged), then padding.
    expect([...t]).toEqual([-1, -9, -1, -9, 1, -9]);
  });
});

describe('geometry', () => {
  it('detection size: long side capped, multiples of 32, never zero', () => {
    expect(detectionSize(1654, 2339, 960)).toEqual({ width: 672, height: 960 });
    expect(detectionSize(10, 10, 960)).toEqual({ width: 32, height: 32 });
  });

  it('recognition input keeps the aspect ratio at 48 px high, padded to a multiple of 8', () => {
    expect(recognitionInput(200, 40)).toEqual({ contentWidth: 240, width: 240 });
    expect(recognitionInput(101, 48)).toEqual({ contentWidth: 101, width: 104 });
  });

  it('zooms in on a small receipt on a full-page scan, with a line of margin', () => {
    // Text in a 1400 x 2000 area of a 4096 x 5800 page, lines 40 px high.
    const lines = [0, 1, 2, 3, 4].map((i) => ({ x: 1300 + (i % 2) * 100, y: 1500 + i * 400, width: 1200, height: 40 }));
    lines.push({ x: 1300, y: 3460, width: 1400, height: 40 });
    expect(zoomRegion(lines, 4096, 5800)).toEqual({ x: 1260, y: 1460, width: 1480, height: 2080 });
  });

  it('does not zoom when the text already fills the page, or when there is none', () => {
    const lines = [{ x: 30, y: 40, width: 560, height: 30 }, { x: 40, y: 1400, width: 520, height: 30 }];
    expect(zoomRegion(lines, 620, 1480)).toBeUndefined();
    // Half of a large page: a second pass would see the text only 1.3 times larger.
    const half = [{ x: 0, y: 0, width: 2000, height: 40 }, { x: 0, y: 4360, width: 1800, height: 40 }];
    expect(zoomRegion(half, 2800, 5800)).toBeUndefined();
    expect(zoomRegion([], 4096, 5800)).toBeUndefined();
  });

  it('alphabet: blank first, space last, no empty class from a trailing newline', () => {
    expect(paddleAlphabet('a\nb\n')).toEqual(['', 'a', 'b', ' ']);
  });
});
