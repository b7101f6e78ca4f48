/** The receipts of a SROIE-like folder (img/, key/) with the path of each one's cached OCR text. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

export interface ReceiptKey {
  company?: string;
  date?: string;
  total?: string;
}

export interface SetReceipt {
  file: string;
  name: string;
  /** Where bench:fields keeps the engine's text of this exact image. */
  cache: string;
  key: ReceiptKey;
}

export function hasReceipts(set: string): boolean {
  return existsSync(join(set, 'img')) && existsSync(join(set, 'key'));
}

export function setReceipts(set: string, engine: string): SetReceipt[] {
  return readdirSync(join(set, 'img'))
    .filter((f) => /\.(jpe?g|png|webp|pdf)$/i.test(f))
    .sort()
    .map((name) => {
      const file = join(set, 'img', name);
      const keyFile = join(set, 'key', `${basename(name, extname(name))}.json`);
      // Keyed by content as well as name, so a changed image in a reused folder is read again.
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
      const cache = resolve('bench/out/text-cache', engine, `${name}.${hash}.txt`);
      return { file, name, cache, key: existsSync(keyFile) ? (JSON.parse(readFileSync(keyFile, 'utf8')) as ReceiptKey) : {} };
    });
}

/** The receipts whose text is cached, with that text. */
export function cachedTexts(set: string, engine: string): (SetReceipt & { text: string })[] {
  return setReceipts(set, engine)
    .filter((r) => existsSync(r.cache))
    .map((r) => ({ ...r, text: readFileSync(r.cache, 'utf8') }));
}
