import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE } from '../../../src/reader/page-range';
import { readDocument, type ReaderPorts, type ReadPage, type ReadProgress } from '../../../src/reader/read-document';
import type { PreparedPage } from '../../../src/protocol';
import { LoupeError } from '../../../src/errors';

const image = new Blob(['img']);
const textPage = (index: number, text: string): PreparedPage => ({ index, image, width: 10, height: 20, source: 'text-layer', text, lines: [{ text, box: [1, 1, 8, 2] }] });
const scannedPage = (index: number): PreparedPage => ({
  index,
  image,
  width: 10,
  height: 20,
  source: 'ocr',
  pixels: { width: 1, height: 1, data: new Uint8ClampedArray([index, 0, 0, 255]) },
});

function ports(pages: PreparedPage[], options: { breakAfter?: number } = {}) {
  const saved: ReadPage[] = [];
  const sources: (Blob | undefined)[] = [];
  const calls: string[] = [];
  const fake: ReaderPorts = {
    async openDocument(_file, { onOpened, onPage, corrections }) {
      calls.push(`corrections ${JSON.stringify(corrections)}`);
      onOpened(pages.length);
      for (const [i, page] of pages.entries()) {
        if (options.breakAfter === i) throw new LoupeError('corrupt-pdf', 'This PDF is damaged.');
        onPage(page);
        await Promise.resolve();
      }
      return { kind: 'pdf', mime: 'application/pdf', pageCount: pages.length };
    },
    async ensureEngine() {
      calls.push('ensureEngine');
      return 'paddle';
    },
    async recognize(pixels, { onPartial }) {
      const text = `SCANNED ${pixels.data[0]}`;
      onPartial('SCANNED');
      onPartial(text);
      return { text, lines: [{ text, box: { x: 0.5, y: 2, width: 9.04, height: 3 }, confidence: 0.9 }], timings: { detect: 1 } };
    },
    async savePage(_docId, page, _image, sourceImage) {
      saved.push(page);
      sources.push(sourceImage);
    },
  };
  return { fake, saved, sources, calls };
}

describe('readDocument', () => {
  it('asks for the pages corrected as told, and stores how each was corrected with the page before correction', async () => {
    const corners = [
      { x: 1, y: 1 },
      { x: 9, y: 1 },
      { x: 9, y: 19 },
      { x: 1, y: 19 },
    ] as const;
    const geometry = { sourceWidth: 12, sourceHeight: 24, detected: null, corners: [...corners] as never, rotation: 90 as const };
    const photo = new Blob(['photo']);
    const { fake, saved, sources, calls } = ports([{ ...scannedPage(0), geometry, sourceImage: photo }, scannedPage(1)]);
    const corrections = { 0: { corners: [...corners] as never, rotation: 90 as const } };
    await readDocument('d1', new Blob(), fake, new AbortController().signal, () => undefined, DEFAULT_RANGE, corrections);
    expect(calls[0]).toBe(`corrections ${JSON.stringify(corrections)}`);
    expect(saved[0]?.geometry).toEqual(geometry);
    expect(saved[1]).not.toHaveProperty('geometry');
    expect(sources).toEqual([photo, undefined]);
  });

  it('reads text-layer pages directly and recognizes scanned ones, in page order', async () => {
    const { fake, saved, calls } = ports([textPage(0, 'TOTAL 5.70'), scannedPage(1)]);
    const progress: ReadProgress[] = [];
    const outcome = await readDocument('d1', new Blob(), fake, new AbortController().signal, (p) => progress.push(p), DEFAULT_RANGE);
    expect(saved.map((p) => [p.index, p.source, p.text])).toEqual([
      [0, 'text-layer', 'TOTAL 5.70'],
      [1, 'ocr', 'SCANNED 1'],
    ]);
    expect(saved[1]?.timings).toMatchObject({ detect: 1 });
    expect(saved.map((p) => p.lines)).toEqual([[{ text: 'TOTAL 5.70', box: [1, 1, 8, 2] }], [{ text: 'SCANNED 1', box: [0.5, 2, 9, 3] }]]);
    expect(calls).toEqual(['corrections {}', 'ensureEngine']);
    expect(outcome).toMatchObject({ kind: 'pdf', pageCount: 2, engine: 'paddle' });
    expect(progress.some((p) => p.partial?.text === 'SCANNED')).toBe(true);
    expect(progress.at(-1)).toEqual({ pageCount: 2, pagesDone: 2 });
  });

  it('never loads an engine for a PDF whose pages all carry text', async () => {
    const { fake, calls } = ports([textPage(0, 'A'), textPage(1, 'B')]);
    const outcome = await readDocument('d1', new Blob(), fake, new AbortController().signal, () => {}, DEFAULT_RANGE);
    expect(calls).not.toContain('ensureEngine');
    expect(outcome.engine).toBeUndefined();
  });

  it('keeps the pages read before the file turned out to be broken', async () => {
    const { fake, saved } = ports([textPage(0, 'A'), textPage(1, 'B')], { breakAfter: 1 });
    await expect(readDocument('d1', new Blob(), fake, new AbortController().signal, () => {}, DEFAULT_RANGE)).rejects.toMatchObject({
      code: 'corrupt-pdf',
    });
    expect(saved.map((p) => p.text)).toEqual(['A']);
  });

  it('stops at the next page when cancelled', async () => {
    const controller = new AbortController();
    const { fake, saved } = ports([textPage(0, 'A'), textPage(1, 'B'), textPage(2, 'C')]);
    const save = fake.savePage;
    fake.savePage = async (...args) => {
      await save(...args);
      controller.abort();
    };
    await expect(readDocument('d1', new Blob(), fake, controller.signal, () => {}, DEFAULT_RANGE)).rejects.toMatchObject({ name: 'AbortError' });
    expect(saved.map((p) => p.text)).toEqual(['A']);
  });

  it('reads only the chosen pages of a long document and counts progress over them', async () => {
    const { fake } = ports([textPage(1, 'SECOND PAGE'), textPage(2, 'THIRD PAGE')]);
    let asked: unknown;
    const openDocument = fake.openDocument.bind(fake);
    fake.openDocument = async (file, options) => {
      asked = options.range;
      // The document has 40 pages; the worker sends only the two of the range.
      const opened = await openDocument(file, { ...options, onOpened: () => options.onOpened(40) });
      return { ...opened, pageCount: 40 };
    };
    const progress: ReadProgress[] = [];
    const outcome = await readDocument('d1', new Blob(), fake, new AbortController().signal, (p) => progress.push(p), { from: 2, to: 3 });
    expect(asked).toEqual({ from: 2, to: 3 });
    expect(progress.at(-1)).toEqual({ pageCount: 2, pagesDone: 2 });
    expect(outcome.pageCount).toBe(40);
  });
});
