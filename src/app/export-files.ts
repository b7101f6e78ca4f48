import * as db from '../db';
import { exportFileName, toJson, toMarkdown, toPlainText, type ExportDocument } from '../export/formats';
import { lineItemsCsv, receiptsCsv } from '../export/csv';

export type ExportFormat = 'json' | 'markdown' | 'text' | 'receipts-csv' | 'items-csv';

const FORMATS: Record<ExportFormat, { extension: string; type: string; render: (docs: ExportDocument[]) => string; suffix?: string }> = {
  json: { extension: 'json', type: 'application/json', render: (documents) => toJson({ documents, exportedAt: new Date() }) },
  markdown: { extension: 'md', type: 'text/markdown', render: toMarkdown },
  text: { extension: 'txt', type: 'text/plain', render: toPlainText },
  'receipts-csv': { extension: 'csv', type: 'text/csv', render: (documents) => receiptsCsv(documents.map((d) => d.doc)), suffix: 'receipts' },
  'items-csv': { extension: 'csv', type: 'text/csv', render: (documents) => lineItemsCsv(documents.map((d) => d.doc)), suffix: 'line-items' },
};

/** Builds the export of the given documents (all when `ids` is omitted) as a named file. */
export async function exportFiles(format: ExportFormat, ids?: string[]): Promise<{ blob: Blob; name: string }> {
  const all = await db.listDocuments();
  const wanted = ids && new Set(ids);
  const chosen = wanted ? all.filter((d) => wanted.has(d.id)) : all;
  const documents = await Promise.all(chosen.map(async (doc) => ({ doc, pages: await db.listPages(doc.id) })));
  const { extension, type, render, suffix } = FORMATS[format];
  const stem = chosen.length === 1 && chosen[0] ? exportFileName(chosen[0].name, extension).replace(/\.[^.]+$/, '') : 'loupe-documents';
  const name = `${stem}${suffix ? `-${suffix}` : ''}.${extension}`;
  return { blob: new Blob([render(documents)], { type: `${type};charset=utf-8` }), name };
}
