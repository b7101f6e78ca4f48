import { expect, test } from '@playwright/test';
import { makeManyPagePdfFixture, makeOrientedJpegFixture, renderReceiptFixturePng } from '../fixtures';
import { exportJson, row } from './locators';


test('applies EXIF orientation exactly once', async ({ page }) => {
  await page.goto('/');
  // Stored 80 wide, 40 high, left half black; orientation 6 turns it upright: 40 wide, 80 high, black on top.
  const jpeg = makeOrientedJpegFixture(80, 40, 6);
  await page.getByTestId('file-input').setInputFiles({ name: 'rotated.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
  await expect(row(page, 'rotated.jpg')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const exported = await exportJson<{ documents: { pages: { width: number; height: number }[] }[] }>(page);
  expect(exported.documents[0]?.pages[0]).toMatchObject({ width: 40, height: 80 });
  await row(page, 'rotated.jpg').getByRole('button', { name: 'rotated.jpg', exact: true }).click();
  const img = page.getByRole('img', { name: /Page 1 of rotated.jpg/ });
  await expect(img).toBeVisible();
  const [top, bottom] = await img.evaluate(async (element: HTMLImageElement) => {
    await element.decode();
    const canvas = new OffscreenCanvas(element.naturalWidth, element.naturalHeight);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(element, 0, 0);
    const at = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[0]!;
    return [at(element.naturalWidth / 2, 10), at(element.naturalWidth / 2, element.naturalHeight - 10)];
  });
  expect(top).toBeLessThan(60);
  expect(bottom).toBeGreaterThan(200);
});

test('cancel stops the queue, and delete removes one document and then all', async ({ page }) => {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page);
  const files = ['a.png', 'b.png', 'c.png'].map((name) => ({ name, mimeType: 'image/png', buffer: receipt }));
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('queue')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel all' }).click();
  await expect(page.getByTestId('queue')).toBeHidden();
  for (const name of ['a.png', 'b.png', 'c.png']) {
    await expect(row(page, name)).toHaveAttribute('data-status', /done|failed/);
  }
  await expect(page.locator('[data-testid=doc-row][data-status=failed]').first()).toContainText('cancelled');
  await page.getByRole('button', { name: 'Delete b.png' }).click();
  await expect(row(page, 'b.png')).toHaveCount(0);
  await expect(page.getByTestId('doc-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete all' }).click();
  await page.getByRole('button', { name: 'Click again to delete all' }).click();
  await expect(page.getByTestId('doc-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No documents yet.')).toBeVisible();
});

test('a reload in the middle of a queue keeps finished work and resumes the rest', async ({ page }) => {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page);
  const names = ['first.png', 'second.png', 'third.png'];
  await page.getByTestId('file-input').setInputFiles(names.map((name) => ({ name, mimeType: 'image/png', buffer: receipt })));
  await expect(page.locator('[data-testid=doc-row][data-status=reading]')).toHaveCount(1, { timeout: 30_000 });
  await page.reload();
  for (const name of names) await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await row(page, 'third.png').getByRole('button', { name: 'third.png', exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveValue(/TOTAL/i);
});

test('choosing Tesseract releases the loaded engine and reads the next receipt with Tesseract', async ({ page }) => {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'paddle.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'paddle.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const status = page.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-engine', 'paddle');
  await page.getByLabel('Engine').selectOption('tesseract');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('file-input').setInputFiles({ name: 'tesseract.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'tesseract.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(status).toHaveAttribute('data-engine', 'tesseract');
  await row(page, 'tesseract.png').getByRole('button', { name: 'tesseract.png', exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveValue(/TOTAL\s+5[.,]70/i);
  await expect(page.getByTestId('page-source')).toContainText('Tesseract');
});

test('two tabs show the same documents and never read one twice', async ({ page, context }) => {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'shared.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'shared.png')).toHaveAttribute('data-status', 'reading', { timeout: 30_000 });
  const second = await context.newPage();
  await second.goto('/');
  // The second tab resumes unfinished work on start, but the first tab holds this document.
  await expect(row(second, 'shared.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(row(page, 'shared.png')).toHaveAttribute('data-status', 'done');
  await expect(second.getByTestId('engine-status')).toHaveAttribute('data-state', 'idle');
  await second.close();
});

test('a long PDF reads its first 20 pages, and the user picks which others to read', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles({ name: 'long.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeManyPagePdfFixture(25)) });
  const long = row(page, 'long.pdf');
  await expect(long).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(long).toContainText('25 pages (pages 1–20 read)');
  await long.getByRole('button', { name: 'long.pdf', exact: true }).click();
  await expect(page.getByTestId('page-text')).toHaveCount(20);

  await page.getByTestId('range-from').fill('30');
  await page.getByRole('button', { name: 'Read these pages' }).click();
  await expect(page.getByTestId('page-range').getByRole('alert')).toHaveText('This PDF has pages 1 to 25.');
  await page.getByTestId('range-from').fill('21');
  await page.getByTestId('range-to').fill('25');
  await page.getByRole('button', { name: 'Read these pages' }).click();
  await expect(long).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('page-text')).toHaveCount(5);
  await expect(page.getByTestId('page-text').first()).toHaveValue('PAGE NUMBER 21 OF 25');
  await expect(long).toContainText('(pages 21–25 read)');
});
