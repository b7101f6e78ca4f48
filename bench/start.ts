// Time to the first receipt's text, and per receipt after that, through the BUILT app in headless Chromium:
//  - first visit: a fresh browser profile (nothing cached) opens Loupe, drops one receipt as soon as the file
//    input is there, and waits for its text;
//  - later visit: the same profile once the service worker has cached everything, opened again (and once more
//    with the receipt picked 3 s after opening, timed from the pick: what a person waits for);
//  - median and slowest per receipt: the receipts of a folder read one after another in that warm page.
// A second table shows where a first and a later visit's time goes: when the file input is there, when the app
// asks for the engine, each stage of the engine's load (as the engine times them), and the receipt's detection
// and recognition (the timings stored with its page).
// Several builds (`--dist a --dist b`) are measured alternately, run after run, so a change is judged against
// the build before it on the same noisy machine in the same minutes.
// Usage: npm run bench:start -- [--dist dist]... [--set ../shared/bench/sroie-dev] [--runs 3] [--limit 20] [--out bench/out/start.json]
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { serveApp } from './read-in-app';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true, default: ['dist'] },
    set: { type: 'string', default: '../shared/bench/sroie-dev' },
    runs: { type: 'string', default: '3' },
    limit: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/out/start.json' },
  },
});

const imageDir = join(args.set, 'img');
if (!existsSync(imageDir)) {
  console.log(`bench:start: no receipts at ${imageDir}; pass --set <folder with img/>`);
  process.exit(0);
}
const receipts = readdirSync(imageDir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().slice(0, Number(args.limit)).map((f) => join(imageDir, f));
const first = receipts[0]!;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times taken inside the page, so Playwright's polling does not round them up (its waits poll every 500 ms after
 * the first few tries): when each file was dropped (the input's change event) and when its row first showed the
 * document done or failed, both in ms since the page's navigation started.
 */
function recordTimes() {
  const times = { dropped: {} as Record<string, number>, finished: {} as Record<string, number>, inputAt: 0 };
  (window as unknown as { loupeBench: typeof times }).loupeBench = times;
  document.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset?.testid === 'file-input') for (const file of input.files ?? []) times.dropped[file.name] = performance.now();
  }, true);
  new MutationObserver(() => {
    if (!times.inputAt && document.querySelector('[data-testid=file-input]')) times.inputAt = performance.now();
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid=doc-row]')) {
      const { name, status } = row.dataset;
      if (name && (status === 'done' || status === 'failed') && !(name in times.finished)) times.finished[name] = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

/** Drops a receipt and waits for its text; returns when it was dropped and when it was read, as recordTimes saw them. */
async function drop(page: Page, file: string, name = basename(file)) {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: '', buffer: readFileSync(file) });
  await page.waitForFunction((n) => n in (window as unknown as { loupeBench: { finished: object } }).loupeBench.finished, name, { timeout: 300_000, polling: 100 });
  return page.evaluate((n) => {
    const { dropped, finished } = (window as unknown as { loupeBench: { dropped: Record<string, number>; finished: Record<string, number> } }).loupeBench;
    return { droppedAt: dropped[n]!, readAt: finished[n]! };
  }, name);
}

/**
 * Opening Loupe, then one receipt dropped as soon as it can be (or `pauseMs` after that, as a person picking a
 * file would): ms from the navigation to its text (or from the drop, after a pause), and the engine's load.
 */
async function visit(context: BrowserContext, url: string, name: string, pauseMs = 0) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  if (pauseMs) await page.waitForTimeout(pauseMs);
  const { droppedAt, readAt } = await drop(page, first, name);
  const ms = Math.round(pauseMs ? readAt - droppedAt : readAt);
  const status = page.getByTestId('engine-status');
  const loadMs = Number(await status.getAttribute('data-load-ms'));
  return { page, ms, loadMs, phases: await phases(page, name, Number(await status.getAttribute('data-load-started')), await status.getAttribute('data-load-stages')) };
}

