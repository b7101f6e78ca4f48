import * as db from '../db';
import { exportFileName, toJson, toMarkdown, toPlainText, type ExportDocument } from '../export/formats';

export type ExportFormat = 'json' | 'markdown' | 'text';

const FORMATS: Record<ExportFormat, { extension: string; type: string; render: (docs: ExportDocument[]) => string }> = {
  json: { extension: 'json', type: 'application/json', render: (documents) => toJson({ documents, exportedAt: new Date() }) },
  markdown: { extension: 'md', type: 'text/markdown', render: toMarkdown },
  text: { extension: 'txt', type: 'text/plain', render: toPlainText },
};

/** Builds the export of the given documents (all when `ids` is omitted) as a named file. */
export async function exportFiles(format: ExportFormat, ids?: string[]): Promise<{ blob: Blob; name: string }> {
  const all = await db.listDocuments();
  const chosen = ids ? all.filter((d) => ids.includes(d.id)) : all;
  const documents = await Promise.all(chosen.map(async (doc) => ({ doc, pages: await db.listPages(doc.id) })));
  const { extension, type, render } = FORMATS[format];
  const name = chosen.length === 1 && chosen[0] ? exportFileName(chosen[0].name, extension) : `loupe-documents.${extension}`;
  return { blob: new Blob([render(documents)], { type: `${type};charset=utf-8` }), name };
}
