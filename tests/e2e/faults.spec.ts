import { expect, test } from '@playwright/test';
import { engineWorker, namedWorker } from './engine-worker';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderReceiptFixturePng } from '../fixtures';
import { row } from './locators';


test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto('/');
});

test('a crashed engine worker fails its document with a retry; the rest of the queue goes on', async ({ page }) => {
  const receipt = await renderReceiptFixturePng(page);
  // An uncaught error inside the worker when it is handed the first page: what the page sees when a worker dies under it.
  await (await engineWorker(page)).evaluate(() =>
    self.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'recognize') throw new Error('simulated crash');
    }),
  );
  await page.getByTestId('file-input').setInputFiles([
    { name: 'first.png', mimeType: 'image/png', buffer: receipt },
    { name: 'second.png', mimeType: 'image/png', buffer: receipt },
  ]);
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'first.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'worker-crashed');
  await expect(row(page, 'first.png').getByTestId('doc-error')).toContainText('stopped unexpectedly');
  // A fresh worker reads the next document.
  await expect(row(page, 'second.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, 'first.png').getByRole('button', { name: 'Retry' }).click();
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
});

test('a crashed OCR line reader fails the page it was reading; a fresh one reads the next document', async ({ page }) => {
  const receipt = await renderReceiptFixturePng(page);
  const reader = namedWorker(page, 'loupe-line-reader');
  await page.getByTestId('file-input').setInputFiles({ name: 'warm.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'warm.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const loadMs = await page.getByTestId('engine-status').getAttribute('data-load-ms');
  expect(loadMs).toBeTruthy();
  // The reader dies the moment it is handed its next box.
  await (await reader).evaluate(() =>
    self.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'read') throw new Error('simulated crash');
    }),
  );
  await page.getByTestId('file-input').setInputFiles([
    { name: 'first.png', mimeType: 'image/png', buffer: receipt },
    { name: 'second.png', mimeType: 'image/png', buffer: receipt },
  ]);
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'first.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'worker-crashed');
  await expect(row(page, 'second.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  // The crash stayed with the reader: the engine worker and its loaded models were not started again.
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-load-ms', loadMs!);
  await row(page, 'first.png').getByRole('button', { name: 'Retry' }).click();
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
});

test('a model download cut off mid-way is never used; the retry downloads it whole', async ({ page }) => {
  // The recognizer arrives with half its bytes and the connection drops: the full length was announced.
  await page.route('**/vendor/paddle/rec.onnx', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1), headers: { ...response.headers(), 'content-length': String(body.length) } });
  });
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'failed', { timeout: 90_000 });
  await expect(row(page, 'receipt.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'engine-load-failed');
  await expect(row(page, 'receipt.png').getByTestId('doc-error')).toContainText('arrived incomplete');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'failed');

  await page.unroute('**/vendor/paddle/rec.onnx');
  await row(page, 'receipt.png').getByRole('button', { name: 'Retry' }).click();
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready');
});

test('a full disk refuses the new file with a clear message and damages nothing stored', async ({ page, baseURL }) => {
  // A device with about 1 MB left for Loupe: enough for a receipt, not for a 4 MB photo.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 * 1024 });

  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'kept.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'kept.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const big = Buffer.alloc(4 * 1024 * 1024, 1);
  receipt.copy(big);
  await page.getByTestId('file-input').setInputFiles({ name: 'too-big.png', mimeType: 'image/png', buffer: big });
  await expect(page.getByRole('alert')).toContainText('too-big.png was not added');
  await expect(page.getByRole('alert')).toContainText('no room left');
  await expect(row(page, 'too-big.png')).toHaveCount(0);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.reload();
  await expect(row(page, 'kept.png')).toHaveAttribute('data-status', 'done');
  await row(page, 'kept.png').getByRole('button', { name: 'kept.png', exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveValue(/TOTAL/i);
});

test('markup in a receipt or its file name is shown as text, never run as HTML', async ({ page }) => {
  const hostile = ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=2</script>', '<b>TOTAL</b> 5.70'];
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const sheet = pdf.addPage([420, 300]);
  hostile.forEach((line, i) => sheet.drawText(line, { x: 20, y: 260 - i * 30, size: 12, font }));
  const name = "<img src=y onerror='window.pwned=3'>.pdf";
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
  await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, name).getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveValue(hostile.join('\n'));
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], img[src="y"], b').count()).toBe(0);
});