/** Where a visit's time went, in ms: from the navigation to the file input and to the engine's load, then each stage. */
async function phases(page: Page, name: string, loadStartedAt: number, stages: string | null): Promise<Record<string, number>> {
  const inputAt = await page.evaluate(() => (window as unknown as { loupeBench: { inputAt: number } }).loupeBench.inputAt);
  const exported = (await page.evaluate(() => (window as unknown as { loupe: { exportJson(): Promise<unknown> } }).loupe.exportJson())) as {
    documents: { name: string; pages: { timings?: Record<string, number> }[] }[];
  };
  const timings = exported.documents.find((d) => d.name === name)?.pages[0]?.timings ?? {};
  return {
    'file input there': Math.round(inputAt),
    'engine asked for': Math.round(loadStartedAt),
    ...(JSON.parse(stages || '{}') as Record<string, number>),
    'receipt: detection': Math.round(timings.detect ?? NaN),
    'receipt: recognition': Math.round(timings.recognize ?? NaN),
  };
}

async function measure(url: string) {
  const profile = mkdtempSync(join(tmpdir(), 'loupe-start-'));
  const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions());
  await context.addInitScript(recordTimes);
  try {
    const cold = await visit(context, url, 'first-visit.jpg');
    await cold.page.locator('[data-testid=connection][data-offline-ready=true]').waitFor({ timeout: 120_000 });
    await cold.page.close();
    const picked = await visit(context, url, 'picked-later.jpg', 3000);
    await picked.page.close();
    const warm = await visit(context, url, 'later-visit.jpg');
    const perReceipt: number[] = [];
    for (const file of receipts) {
      const { droppedAt, readAt } = await drop(warm.page, file);
      perReceipt.push(Math.round(readAt - droppedAt));
    }
    await warm.page.close();
    return { firstVisitMs: cold.ms, firstLoadMs: cold.loadMs, laterVisitMs: warm.ms, laterLoadMs: warm.loadMs, pickedMs: picked.ms, medianMs: median(perReceipt), slowestMs: Math.max(...perReceipt), perReceipt, firstPhases: cold.phases, laterPhases: warm.phases };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const servers = await Promise.all(args.dist.map((dist) => serveApp(dist)));
const results: Record<string, Awaited<ReturnType<typeof measure>>[]> = Object.fromEntries(args.dist.map((d) => [d, []]));
try {
  for (let run = 0; run < Number(args.runs); run++) {
    for (const [i, dist] of args.dist.entries()) {
      const result = await measure(servers[i]!.url);
      results[dist]!.push(result);
      console.log(`run ${run + 1} ${dist}: first ${result.firstVisitMs} ms, later ${result.laterVisitMs} ms, picked after 3 s ${result.pickedMs} ms, median ${result.medianMs} ms, slowest ${result.slowestMs} ms`);
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\n${receipts.length} receipts from ${args.set}, ${args.runs} runs per build, medians of the runs:`);
console.table(
  Object.fromEntries(
    args.dist.map((dist) => {
      const runs = results[dist]!;
      const of = (key: 'firstVisitMs' | 'firstLoadMs' | 'laterVisitMs' | 'laterLoadMs' | 'pickedMs' | 'medianMs' | 'slowestMs') => s(median(runs.map((r) => r[key])));
      return [dist, { 'first visit': of('firstVisitMs'), '(engine load)': of('firstLoadMs'), 'later visit': of('laterVisitMs'), '(engine load) ': of('laterLoadMs'), 'picked 3 s in: drop → text': of('pickedMs'), 'median per receipt': of('medianMs'), slowest: of('slowestMs') }];
    }),
  ),
);
console.log('\nWhere the time goes, ms (from the navigation for the first two, then each stage in turn; medians of the runs):');
const phaseMedians = (all: Record<string, number>[]) => Object.fromEntries(Object.keys(all[0] ?? {}).map((phase) => [phase, Math.round(median(all.map((p) => p[phase] ?? NaN)))]));
console.table(
  Object.fromEntries(
    args.dist.flatMap((dist) => [
      [`${dist} first visit`, phaseMedians(results[dist]!.map((r) => r.firstPhases))],
      [`${dist} later visit`, phaseMedians(results[dist]!.map((r) => r.laterPhases))],
    ]),
  ),
);
mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(resolve(args.out), JSON.stringify({ set: args.set, receipts: receipts.length, results }, null, 2));
