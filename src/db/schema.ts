import type { DBSchema } from 'idb';
import type { ErrorCode } from '../errors';
import type { DocumentKind, PageCorrection, PageGeometry, PageLine, PageSource } from '../protocol';
import type { Receipt } from '../receipt/schema';
import type { Review } from '../receipt/review';
import type { PageRange } from '../reader/page-range';

export type DocumentStatus = 'queued' | 'reading' | 'done' | 'failed';

export interface DocumentRecord {
  id: string;
  name: string;
  /** The type sniffed from the bytes once read; the browser's guess until then. */
  mime: string;
  kind: DocumentKind | 'unknown';
  size: number;
  createdAt: number;
  updatedAt: number;
  status: DocumentStatus;
  error?: { code?: ErrorCode; message: string } | undefined;
  pageCount: number;
  engine?: string | undefined;
  readMs?: number | undefined;
  /** The pages chosen for reading (a long PDF); the first pages when unset. */
  pageRange?: PageRange | undefined;
  /** The receipt's fields, once extracted from the text. */
  fields?: ReceiptFields | undefined;
  /**
   * By page index, the corrections asked for, oldest first: the last is how the page is read, the ones before it
   * are what Undo goes back to. A page without any is read as found (a photo's sheet straightened automatically).
   */
  corrections?: Record<number, PageCorrection[]> | undefined;
  /** Set while one page is read again after a correction: only that page is replaced. */
  rereadPage?: number | undefined;
}

export interface ReceiptFields {
  receipt: Receipt;
  /** Who produced the values: the local parser or the optional Mistral step. */
  source: 'local' | 'mistral' | 'smolvlm';
  /** Changed by hand since; a re-extraction then asks before overwriting. */
  edited: boolean;
  /** Schema and arithmetic checks; any issue flags the receipt for review. */
  review: Review;
}

export interface PageRecord {
  docId: string;
  index: number;
  source: PageSource;
  /** As read or recognized. */
  text: string;
  /** The user's version; null until edited. */
  editedText: string | null;
  /** The lines as read with their boxes on the page image; empty for pages stored before boxes were kept. */
  lines: PageLine[];
  width: number;
  height: number;
  timings: Record<string, number>;
  /** How the page was straightened, cropped or turned before it was read; absent when nothing was looked for. */
  geometry?: PageGeometry | undefined;
}

export interface LoupeDB extends DBSchema {
  documents: { key: string; value: DocumentRecord; indexes: { byStatus: string } };
  pages: { key: [string, number]; value: PageRecord; indexes: { byDoc: string } };
  /** Original files and page images, apart from metadata so listing documents never loads an image. */
  blobs: { key: string; value: Blob };
  /** The search index (MiniSearch as JSON, see src/library/search-index.ts), under the key `index`. */
  search: { key: string; value: string };
}

export const DB_NAME = 'loupe';
export const DB_VERSION = 2;

export const originalKey = (docId: string) => `${docId}/original`;
export const pageImageKey = (docId: string, index: number) => `${docId}/page/${index}`;
/** The page before it was cut out or turned, kept so the corner editor can show it and a correction can be undone. */
export const pageSourceKey = (docId: string, index: number) => `${docId}/page/${index}/source`;
/** Every blob key of a document lies in [docId/, docId/\uffff]. */
export const blobRange = (docId: string) => IDBKeyRange.bound(`${docId}/`, `${docId}/\uffff`);
/** The page images of a document, without its original. */
export const pageImageRange = (docId: string) => IDBKeyRange.bound(`${docId}/page/`, `${docId}/page/\uffff`);
