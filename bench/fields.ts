// Receipt-field benchmark: OCR text from the BUILT app in headless Chromium (cached per engine and
// file in bench/out/text-cache), then the local extractor, scored per field against key/NNN.json.
// With --mistral-key, the same texts also go through the optional Mistral step (text only), scored alike.
// Usage: npm run bench:fields -- [--set <dir>] [--out <file.json>] [--dist <dir>] [--engine paddle] [--fresh]
//        [--mistral-key <key> [--mistral-model mistral-medium-3-5] [--mistral-endpoint https://api.mistral.ai]]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readInApp, serveApp } from './read-in-app';
import { hasReceipts, setReceipts } from '../scripts/fields/receipt-texts';
import { extractReceipt } from '../src/receipt/extract';
import { normCompany, normDate, normTotal } from './field-scoring';
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

if (!hasReceipts(set)) {
  console.log(`bench:fields: no receipts at ${set} (expects img/ and key/); skipping.`);
  process.exit(0);
}

const receipts = setReceipts(set, engine);

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

const fields = ['total', 'date', 'company'] as const;
type Field = (typeof fields)[number];
type Extractor = (text: string) => Promise<Receipt>;

/** Per-field exact match of one extractor over every receipt that has text, with how often each field is null. */
async function score(extract: Extractor) {
  const hits = { total: 0, date: 0, company: 0 };
  const nulls = { total: 0, date: 0, company: 0 };
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
    for (const f of fields) {
      if (match[f]) hits[f]++;
      if (got[f] === null) nulls[f]++;
    }
    perReceipt.push({ name: receipt.name, match, got, want });
  }
  const rate = (n: number) => (scored ? n / scored : NaN);
  const per = (counts: Record<Field, number>) => ({ total: rate(counts.total), date: rate(counts.date), company: rate(counts.company) });
  return { hits, nulls, scored, exactMatch: per(hits), nullRate: per(nulls), perReceipt };
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
for (const [method, r] of Object.entries(results)) {
  for (const receipt of r.perReceipt) {
    if ('failed' in receipt) {
      console.log(`miss ${method} ${receipt.name}: ${receipt.failed}`);
      continue;
    }
    for (const f of fields) if (!receipt.match[f]) console.log(`miss ${method} ${f} ${receipt.name}: got ${JSON.stringify(receipt.got[f])}, key ${JSON.stringify(receipt.want[f])}`);
  }
}
console.table(
  Object.fromEntries(
    Object.entries(results).flatMap(([method, r]) =>
      fields.map((f) => [
        `${method} ${f}`,
        { right: r.hits[f], of: r.scored, 'exact match %': +((r.hits[f] / r.scored) * 100).toFixed(1), 'null %': +((r.nulls[f] / r.scored) * 100).toFixed(1) },
      ]),
    ),
  ),
);
console.log(`bench:fields: wrote ${out}`);
