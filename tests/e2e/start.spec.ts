import { expect, test } from '@playwright/test';
import { renderReceiptFixturePng } from '../fixtures';
import { row } from './locators';
import { mainThreadTasks } from './trace';

// Trace snapshots serialize the DOM on the main thread and would be the long tasks measured.
test.use({ trace: 'off' });

test('the embedded engine loads while the page is idle, before any document, without blocking the page, times its stages, and keeps its compiled runtime in Cache Storage', async ({ page, browser }) => {
  await page.goto('/');
  // From the moment the page is usable (its own start-up evaluation is the responsiveness test's to judge).
  await expect(page.getByTestId('file-input')).toBeAttached();
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  const status = page.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const tasks = mainThreadTasks(await browser.stopTracing());
  expect(tasks.count).toBeGreaterThan(10);
  expect(tasks.over(50)).toEqual([]);
  await expect(status).toHaveAttribute('data-engine', 'paddle');
  // The load's stages, in the order they ran, for bench:start's table of where opening's time goes.
  const stages = JSON.parse((await status.getAttribute('data-load-stages')) ?? 'null') as Record<string, number>;
  expect(Object.keys(stages)).toEqual(['files', 'detector', 'line readers', 'warm-up']);
  expect(Object.values(stages).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  expect(Number(await status.getAttribute('data-load-started'))).toBeGreaterThan(0);
  await expect(page.getByTestId('doc-row')).toHaveCount(0);
  const cached = await page.evaluate(async () => (await (await caches.open('loupe-runtime-ocr-v1')).keys()).map((request) => new URL(request.url).pathname));
  expect(cached).toHaveLength(1);
  expect(cached[0]).toMatch(/ort-wasm-simd-threaded.*\.wasm$/);

  // The runtime compiled once serves the engine worker and every line reader: a receipt reads.
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await row(page, 'receipt.png').getByRole('button', { name: 'receipt.png', exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveValue(/TOTAL/i);
});

test('a device that asks to save data loads no engine until a document arrives', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
  await page.goto('/');
  await page.waitForTimeout(3000);
  const status = page.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-state', 'ready');
});
