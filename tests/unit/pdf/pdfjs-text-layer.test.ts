import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { assembleTextLines, chooseTextLayer } from '../../../src/pipeline/pdf/text-layer';
import { makeTwoPagePdfFixture, TEXT_LAYER_FIXTURE_LINES } from '../../fixtures';

describe('text layer of a real PDF, read by pdf.js', () => {
  it('reads the typed page from its text layer and sends the scanned page to OCR', async () => {
    const bytes = await makeTwoPagePdfFixture();
    const pdf = await getDocument({ data: bytes, isEvalSupported: false, standardFontDataUrl: 'node_modules/pdfjs-dist/standard_fonts/' }).promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.filter((item): item is TextItem => 'str' in item));
    }
    await pdf.destroy();
    expect(pages.map(chooseTextLayer)).toEqual([true, false]);
    expect(assembleTextLines(pages[0]!)).toBe(TEXT_LAYER_FIXTURE_LINES.join('\n'));
  });
});
