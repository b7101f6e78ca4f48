import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIngest, sniffType } from '../../../src/pipeline/ingest/sniff';
import { readExifOrientation } from '../../../src/pipeline/image/exif';
import { assertImageComplete } from '../../../src/pipeline/image/integrity';
import { assembleTextLines, chooseTextLayer } from '../../../src/pipeline/pdf/text-layer';
import { decodeCtc } from '../../../src/pipeline/ocr/ctc';
import { LoupeError } from '../../../src/errors';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { makeJpegFixture, makeTwoPagePdfFixture, withExifOrientation } from '../../fixtures';

/** Hostile bytes: random, and real headers with random damage, since real damage starts from real files. */
/** A real file cut at a random point, with up to `maxEdits` random bytes overwritten. */
const mutated = (seed: Uint8Array, maxEdits: number) =>
  fc
    .array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: maxEdits })
    .chain((edits) =>
      fc.nat({ max: seed.length }).map((cut) => {
        const bytes = seed.slice(0, Math.max(cut, 1));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        return bytes;
      }),
    );
const mutatedJpeg = mutated(withExifOrientation(makeJpegFixture(16, 16), 6, 'little'), 12);
const hostileBytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), mutatedJpeg);
const runs = { numRuns: 2000 };

describe('front end under random and mutated bytes', () => {
  it('type sniffing and ingest either accept or refuse with a LoupeError, never crash', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        expect(typeof sniffType(bytes).mime).toBe('string');
        try {
          expect(['image', 'pdf']).toContain(checkIngest(bytes).kind);
        } catch (error) {
          expect(error).toBeInstanceOf(LoupeError);
        }
      }),
      runs,
    );
  });

  it('EXIF reading always gives an orientation 1..8', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        const orientation = readExifOrientation(bytes);
        expect(orientation).toBeGreaterThanOrEqual(1);
        expect(orientation).toBeLessThanOrEqual(8);
      }),
      runs,
    );
  });

  it('the completeness check only ever throws corrupt-image', () => {
    fc.assert(
      fc.property(hostileBytes, fc.constantFrom('image/jpeg', 'image/png', 'image/webp'), (bytes, mime) => {
        try {
          assertImageComplete(bytes, mime);
        } catch (error) {
          expect(error).toMatchObject({ code: 'corrupt-image' });
        }
      }),
      runs,
    );
  });

  it('text-layer assembly handles any items pdf.js could give', () => {
    const number = fc.oneof(fc.double({ noNaN: false }), fc.integer());
    const item = fc.record({
      str: fc.string({ maxLength: 12 }),
      transform: fc.array(number, { minLength: 0, maxLength: 6 }),
      width: number,
      height: number,
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        expect(typeof assembleTextLines(items)).toBe('string');
        expect(typeof chooseTextLayer(items)).toBe('boolean');
      }),
      runs,
    );
  });

  it('CTC decoding of arbitrary scores yields text from the alphabet only', () => {
    const alphabet = ['', 'A', 'B', '：', ' '];
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, min: 0, max: 1 }), { minLength: 0, maxLength: 200 }), (values) => {
        const steps = Math.floor(values.length / alphabet.length);
        const { text, confidence } = decodeCtc(Float32Array.from(values), steps, alphabet.length, alphabet);
        expect(text).toMatch(/^[AB: ]*$/);
        expect(text).toBe(text.trim());
        expect(Number.isFinite(confidence)).toBe(true);
      }),
      runs,
    );
  });

  it('damaged PDFs are read or refused as corrupt or locked, never crash the reader', async () => {
    const mutatedPdf = mutated(await makeTwoPagePdfFixture(), 24);
    await fc.assert(
      fc.asyncProperty(mutatedPdf, async (bytes) => {
        // The same steps as the pages worker, with pdf.js's Node build: open, then each page's text layer.
        try {
          const pdf = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, stopAtErrors: false }).promise;
          try {
            for (let n = 1; n <= pdf.numPages; n++) {
              const items = (await (await pdf.getPage(n)).getTextContent()).items.filter((item): item is TextItem => 'str' in item);
              if (chooseTextLayer(items)) expect(typeof assembleTextLines(items)).toBe('string');
            }
          } finally {
            await pdf.destroy();
          }
        } catch (error) {
          // A refusal must be a real exception with a name: that name is what pdfOpenError maps to a message.
          expect(error).toBeInstanceOf(Error);
        }
      }),
      { numRuns: 300 },
    );
  });
});
