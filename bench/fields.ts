// Receipt-field benchmark: OCR text from the BUILT app in headless Chromium (cached per engine and
// file in bench/out/text-cache), then the local extractor, scored per field against key/NNN.json.
// With --mistral-key, the same texts also go through the optional Mistral step (text only), scored alike.
// Usage: npm run bench:fields -- [--set <dir>] [--out <file.json>] [--dist <dir>] [--engine paddle] [--fresh]
//        [--mistral-key <key> [--mistral-model mistral-medium-3-5] [--mistral-endpoint https://api.mistral.ai]]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readInApp, serveApp } from './read-in-app';
import { extractReceipt } from '../src/receipt/extract';
import { parseDate } from '../src/receipt/dates';
import type { Receipt } from '../src/receipt/schema';
import { validateReceipt } from '../src/receipt/review';
import { structureWithMistral } from '../src/mistral/client';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-dev' },
    out: { type: 'string', default: 'bench/out/fields.json' },
    dist: { type: 'string', default: 'dist' },
    engine: { type: 'string', default: 'paddle' },
    fresh: { type: 'boolean', default: false },
    'mistral-key': { type: 'string' },
    'mistral-model': { type: 'string', default: 'mistral-medium-3-5' },
    'mistral-endpoint': { type: 'string', default: 'https://api.mistral.ai' },
  },
});
const set = resolve(args.set);
const engine = args.engine;

if (!existsSync(join(set, 'img')) || !existsSync(join(set, 'key'))) {
  console.log(`bench:fields: no receipts at ${set} (expects img/ and key/); skipping.`);
  process.exit(0);
}

interface Key {
  company?: string;
  date?: string;
  total?: string;
}

const receipts = readdirSync(join(set, 'img'))
  .filter((f) => /\.(jpe?g|png|webp|pdf)$/i.test(f))
  .sort()
  .map((name) => {
    const file = join(set, 'img', name);
    const keyFile = join(set, 'key', `${basename(name, extname(name))}.json`);
    // Keyed by content as well as name, so a changed image in a reused folder is read again.
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
    const cache = resolve('bench/out/text-cache', engine, `${name}.${hash}.txt`);
    return { file, name, cache, key: existsSync(keyFile) ? (JSON.parse(readFileSync(keyFile, 'utf8')) as Key) : {} };
  });

const toRead = receipts.filter((r) => args.fresh || !existsSync(r.cache));
if (toRead.length > 0) {
  console.log(`bench:fields: reading ${toRead.length} receipt(s) with ${engine} in Chromium (${receipts.length - toRead.length} cached)`);
  const server = await serveApp(args.dist);
  try {
    const { documents } = await readInApp(server.url, engine, toRead);
    for (const receipt of toRead) {
      const doc = documents.find((d) => d.name === receipt.name);
      if (!doc || doc.status !== 'done') {
        console.error(`bench:fields: ${receipt.name} failed: ${doc?.error?.message ?? 'missing'}`);
        continue;
      }
      mkdirSync(dirname(receipt.cache), { recursive: true });
      writeFileSync(receipt.cache, doc.text);
    }
  } finally {
    await server.close();
  }
}

// Normalization from ../shared/bench/README.md: total as a number, date as a calendar date, company
// case- and space-insensitive. SROIE keys print dates day-first.
const normTotal = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value.replace(/[^\d.]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
};
const normDate = (value: string | null | undefined) => (value ? (/^\d{4}-\d\d-\d\d$/.test(value) ? value : parseDate(value, 'DMY')) : null);
const normCompany = (value: string | null | undefined) => (value ? value.toUpperCase().replace(/\s+/g, '') : null);

const fields = ['total', 'date', 'company'] as const;
type Extractor = (text: string) => Promise<Receipt>;

/** Per-field exact match of one extractor over every receipt that has text. */
async function score(extract: Extractor) {
  const hits = { total: 0, date: 0, company: 0 };
  let scored = 0;
  const perReceipt = [];
  for (const receipt of receipts) {
    if (!existsSync(receipt.cache)) {
      perReceipt.push({ name: receipt.name, failed: 'no text' });
      continue;
    }
    let fieldsOut: Receipt;
    try {
      fieldsOut = await extract(readFileSync(receipt.cache, 'utf8'));
    } catch (error) {
      // A receipt the extractor could not answer counts as wrong on every field.
      scored++;
      perReceipt.push({ name: receipt.name, failed: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const got = { total: fieldsOut.total, date: fieldsOut.date, company: fieldsOut.merchantName };
    const want = { total: receipt.key.total ?? null, date: receipt.key.date ?? null, company: receipt.key.company ?? null };
    const match = {
      total: normTotal(got.total) !== null && normTotal(got.total) === normTotal(want.total),
      date: normDate(got.date) !== null && normDate(got.date) === normDate(want.date),
      company: normCompany(got.company) !== null && normCompany(got.company) === normCompany(want.company),
    };
    scored++;
    for (const f of fields) if (match[f]) hits[f]++;
    perReceipt.push({ name: receipt.name, match, got, want });
  }
  const rate = (n: number) => (scored ? n / scored : NaN);
  return { hits, scored, exactMatch: { total: rate(hits.total), date: rate(hits.date), company: rate(hits.company) }, perReceipt };
}

const extractors: Record<string, Extractor> = { local: async (text) => extractReceipt(text, { dateOrder: 'auto' }) };
const mistralKey = args['mistral-key'];
if (mistralKey) {
  const target = { apiKey: mistralKey, model: args['mistral-model'], baseUrl: args['mistral-endpoint'] };
  extractors.mistral = async (text) => (await structureWithMistral(text, target, validateReceipt)).receipt;
}

const results: Record<string, Awaited<ReturnType<typeof score>>> = {};
for (const [method, extract] of Object.entries(extractors)) results[method] = await score(extract);

const report = { set, engine, date: new Date().toISOString(), receipts: receipts.length, results };
const out = resolve(args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.table(
  Object.fromEntries(
    Object.entries(results).flatMap(([method, r]) =>
      fields.map((f) => [`${method} ${f}`, { right: r.hits[f], of: r.scored, 'exact match %': +((r.hits[f] / r.scored) * 100).toFixed(1) }]),
    ),
  ),
);
console.log(`bench:fields: wrote ${out}`);
