import { expect, test, type Page } from '@playwright/test';
import { makeBadFileFixtures, makeTwoPagePdfFixture, renderReceiptFixturePng } from '../fixtures';
import { row } from './locators';

/** Drops files the way a person does: through the file picker hook scripts also use. */
async function addFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByTestId('file-input').setInputFiles(files);
}

async function open(page: Page, name: string) {
  await row(page, name).getByRole('button', { name, exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto('/');
});

test('reads a generated receipt image with the embedded engine', async ({ page }) => {
  await addFiles(page, [{ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) }]);
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await open(page, 'receipt.png');
  const text = (await page.getByTestId('doc-text').getAttribute('data-text')) ?? '';
  expect(text.toUpperCase()).toContain('TOTAL');
  expect(text).toMatch(/5[.,]70/);
  await expect(page.getByTestId('page-source')).toHaveAttribute('data-source', 'ocr');
});

test('reads a two-page PDF: text layer read directly, scanned page recognized; both survive a reload', async ({ page }) => {
  await addFiles(page, [{ name: 'two-pages.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeTwoPagePdfFixture(await renderReceiptFixturePng(page))) }]);
  await expect(row(page, 'two-pages.pdf')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const check = async () => {
    await open(page, 'two-pages.pdf');
    await expect(page.getByTestId('page-source')).toHaveCount(2);
    await expect(page.getByTestId('page-source').nth(0)).toHaveAttribute('data-source', 'text-layer');
    await expect(page.getByTestId('page-source').nth(1)).toHaveAttribute('data-source', 'ocr');
    await expect(page.getByTestId('page-text').nth(0)).toHaveValue(/TEXT LAYER PAGE/);
    await expect(page.getByTestId('page-text').nth(1)).toHaveValue(/TOTAL/i);
  };
  await check();
  await page.reload();
  await check();
});

test('bad files get specific errors, the rest of the queue goes on, stored documents stay', async ({ page }) => {
  await addFiles(page, [{ name: 'first.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) }]);
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const bad = makeBadFileFixtures();
  await addFiles(page, [
    { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(bad.empty) },
    { name: 'archive.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(bad.zipAsJpeg) },
    { name: 'truncated.png', mimeType: 'image/png', buffer: Buffer.from(bad.truncatedPng) },
    { name: 'corrupt.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bad.corruptPdf) },
    { name: 'last.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) },
  ]);
  await expect(row(page, 'last.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const expectations: [string, string, RegExp][] = [
    ['empty.jpg', 'empty-file', /empty/i],
    ['archive.jpg', 'unsupported-type', /zip/i],
    ['truncated.png', 'corrupt-image', /damaged|incomplete/i],
    ['corrupt.pdf', 'corrupt-pdf', /PDF/],
  ];
  for (const [name, code, message] of expectations) {
    await expect(row(page, name)).toHaveAttribute('data-status', 'failed');
    await expect(row(page, name).getByTestId('doc-error')).toHaveAttribute('data-code', code);
    await expect(row(page, name).getByTestId('doc-error')).toHaveText(message);
  }
  await expect(row(page, 'first.png')).toHaveAttribute('data-status', 'done');
});

test('exports all documents as JSON, Markdown and text, with edits kept', async ({ page }) => {
  await addFiles(page, [{ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) }]);
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await open(page, 'receipt.png');
  await page.getByTestId('page-text').fill('EDITED BY HAND\nTOTAL 5.70');
  await page.getByTestId('page-text').blur();
  await page.reload();
  await open(page, 'receipt.png');
  await expect(page.getByTestId('page-text')).toHaveValue('EDITED BY HAND\nTOTAL 5.70');

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).last().click()]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), body: Buffer.concat(chunks).toString('utf8') };
  };
  const json = await download('Export JSON');
  expect(json.name).toMatch(/\.json$/);
  const parsed = JSON.parse(json.body) as { documents: { name: string; text: string; pages: { edited: boolean }[] }[] };
  expect(parsed.documents).toHaveLength(1);
  expect(parsed.documents[0]?.text).toBe('EDITED BY HAND\nTOTAL 5.70');
  expect(parsed.documents[0]?.pages[0]?.edited).toBe(true);
  const markdown = await download('Markdown');
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.body).toContain('# receipt.png');
  expect(markdown.body).toContain('EDITED BY HAND');
  const text = await download('Text');
  expect(text.name).toMatch(/\.txt$/);
  expect(text.body).toContain('EDITED BY HAND');
});
