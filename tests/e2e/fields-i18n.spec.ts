import { expect, test } from '@playwright/test';
import { normCompany } from '../../bench/field-scoring';
import { I18N_RECEIPTS } from '../fixtures/receipts-i18n/receipts';
import { renderReceiptImage } from '../fixtures/receipts-i18n/render';
import { row } from './locators';

// Photos of receipts written for the tests (German, Polish with "1 234,56", Hungarian in whole forints, Vietnamese),
// read by the default engine and the local extractor in the browser, as a user would drop them.
const PICKED = ['de-supermarkt', 'pl-elektro', 'hu-abc', 'vi-sieuthi'];

test('photos of receipts in other languages and number formats get their total, date, currency and merchant', async ({ page }) => {
  test.setTimeout(240_000);
  const receipts = PICKED.map((id) => I18N_RECEIPTS.find((receipt) => receipt.id === id)!);
  const files = await Promise.all(receipts.map(async (receipt, i) => ({ name: `${receipt.id}.jpg`, mimeType: 'image/jpeg', buffer: await renderReceiptImage(receipt, { seed: 17 + i, photo: true }) })));
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(files);
  for (const receipt of receipts) {
    const name = `${receipt.id}.jpg`;
    await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await row(page, name).getByRole('button', { name, exact: true }).click();
    await expect(page.getByTestId('field-date')).toHaveValue(receipt.expected.date);
    await expect.poll(async () => Number((await page.getByTestId('field-total').inputValue()).replace(',', '.'))).toBe(receipt.expected.total);
    await expect(page.getByTestId('field-currency')).toHaveValue(receipt.expected.currency);
    // The default engine's alphabet lacks most diacritics ("Ô", "Ư"): the name is compared as bench:fields compares it.
    await expect.poll(async () => normCompany(await page.getByTestId('field-merchantName').inputValue())).toBe(normCompany(receipt.expected.merchantName));
  }
});
