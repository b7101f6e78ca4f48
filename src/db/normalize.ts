import type { DocumentRecord, DocumentStatus, PageRecord } from './schema';
import type { ErrorCode } from '../errors';

/** Records from older versions or damaged storage get safe defaults, so old data never crashes new code. */
const STATUSES: DocumentStatus[] = ['queued', 'reading', 'done', 'failed'];

const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const optNum = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function normalizeDocument(raw: unknown): DocumentRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) return undefined;
  const createdAt = num(r.createdAt, 0);
  const kind = r.kind === 'image' || r.kind === 'pdf' ? r.kind : 'unknown';
  const rawError = r.error && typeof r.error === 'object' ? (r.error as Record<string, unknown>) : undefined;
  const error = rawError && {
    message: str(rawError.message, 'Unknown error'),
    code: typeof rawError.code === 'string' ? (rawError.code as ErrorCode) : undefined,
  };
  return {
    id: r.id,
    name: str(r.name, 'Untitled'),
    mime: str(r.mime, ''),
    kind,
    size: num(r.size, 0),
    createdAt,
    updatedAt: num(r.updatedAt, createdAt),
    status: STATUSES.includes(r.status as DocumentStatus) ? (r.status as DocumentStatus) : 'failed',
    error: error ?? (STATUSES.includes(r.status as DocumentStatus) ? undefined : { message: 'This record was damaged; retry to read it again.' }),
    pageCount: num(r.pageCount, 0),
    engine: typeof r.engine === 'string' ? r.engine : undefined,
    readMs: optNum(r.readMs),
  };
}

export function normalizePage(raw: unknown): PageRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.docId !== 'string' || typeof r.index !== 'number') return undefined;
  const timings: Record<string, number> = {};
  if (r.timings && typeof r.timings === 'object') {
    for (const [key, value] of Object.entries(r.timings)) if (typeof value === 'number') timings[key] = value;
  }
  return {
    docId: r.docId,
    index: r.index,
    source: r.source === 'text-layer' ? 'text-layer' : 'ocr',
    text: str(r.text, ''),
    editedText: typeof r.editedText === 'string' ? r.editedText : null,
    width: num(r.width, 0),
    height: num(r.height, 0),
    timings,
  };
}
