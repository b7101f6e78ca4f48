import type { DocumentRecord, PageRecord } from '../db';

export interface ExportDocument {
  doc: DocumentRecord;
  pages: PageRecord[];
}

const pageText = (page: PageRecord) => page.editedText ?? page.text;
export const documentText = (pages: PageRecord[]) => pages.map(pageText).join('\n\n');

export function toJson({ documents, exportedAt }: { documents: ExportDocument[]; exportedAt: Date }): string {
  return JSON.stringify(
    {
      app: 'loupe',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      documents: documents.map(({ doc, pages }) => ({
        id: doc.id,
        name: doc.name,
        mime: doc.mime,
        kind: doc.kind,
        status: doc.status,
        error: doc.error ?? null,
        engine: doc.engine ?? null,
        readMs: doc.readMs ?? null,
        fields: doc.fields ?? null,
        createdAt: new Date(doc.createdAt).toISOString(),
        pages: pages.map((page) => ({
          index: page.index,
          source: page.source,
          text: pageText(page),
          recognizedText: page.text,
          edited: page.editedText !== null,
          lines: page.lines,
          timings: page.timings,
          width: page.width,
          height: page.height,
        })),
        text: documentText(pages),
      })),
    },
    null,
    2,
  );
}

/**
 * Page text goes in fenced blocks: receipts are full of `*`, `#`, `|` and `_` that Markdown would
 * otherwise turn into lists, headings and tables. The fence is longer than any backtick run inside.
 */
export function toMarkdown(documents: ExportDocument[]): string {
  return documents
    .map(({ doc, pages }) => {
      const parts = [`# ${escapeHeading(doc.name)}`];
      if (doc.status === 'failed' && doc.error) parts.push(`> Not read: ${doc.error.message}`);
      for (const page of pages) {
        const how = page.source === 'text-layer' ? 'read from text layer' : 'recognized';
        const text = pageText(page);
        const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
        parts.push(`## Page ${page.index + 1} (${how}${page.editedText !== null ? ', edited' : ''})`, `${fence}text\n${text}\n${fence}`);
      }
      return parts.join('\n\n');
    })
    .join('\n\n');
}

export function toPlainText(documents: ExportDocument[]): string {
  return documents
    .map(({ doc, pages }) => {
      const header = documents.length > 1 ? `===== ${doc.name} =====\n\n` : '';
      const body = pages.map((page) => (pages.length > 1 ? `--- Page ${page.index + 1} ---\n${pageText(page)}` : pageText(page)));
      return header + body.join('\n\n');
    })
    .join('\n\n');
}

/** A download name from a document name: no path, no control or reserved characters, the new extension. */
export function exportFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]{1,5}$/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${stem || 'loupe-export'}.${extension}`;
}

function escapeHeading(text: string): string {
  return text.replace(/[\\`*_[\]#<>]/g, '\\$&').replace(/\s+/g, ' ');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
