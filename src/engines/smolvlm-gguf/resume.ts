/**
 * What to do with the answer to a (possibly ranged) model download, from the bytes already on the
 * device. Pure, so every server behaviour is tested in Node: a mirror that ignores Range, a file that
 * changed on the hub since the first bytes arrived, a range past the end.
 */

/** An unfinished or finished file on the device, with the size the server gave when it began. */
export interface StoredPart {
  bytes: number;
  total: number;
  complete: boolean;
}

export interface ResponseHead {
  status: number;
  /** `Content-Range`, when the server sends it and CORS lets the page read it. */
  contentRange: string | null;
  /** `Content-Length` of this response's body. */
  contentLength: number | null;
}

export type ResumePlan =
  /** Write the body at `offset`; the whole file is `total` bytes (undefined when nobody said). */
  | { action: 'write'; offset: number; total: number | undefined }
  /** The stored bytes cannot be continued: ask again for the whole file. */
  | { action: 'restart' }
  /** Every byte was already stored (the tab closed before it was marked complete). */
  | { action: 'complete'; total: number }
  | { action: 'fail'; status: number };

/** The header to send: ask for the rest of a file begun earlier. */
export function rangeHeader(stored: StoredPart | undefined): Record<string, string> {
  return stored && !stored.complete && stored.bytes > 0 ? { Range: `bytes=${stored.bytes}-` } : {};
}

/** `bytes 100-199/1000` → start 100, total 1000; `*` totals are unknown. */
export function parseContentRange(value: string | null): { start: number; end: number; total: number | undefined } | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), total: match[3] === '*' ? undefined : Number(match[3]) };
}

/** The whole size a 416 reports ("bytes", a star, a slash and the size). */
function parseContentRange416(value: string | null): number | undefined {
  const match = /^bytes\s+\*\/(\d+)$/i.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

export function planResponse(stored: StoredPart | undefined, asked: boolean, head: ResponseHead): ResumePlan {
  if (head.status === 200) return { action: 'write', offset: 0, total: head.contentLength ?? undefined };
  if (head.status === 206 && asked && stored) {
    const range = parseContentRange(head.contentRange);
    // Without a readable Content-Range (CORS may hide it), the body is the rest of the file asked for.
    const start = range?.start ?? stored.bytes;
    const total = range?.total ?? (head.contentLength === null ? stored.total : stored.bytes + head.contentLength);
    // Another start, or another total than when the file began: it is not the same file any more.
    if (start !== stored.bytes || (total !== undefined && total !== stored.total)) return { action: 'restart' };
    return { action: 'write', offset: stored.bytes, total };
  }
  // 416: the range starts at or past the end. Exactly at the end of the same file, it is all here;
  // past it, the stored bytes are not a prefix we can trust.
  if (head.status === 416 && asked) {
    const total = parseContentRange416(head.contentRange);
    return stored && total === stored.bytes && total === stored.total ? { action: 'complete', total } : { action: 'restart' };
  }
  return { action: 'fail', status: head.status };
}
