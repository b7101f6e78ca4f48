import { describe, expect, it } from 'vitest';
import { exportFileName, toJson, toMarkdown, toPlainText, type ExportDocument } from '../../../src/export/formats';

const doc = (name: string, texts: (string | [string, string])[]): ExportDocument => ({
  doc: { id: `id-${name}`, name, mime: 'image/png', kind: 'image', size: 3, createdAt: 0, updatedAt: 0, status: 'done', pageCount: texts.length, engine: 'paddle', readMs: 12 },
  pages: texts.map((t, index) => ({
    docId: `id-${name}`,
    index,
    source: index === 0 ? 'text-layer' : 'ocr',
    text: Array.isArray(t) ? t[0] : t,
    editedText: Array.isArray(t) ? t[1] : null,
    lines: [{ text: Array.isArray(t) ? t[0] : t, box: [0, index, 1, 1] as [number, number, number, number] }],
    width: 1,
    height: 1,
    timings: {},
  })),
});

describe('export formats', () => {
  it('JSON carries edited text, the recognized text and the joined document text', () => {
    const parsed = JSON.parse(toJson({ documents: [doc('r.png', [['TOTAL 5.70', 'TOTAL 5.75'], 'PAGE TWO'])], exportedAt: new Date(0) }));
    expect(parsed).toMatchObject({ app: 'loupe', version: 1, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(parsed.documents[0].pages[0]).toMatchObject({ text: 'TOTAL 5.75', recognizedText: 'TOTAL 5.70', edited: true, source: 'text-layer' });
    expect(parsed.documents[0].pages[1]).toMatchObject({ text: 'PAGE TWO', edited: false, source: 'ocr', lines: [{ text: 'PAGE TWO', box: [0, 1, 1, 1] }] });
    expect(parsed.documents[0].text).toBe('TOTAL 5.75\n\nPAGE TWO');
  });

  it('Markdown fences page text so receipt symbols stay literal, even with backticks inside', () => {
    const md = toMarkdown([doc('# odd*name.png', ['| ITEM | 2 * 3 |\n# not a heading', 'has ``` inside'])]);
    expect(md).toBe(
      [
        '# \\# odd\\*name.png',
        '## Page 1 (read from text layer)',
        '```text\n| ITEM | 2 * 3 |\n# not a heading\n```',
        '## Page 2 (recognized)',
        '````text\nhas ``` inside\n````',
      ].join('\n\n'),
    );
  });

  it('plain text names documents and pages only when there are several', () => {
    expect(toPlainText([doc('a.png', ['ONLY'])])).toBe('ONLY');
    expect(toPlainText([doc('a.png', ['A1', 'A2']), doc('b.png', [''])])).toBe(
      '===== a.png =====\n\n--- Page 1 ---\nA1\n\n--- Page 2 ---\nA2\n\n===== b.png =====\n\n',
    );
  });

  it('JSON is exactly the documented shape, with nulls for what a failed document never got', () => {
    const failed: ExportDocument = {
      doc: { id: 'f', name: 'kvitto·€.png', mime: 'image/png', kind: 'image', size: 1, createdAt: 1000, updatedAt: 1000, status: 'failed', error: { code: 'corrupt-image', message: 'Broken.' }, pageCount: 0 },
      pages: [],
    };
    expect(JSON.parse(toJson({ documents: [failed], exportedAt: new Date(2000) }))).toEqual({
      app: 'loupe',
      version: 1,
      exportedAt: '1970-01-01T00:00:02.000Z',
      documents: [
        {
          id: 'f',
          name: 'kvitto·€.png',
          mime: 'image/png',
          kind: 'image',
          status: 'failed',
          error: { code: 'corrupt-image', message: 'Broken.' },
          engine: null,
          readMs: null,
          fields: null,
          createdAt: '1970-01-01T00:00:01.000Z',
          pages: [],
          text: '',
        },
      ],
    });
  });

  it('empty pages and page-less documents still export cleanly in every format', () => {
    const blank = doc('blank.png', ['', 'B']);
    expect(JSON.parse(toJson({ documents: [blank], exportedAt: new Date(0) })).documents[0].text).toBe('\n\nB');
    expect(toMarkdown([blank])).toBe('# blank.png\n\n## Page 1 (read from text layer)\n\n```text\n\n```\n\n## Page 2 (recognized)\n\n```text\nB\n```');
    expect(toPlainText([blank])).toBe('--- Page 1 ---\n\n\n--- Page 2 ---\nB');
    expect(toMarkdown([doc('none.pdf', [])])).toBe('# none.pdf');
    expect(toPlainText([doc('none.pdf', [])])).toBe('');
  });

  it('Markdown marks edited pages and says why a failed document has no text', () => {
    const failed = doc('x.png', []);
    failed.doc.status = 'failed';
    failed.doc.error = { message: 'Could not read.' };
    expect(toMarkdown([doc('ünï 名前.png', [['A', 'B']]), failed])).toBe(
      '# ünï 名前.png\n\n## Page 1 (read from text layer, edited)\n\n```text\nB\n```\n\n# x.png\n\n> Not read: Could not read.',
    );
  });

  it('download names lose paths, control and reserved characters and take the new extension', () => {
    expect(exportFileName('receipt.jpg', 'txt')).toBe('receipt.txt');
    expect(exportFileName('C:\\scans\\März:kvitto?.pdf', 'md')).toBe('März_kvitto_.md');
    expect(exportFileName('../../etc/passwd', 'json')).toBe('passwd.json');
    expect(exportFileName('...', 'json')).toBe('loupe-export.json');
    expect(exportFileName('bad\u0000\u0007name.png', 'txt')).toBe('bad_name.txt');
    expect(exportFileName('レシート 2024.jpeg', 'json')).toBe('レシート 2024.json');
    expect(exportFileName('notes', 'md')).toBe('notes.md');
  });
});
