import { expect, test, type Page } from '@playwright/test';
import { CAFE_RECEIPT_LINES, renderReceiptFixturePng } from '../fixtures';
import { exportJson, row } from './locators';



/** Reads the café receipt and opens it. */
async function readCafeReceipt(page: Page) {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page, CAFE_RECEIPT_LINES);
  await page.getByTestId('file-input').setInputFiles({ name: 'cafe.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'cafe.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await row(page, 'cafe.png').getByRole('button', { name: 'cafe.png', exact: true }).click();
}

test('a read receipt gets its fields on the device, checked, editable, and exported as CSV', async ({ page }) => {
  await readCafeReceipt(page);
  const fields = page.getByTestId('fields');
  await expect(fields).toHaveAttribute('data-source', 'local');
  await expect(page.getByTestId('field-merchantName')).toHaveValue(/CORNER CAFE/);
  await expect(page.getByTestId('field-date')).toHaveValue('2018-02-12');
  await expect(page.getByTestId('field-total')).toHaveValue('16.96');
  await expect(page.getByTestId('field-currency')).toHaveValue('MYR');
  await expect(page.getByTestId('fields-review')).toHaveAttribute('data-ok', 'true');

  // Correcting the text corrects the fields read from it.
  const text = page.getByTestId('page-text');
  await text.fill((await text.inputValue()).replace(/16[.,]96/, '17.96'));
  await text.blur();
  await expect(page.getByTestId('field-total')).toHaveValue('17.96');
  await expect(page.getByTestId('fields-review')).toHaveAttribute('data-ok', 'false');

  // A total edited by hand is flagged with the reason, and the edit is kept across a reload.
  await page.getByTestId('field-total').fill('19.96');
  await page.getByTestId('field-total').blur();
  await expect(page.getByTestId('fields-review')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('fields-review')).toContainText('19.96');
  await page.reload();
  await row(page, 'cafe.png').getByRole('button', { name: 'cafe.png', exact: true }).click();
  await expect(page.getByTestId('field-total')).toHaveValue('19.96');
  await expect(page.getByTestId('fields')).toContainText('edited by you');

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    return { name: file.suggestedFilename(), text: await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')) };
  };
  const receipts = await download('Receipts CSV');
  expect(receipts.name).toBe('cafe-receipts.csv');
  const [header, line] = receipts.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(header).toContain('merchantName');
  expect(line).toContain('2018-02-12');
  expect(line).toContain('19.96');
  expect(line).toContain('yes');
  const items = await download('Line items CSV');
  expect(items.text).toMatch(/LATTE/);
  expect(items.text).toMatch(/MUFFIN/);
});

test('a receipt added twice is marked as a possible duplicate of the first, with a link to it, and nothing is deleted', async ({ page }) => {
  await page.goto('/');
  const receipt = await renderReceiptFixturePng(page, CAFE_RECEIPT_LINES);
  await page.getByTestId('file-input').setInputFiles({ name: 'cafe.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'cafe.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(row(page, 'cafe.png').getByTestId('duplicate-of')).toHaveCount(0);
  await page.getByTestId('file-input').setInputFiles({ name: 'cafe-again.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'cafe-again.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });

  const mark = row(page, 'cafe-again.png').getByTestId('duplicate-of');
  await expect(mark).toHaveAttribute('data-of', (await row(page, 'cafe.png').getAttribute('data-doc-id'))!);
  await expect(mark).toContainText('same merchant, date and total as cafe.png');
  await expect(row(page, 'cafe.png').getByTestId('duplicate-of')).toHaveCount(0);
  await mark.getByRole('button', { name: 'cafe.png', exact: true }).click();
  await expect(row(page, 'cafe.png')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('doc-row')).toHaveCount(2);

  // A total corrected by hand makes it another receipt; the mark goes.
  await row(page, 'cafe-again.png').getByRole('button', { name: 'cafe-again.png', exact: true }).click();
  await page.getByTestId('field-total').fill('18.00');
  await page.getByTestId('field-total').blur();
  await expect(mark).toHaveCount(0);
});

test('each line keeps its box; a focused field lights the lines it was read from, and a box selects its line in the text', async ({ page }) => {
  await readCafeReceipt(page);
  const json = await exportJson<{ documents: { pages: { width: number; height: number; lines: { text: string; box: number[] }[] }[] }[] }>(page);
  const [first] = json.documents[0]!.pages;
  expect(first!.lines.length).toBeGreaterThanOrEqual(CAFE_RECEIPT_LINES.length - 2);
  for (const { box } of first!.lines) {
    const [x, y, w, h] = box as [number, number, number, number];
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
    expect(x + w).toBeLessThanOrEqual(first!.width + 1);
    expect(y + h).toBeLessThanOrEqual(first!.height + 1);
  }
  const totalLine = first!.lines.findIndex((line) => /TOTAL/i.test(line.text) && /16[.,]96/.test(line.text));
  expect(totalLine).toBeGreaterThan(-1);

  const boxes = page.getByTestId('line-box');
  await expect(boxes).toHaveCount(first!.lines.length);
  await expect(page.getByTestId('line-layer')).not.toHaveClass(/show/);
  await page.getByTestId('field-total').focus();
  await expect(boxes.nth(totalLine)).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('field-where')).toContainText('Total: read from');
  // Lines printed above the total (the merchant's) are not lit by the total.
  await expect(boxes.nth(0)).toHaveAttribute('data-highlighted', 'false');
  await page.getByTestId('field-merchantName').hover();
  await expect(boxes.nth(0)).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('field-where')).toHaveAttribute('data-field', 'merchantName');

  await page.getByTestId('show-lines').check();
  await expect(page.getByTestId('line-layer')).toHaveClass(/show/);
  await boxes.nth(totalLine).click();
  const selected = await page.getByTestId('page-text').evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
  expect(selected).toBe(first!.lines[totalLine]!.text);

  // A total typed by hand that is printed nowhere has no box, and says so.
  await page.getByTestId('field-total').fill('99.99');
  await page.getByTestId('field-total').blur();
  await page.getByTestId('field-total').focus();
  await expect(page.getByTestId('field-where')).toContainText('not in the lines read (typed by you)');
  await expect(page.locator('[data-testid=line-box][data-highlighted=true]')).toHaveCount(0);
});
