// OCR benchmark: runs the BUILT app in headless Chromium over a folder laid out like
// ../shared/bench/sroie-dev (img/, lines/), through the same workers the UI uses, per engine.
// Usage: npm run bench -- [--set <dir>] [--out <file.json>] [--engines paddle,tesseract] [--limit N] [--dist <built app>]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readInApp, serveApp } from './read-in-app';
import { summarize, transcriptCounts, type Counts } from '../src/pipeline/metrics/text-metrics';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const defaultSet = resolve('../shared/bench/sroie-dev');
const set = resolve(args.get('set') ?? defaultSet);
const out = resolve(args.get('out') ?? 'bench/out/ocr.json');
const engines = (args.get('engines') ?? 'paddle,tesseract').split(',');
const limit = Number(args.get('limit') ?? Infinity);

if (!existsSync(join(set, 'img'))) {
  console.log(`bench: no receipts at ${set} (expects img/ and lines/); skipping.`);
  process.exit(0);
}

const receipts = readdirSync(join(set, 'img'))
  .filter((f) => /\.(jpe?g|png|webp|pdf)$/i.test(f))
  .sort()
  .slice(0, limit)
  .map((file) => {
    const stem = basename(file, extname(file));
    const linesFile = join(set, 'lines', `${stem}.txt`);
    return { file: join(set, 'img', file), name: file, reference: existsSync(linesFile) ? readFileSync(linesFile, 'utf8') : undefined };
  });

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** Peak resident memory of all Chromium processes, sampled; Linux only. */
function chromiumRssMb(): number {
  try {
    const ps = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return ps.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
  } catch {
    return NaN;
  }
}

const server = await serveApp(args.get('dist') ?? 'dist');

const results: Record<string, unknown> = {};
for (const engine of engines) {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, chromiumRssMb())), 500);
  const { loadMs, documents } = await readInApp(server.url, engine, receipts).finally(() => clearInterval(sampler));

  const counts: Counts[] = [];
  const seconds: number[] = [];
  const stages = new Map<string, number[]>();
  const perReceipt = receipts.map((receipt) => {
    const doc = documents.find((d) => d.name === receipt.name);
    if (!doc || doc.status !== 'done') return { name: receipt.name, failed: doc?.error?.message ?? 'missing' };
    seconds.push((doc.readMs ?? NaN) / 1000);
    for (const [stage, ms] of Object.entries(doc.pages[0]?.timings ?? {})) stages.set(stage, [...(stages.get(stage) ?? []), ms / 1000]);
    if (receipt.reference === undefined) return { name: receipt.name, seconds: (doc.readMs ?? NaN) / 1000 };
    const c = transcriptCounts(doc.text, receipt.reference);
    counts.push(c);
    return { name: receipt.name, seconds: (doc.readMs ?? NaN) / 1000, cer: c.errors / Math.max(1, c.referenceLength) };
  });
  const { cer, wordF1 } = summarize(counts);
  results[engine] = {
    receipts: receipts.length,
    failed: perReceipt.filter((r) => 'failed' in r).length,
    cer,
    wordF1,
    secondsPerReceipt: { median: quantile(seconds, 0.5), p90: quantile(seconds, 0.9) },
    /** Median seconds per stage of a receipt's page, from the timings the engine stores with it. */
    medianStageSeconds: Object.fromEntries([...stages].map(([stage, values]) => [stage, quantile(values, 0.5)])),
    loadMs,
    peakChromiumRssMb: Math.round(peakRss),
    perReceipt,
  };
}
await server.close();

const report = { set, date: new Date().toISOString(), machine: `${process.platform} ${process.arch}`, engines: results };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.table(
  Object.fromEntries(
    Object.entries(results).map(([engine, r]) => {
      const e = r as {
        receipts: number;
        failed: number;
        cer: number;
        wordF1: number;
        secondsPerReceipt: { median: number; p90: number };
        medianStageSeconds: Record<string, number>;
        loadMs: number;
        peakChromiumRssMb: number;
      };
      return [
        engine,
        {
          receipts: e.receipts,
          failed: e.failed,
          'CER %': +(e.cer * 100).toFixed(1),
          'word F1 %': +(e.wordF1 * 100).toFixed(1),
          'median s': +e.secondsPerReceipt.median.toFixed(2),
          'p90 s': +e.secondsPerReceipt.p90.toFixed(2),
          ...Object.fromEntries(Object.entries(e.medianStageSeconds).map(([stage, value]) => [`${stage} s`, +value.toFixed(2)])),
          'load ms': Math.round(e.loadMs),
          'peak RSS MB': e.peakChromiumRssMb,
        },
      ];
    }),
  ),
);
console.log(`bench: wrote ${out}`);
