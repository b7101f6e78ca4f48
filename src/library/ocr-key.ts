/**
 * Words as OCR may have read them, reduced to one key: no case, no diacritics, and the letters and digits OCR
 * takes for one another (0/O/D/Q, 1/I/L, 5/S, 8/B, 2/Z, 6/G) as one. Two readings of one word meet on this key.
 */
import { fold } from '../receipt/fold';

const LOOK_ALIKE: Record<string, string> = { '0': 'O', D: 'O', Q: 'O', '1': 'I', L: 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };

// Keys of names and words asked for again and again (a library's few hundred merchants, every keystroke's filter).
const known = new Map<string, string>();

/** `Café 5OL` → `CAFESOI`: letters and digits only, look-alikes merged. */
export function ocrKey(text: string): string {
  let key = known.get(text);
  if (key === undefined) {
    key = [...fold(text).replace(/[^\p{L}\p{N}]/gu, '')].map((c) => LOOK_ALIKE[c] ?? c).join('');
    // Bounded: indexing a library's every word passes through here too.
    if (known.size >= 20_000) known.clear();
    known.set(text, key);
  }
  return key;
}
