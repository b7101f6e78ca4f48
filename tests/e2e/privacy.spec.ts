import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { makeTwoPagePdfFixture, renderReceiptFixturePng } from '../fixtures';
import { engineWorker, namedWorker } from './engine-worker';
import { row } from './locators';


/** Records every request the page and its workers make, and every CSP violation. */
function watch(page: Page) {
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { requests, violations };
}

test('a full local session makes no request to any origin but Loupe’s own, and the CSP never gets in its way', async ({ page, baseURL }) => {
  const seen = watch(page);
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'receipt.png', mimeType: 'image/png', buffer: receipt },
    { name: 'two-pages.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeTwoPagePdfFixture(receipt)) },
  ]);
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(row(page, 'two-pages.pdf')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, 'receipt.png').getByRole('button', { name: 'receipt.png', exact: true }).click();
  await page.getByTestId('page-text').fill('EDITED\nTOTAL 5.70');
  await page.getByTestId('page-text').blur();
  for (const name of ['Export JSON', 'Markdown', 'Text']) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).last().click()]);
  }

  const own = new URL(baseURL!).origin;
  const elsewhere = seen.requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== own);
  expect(elsewhere).toEqual([]);
  // The recording sees the workers' requests too (the engine's model is fetched in its worker), so an empty list means something.
  expect(seen.requests.some((url) => url.endsWith('/vendor/paddle/rec.onnx'))).toBe(true);
  expect(seen.violations).toEqual([]);
});

test('the Content-Security-Policy blocks a connection to an origin Loupe does not use', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  const outcome = await page.evaluate(() =>
    fetch('https://tracker.example/collect').then(
      () => 'sent',
      (error: Error) => error.name,
    ),
  );
  expect(outcome).toBe('TypeError');
  await expect.poll(() => seen.violations.join('\n')).toContain('tracker.example');
  expect(seen.requests.filter((url) => url.includes('tracker.example'))).toEqual([]);

  // The engine worker, which downloads models, and the OCR's line readers it starts are bound by the same policy.
  const workers = [engineWorker(page), namedWorker(page, 'loupe-line-reader')];
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  for (const worker of workers) {
    const blocked = await (await worker).evaluate(async () => {
      const violation = new Promise<string>((resolve) => self.addEventListener('securitypolicyviolation', (event) => resolve(event.blockedURI)));
      await fetch('https://tracker.example/from-worker').catch(() => undefined);
      return violation;
    });
    expect(blocked).toContain('tracker.example');
  }
});

test('the privacy page says what is stored and shows the space used; the main views have no serious accessibility violations', async ({ page }) => {
  await page.goto('/');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);

  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, 'receipt.png').getByRole('button', { name: 'receipt.png', exact: true }).click();
  expect(await serious()).toEqual([]);

  await page.getByTestId('privacy-open').click();
  const dialog = page.getByTestId('privacy');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('never the image');
  await expect(dialog.getByTestId('storage-documents')).not.toHaveText('0.0 MB');
  await expect(dialog.getByTestId('storage-persisted')).toHaveText(/Yes|No/);
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
