import { expect, test, type Page } from '@playwright/test';
import { seedLibrary } from '../support/seed-library';
import { renderReceiptFixturePng } from '../fixtures';
import { mainThreadTasks } from './trace';

// Trace snapshots serialize the DOM on the main thread and would be the long tasks measured.
test.use({ trace: 'off' });

async function openWith5000(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('file-input')).toBeAttached();
  await seedLibrary(page, 5000);
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-indexed', '5000', { timeout: 90_000 });
}

test('with 5,000 receipts, typing a search, scrolling the list and filtering from the chart never block the main thread, and only the rows in view are in the page', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openWith5000(page);
  const list = () => page.getByTestId('doc-list');
  await expect(list()).toHaveAttribute('data-count', '5000');
  expect(await page.getByTestId('doc-row').count()).toBeLessThan(60);

  // The overview open too: it follows every keystroke.
  await page.getByTestId('overview').locator('summary').click();
  await expect(page.getByTestId('overview-bar').first()).toBeVisible();

  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  const search = page.getByTestId('search');
  await search.pressSequentially('harbour lantern', { delay: 60 });
  await expect(list()).toHaveAttribute('data-query', 'harbour lantern', { timeout: 10_000 });
  await search.fill('');
  await expect(list()).toHaveAttribute('data-count', '5000', { timeout: 10_000 });
  for (let i = 0; i < 20; i++) {
    await list().hover();
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(30);
  }
  // A bar of the chart filters the 5,000 at once.
  await page.getByTestId('overview-bar').first().click();
  await expect(list()).not.toHaveAttribute('data-count', '5000');
  await expect(page.getByTestId('doc-row').first()).not.toHaveAttribute('data-index', '0');
  const tasks = mainThreadTasks(await browser.stopTracing());

  expect(tasks.count).toBeGreaterThan(50);
  expect(tasks.over(50)).toEqual([]);
});

test('with 5,000 receipts stored, reading one more never blocks the main thread: the list takes that one document, not all again', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openWith5000(page);
  const receipt = await renderReceiptFixturePng(page);
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await page.getByTestId('file-input').setInputFiles({ name: 'new.png', mimeType: 'image/png', buffer: receipt });
  await expect(page.locator('[data-testid=doc-row][data-name="new.png"]')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('doc-list')).toHaveAttribute('data-indexed', '5001', { timeout: 30_000 });
  const tasks = mainThreadTasks(await browser.stopTracing());

  expect(tasks.count).toBeGreaterThan(100);
  expect(tasks.over(50)).toEqual([]);
});
