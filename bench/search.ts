// Search at scale: fills the BUILT app's IndexedDB with generated receipts (tests/fixtures/library.ts), then
// measures in headless Chromium how long the search index takes to be ready (built on the first visit, loaded
// from IndexedDB after) and, typing queries letter by letter, how long each keystroke takes until the list
// shows that query's results and the next frame is painted.
// Usage: npm run bench:search -- [--receipts 5000] [--dist dist] [--out bench/out/search.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { serveApp } from './read-in-app';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { seedLibrary } from '../tests/support/seed-library';

const { values: args } = parseArgs({
  options: {
    receipts: { type: 'string', default: '5000' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'bench/out/search.json' },
  },
});
const count = Number(args.receipts);
const QUERIES = ['harbour lantern', 'g0lden', 'croissant', 'receipt-00042', 'paracetamol 11', 'stationery ltd'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function untilIndexed(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByTestId('doc-list').and(page.locator(`[data-indexed="${count}"]`)).waitFor({ timeout: 600_000 });
  return Date.now() - started;
}

/** Each prefix of the query typed into the search box; per keystroke, the milliseconds until its results are painted. */
async function typeInPage(page: Page, query: string): Promise<number[]> {
  // tsx names the functions below with a helper that exists only in Node.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=search]')!;
    const list = document.querySelector('[data-testid=doc-list]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const type = (value: string) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
        const observer = new MutationObserver(() => {
          if (list.getAttribute('data-query') === value) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(list, { attributes: true });
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const times: number[] = [];
    for (let i = 1; i <= query.length; i++) times.push(await type(query.slice(0, i)));
    await type('');
    return times;
  }, query);
}

const server = await serveApp(args.dist);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await seedLibrary(page, count);
  const buildMs = await untilIndexed(page);
  // Let the worker write the index, then open again: the index now comes from IndexedDB.
  await page.waitForTimeout(3000);
  await page.reload();
  const loadMs = await untilIndexed(page);
  // Typed once the OCR engine Loupe preloads at start is ready: the keystrokes, not the preload, are measured.
  await page.locator('[data-testid=engine-status][data-state=ready]').waitFor({ timeout: 120_000 });
  const perQuery = [];
  for (const query of QUERIES) perQuery.push({ query, ms: await typeInPage(page, query) });
  const all = perQuery.flatMap((q) => q.ms);
  const rows = perQuery.map(({ query, ms }) => ({ query, keystrokes: ms.length, 'median ms': +percentile(ms, 50).toFixed(1), 'max ms': +Math.max(...ms).toFixed(1) }));
  rows.push({ query: 'all keystrokes', keystrokes: all.length, 'median ms': +percentile(all, 50).toFixed(1), 'max ms': +Math.max(...all).toFixed(1) });
  console.log(`${count} receipts: index built in ${(buildMs / 1000).toFixed(1)} s on the first visit, ready in ${(loadMs / 1000).toFixed(1)} s on the next`);
  console.table(rows);
  console.log(`p95 per keystroke: ${percentile(all, 95).toFixed(1)} ms`);
  mkdirSync(dirname(resolve(args.out)), { recursive: true });
  writeFileSync(resolve(args.out), JSON.stringify({ receipts: count, buildMs, loadMs, p95Ms: percentile(all, 95), perQuery }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
