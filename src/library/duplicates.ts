/**
 * Possible duplicates: a receipt with the same merchant, date and total as one stored before it (the same photo
 * added twice, or a photo of a receipt already scanned). Derived from the fields on every change, never stored,
 * so an edited field or a deleted receipt moves the mark at once; nothing is ever deleted for the user.
 */
import { ocrKey } from './ocr-key';
import { toMinor } from '../receipt/amounts';

export interface DuplicateCandidate {
  id: string;
  createdAt: number;
  merchantName: string | null;
  date: string | null;
  total: number | null;
  currency: string | null;
}

// Two photos of one receipt read its name with different OCR slips: look-alikes are one letter (see ocrKey), and a
// name may differ by one letter in six ("AEON CO" and "AEDN CO").
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const sameMerchant = (a: string, b: string) => a === b || editDistance(a, b, Math.floor(Math.min(a.length, b.length) / 6)) <= Math.floor(Math.min(a.length, b.length) / 6);

/** For each receipt that repeats an earlier one, the id of the earliest it repeats. */
export function findDuplicates(receipts: readonly DuplicateCandidate[]): Map<string, string> {
  // Only receipts whose three fields are all known can repeat; they meet only others of the same date and total.
  const groups = new Map<string, { id: string; name: string; currency: string | null }[]>();
  const duplicates = new Map<string, string>();
  for (const receipt of [...receipts].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
    const { merchantName, date, total } = receipt;
    if (!merchantName || !date || total === null) continue;
    const name = ocrKey(merchantName);
    if (name.length < 2) continue;
    const key = `${date}|${toMinor(total)}`;
    const group = groups.get(key) ?? groups.set(key, []).get(key)!;
    const earlier = group.find((other) => sameMerchant(other.name, name) && (other.currency === null || receipt.currency === null || other.currency === receipt.currency));
    if (earlier) duplicates.set(receipt.id, earlier.id);
    else group.push({ id: receipt.id, name, currency: receipt.currency });
  }
  return duplicates;
}
