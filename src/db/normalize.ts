import type { DocumentRecord, DocumentStatus, PageRecord, ReceiptFields } from './schema';
import { receiptSchema } from '../receipt/schema';
import type { PageRange } from '../reader/page-range';
import type { ErrorCode } from '../errors';
import type { PageCorrection, PageGeometry, PageLine, Rotation } from '../protocol';
import type { Quad } from '../pipeline/image/capture/quad';

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
    pageRange: normalizeRange(r.pageRange),
    fields: normalizeFields(r.fields),
    corrections: normalizeCorrections(r.corrections),
    rereadPage: Number.isInteger(r.rereadPage) && (r.rereadPage as number) >= 0 ? (r.rereadPage as number) : undefined,
  };
}

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];
const rotation = (raw: unknown): Rotation => (ROTATIONS.includes(raw as Rotation) ? (raw as Rotation) : 0);

function normalizeQuad(raw: unknown): Quad | null {
  if (!Array.isArray(raw) || raw.length !== 4) return null;
  const points = raw.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>) : {}));
  return points.every((p) => optNum(p.x) !== undefined && optNum(p.y) !== undefined) ? (points.map((p) => ({ x: p.x as number, y: p.y as number })) as Quad) : null;
}

/** A correction whose corners are damaged is dropped, so the page is read as found rather than cut wrongly. */
function normalizeCorrections(raw: unknown): Record<number, PageCorrection[]> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Record<number, PageCorrection[]> = {};
  for (const [key, list] of Object.entries(raw)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || !Array.isArray(list)) continue;
    const kept = list.flatMap((item: unknown): PageCorrection[] => {
      if (!item || typeof item !== 'object') return [];
      const c = (item as Record<string, unknown>).corners;
      const corners = c === 'auto' || c === null ? c : normalizeQuad(c);
      if (corners === null && c !== null) return [];
      return [{ corners, rotation: rotation((item as Record<string, unknown>).rotation) }];
    });
    if (kept.length) out[index] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

function normalizeGeometry(raw: unknown): PageGeometry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const sourceWidth = optNum(r.sourceWidth);
  const sourceHeight = optNum(r.sourceHeight);
  if (!sourceWidth || !sourceHeight) return undefined;
  return { sourceWidth, sourceHeight, detected: normalizeQuad(r.detected), corners: normalizeQuad(r.corners), rotation: rotation(r.rotation) };
}

function normalizeRange(raw: unknown): PageRange | undefined {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const from = r.from;
  const to = r.to;
  return Number.isInteger(from) && Number.isInteger(to) && (from as number) >= 1 && (to as number) >= (from as number)
    ? { from: from as number, to: to as number }
    : undefined;
}

/** Fields that no longer match the schema are dropped (and extracted again), never shown half-valid. */
function normalizeFields(raw: unknown): ReceiptFields | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const receipt = receiptSchema.safeParse(r.receipt);
  if (!receipt.success) return undefined;
  const review = r.review && typeof r.review === 'object' ? (r.review as Record<string, unknown>) : {};
  const issues = Array.isArray(review.issues) ? review.issues.filter((i): i is string => typeof i === 'string') : [];
  return {
    receipt: receipt.data,
    source: r.source === 'mistral' || r.source === 'smolvlm' ? r.source : 'local',
    edited: r.edited === true,
    review: { ok: review.ok === true && issues.length === 0, issues },
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
    lines: Array.isArray(r.lines) ? r.lines.filter(isPageLine) : [],
    width: num(r.width, 0),
    height: num(r.height, 0),
    timings,
    geometry: normalizeGeometry(r.geometry),
  };
}

function isPageLine(raw: unknown): raw is PageLine {
  if (!raw || typeof raw !== 'object') return false;
  const { text, box } = raw as Record<string, unknown>;
  return typeof text === 'string' && Array.isArray(box) && box.length === 4 && box.every((v) => typeof v === 'number' && Number.isFinite(v));
}
