import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { renderReceiptFixturePng } from '../fixtures';
import { row } from './locators';
import { mainThreadTasks } from './trace';

// Trace snapshots serialize the DOM on the main thread and would be the long tasks measured.
test.use({ trace: 'off' });


test('the first load is small and the main thread never blocks while a receipt is read', async ({ page, browser }) => {
  // The shell alone: with Save-Data on, Loupe skips the engine it otherwise preloads once idle (start.spec.ts).
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
  const scripts: Buffer[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) scripts.push(await response.body());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const gzipped = scripts.reduce((sum, body) => sum + gzipSync(body).length, 0);
  expect(gzipped).toBeLessThan(200 * 1024);

  // The fixture is drawn on this page's main thread; only tasks after the drop count.
  const receipt = await renderReceiptFixturePng(page);
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  // Until the fields form, the heaviest thing to mount, is on screen.
  await expect(page.getByTestId('fields')).toHaveAttribute('data-source', 'local');
  await expect(page.getByTestId('field-total')).toBeVisible();
  const tasks = mainThreadTasks(await browser.stopTracing());

  // The trace must have seen the work, or an empty list would pass for a responsive page.
  expect(tasks.count).toBeGreaterThan(100);
  expect(tasks.over(50)).toEqual([]);
});
