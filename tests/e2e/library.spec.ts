import { expect, test, type Page } from '@playwright/test';
import { seedLibrary } from '../support/seed-library';
import type { FixtureDocument, FixturePage } from '../fixtures/library';

const list = (page: Page) => page.getByTestId('doc-list');

/** Opens Loupe with a generated library of `count` receipts and waits until the search index holds them all. */
async function openLibrary(page: Page, count: number) {
  await page.goto('/');
  await expect(page.getByTestId('file-input')).toBeAttached();
  const library = await seedLibrary(page, count);
  await expect(list(page)).toHaveAttribute('data-indexed', String(count), { timeout: 60_000 });
  return library;
}

const withWord = (docs: FixtureDocument[], pages: FixturePage[], word: string) => {
  const text = new Map(pages.map((p) => [p.docId, p.text.toLowerCase()]));
  return docs.filter((d) => text.get(d.id)!.includes(word) || d.name.includes(word));
};

test('search is tolerant of OCR slips, filters narrow it, the URL carries both and the back button undoes them', async ({ page }) => {
  const { documents, pages } = await openLibrary(page, 80);
  const word = 'golden';
  const expected = withWord(documents, pages, word);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(documents.length);

  // Typed as OCR might have printed it: a zero for the O.
  await page.getByTestId('search').pressSequentially('g0lden');
  await expect(list(page)).toHaveAttribute('data-query', 'g0lden');
  await expect(list(page)).toHaveAttribute('data-count', String(expected.length));
  await expect(page.getByTestId('result-count')).toContainText(`${expected.length} of 80 documents`);
  expect(new URL(page.url()).searchParams.get('q')).toBe('g0lden');

  await page.getByText('Filters and sort').click();
  await page.getByTestId('filter-currency').selectOption('MYR');
  const inMyr = expected.filter((d) => d.fields.receipt.currency === 'MYR');
  await expect(list(page)).toHaveAttribute('data-count', String(inMyr.length));
  expect(new URL(page.url()).searchParams.get('currency')).toBe('MYR');

  // Sorted by amount, largest first.
  await page.getByTestId('sort').selectOption('amount');
  const firstShown = await page.getByTestId('doc-row').first().getAttribute('data-doc-id');
  expect(firstShown).toBe([...inMyr].sort((a, b) => (b.fields.receipt.total as number) - (a.fields.receipt.total as number))[0]!.id);

  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('filter-currency')).toHaveValue('');
  await expect(list(page)).toHaveAttribute('data-count', String(expected.length));
  await expect(page.getByTestId('search')).toHaveValue('g0lden');
  // The word typed letter by letter was one step.
  await page.goBack();
  await expect(page.getByTestId('search')).toHaveValue('');
  await expect(list(page)).toHaveAttribute('data-count', '80');

  // A bookmarked search opens as it was.
  await page.goto('/?q=golden&currency=MYR');
  await expect(page.getByTestId('search')).toHaveValue('golden');
  await expect(list(page)).toHaveAttribute('data-query', 'golden');
  await expect(list(page)).toHaveAttribute('data-count', String(inMyr.length));
});

test('the overview sums each currency apart, and a bar filters the list and the exports to its receipts', async ({ page }) => {
  const { documents } = await openLibrary(page, 80);
  const overview = page.getByTestId('overview');
  await overview.locator('summary').click();
  const currencies = [...new Set(documents.map((d) => d.fields.receipt.currency as string))];
  await expect(overview.locator('section[data-currency]')).toHaveCount(currencies.length);
  const myr = documents.filter((d) => d.fields.receipt.currency === 'MYR');
  const cents = myr.reduce((sum, d) => sum + Math.round((d.fields.receipt.total as number) * 100), 0);
  await expect(overview.locator('section[data-currency=MYR] h3')).toContainText(`${myr.length} receipts`);
  await expect(overview.locator('summary')).toContainText('MYR');
  await expect(overview.locator('section[data-currency=MYR] h3')).toContainText(new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(cents / 100));
  // The figures are there as a table for screen readers too.
  await expect(overview.locator('section[data-currency=MYR] [data-testid=overview-table] tbody tr').first()).toBeAttached();

  const bar = overview.locator('[data-testid=overview-bar][data-kind=month][data-currency=MYR]').last();
  const month = (await bar.getAttribute('data-key'))!;
  const inMonth = myr.filter((d) => (d.fields.receipt.date as string).startsWith(month));
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(list(page)).toHaveAttribute('data-count', String(inMonth.length));
  expect(new URL(page.url()).searchParams.get('currency')).toBe('MYR');
  expect(new URL(page.url()).searchParams.get('from')).toBe(`${month}-01`);
  await expect(page.getByTestId('export-scope')).toHaveText(`The ${inMonth.length} in view:`);

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Receipts CSV', exact: true }).click()]);
  const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(csv.length - 1).toBe(inMonth.length);
  for (const doc of inMonth) expect(csv.some((line) => line.includes(doc.id))).toBe(true);

  // A merchant's bar narrows to that merchant; clicking the pressed bar again shows everything.
  const merchantBar = overview.locator('[data-testid=overview-bar][data-kind=merchant][data-currency=MYR]').first();
  await page.getByTestId('clear-filters').click();
  await expect(list(page)).toHaveAttribute('data-count', '80');
  const merchant = (await merchantBar.getAttribute('data-key'))!;
  await merchantBar.click();
  await expect(list(page)).toHaveAttribute('data-count', String(myr.filter((d) => d.fields.receipt.merchantName === merchant).length));
  await merchantBar.click();
  await expect(list(page)).toHaveAttribute('data-count', '80');
});

test('the index follows edits and deletions, and is kept for the next visit', async ({ page }) => {
  const { documents } = await openLibrary(page, 20);
  // Newest first: the second row, on screen without scrolling.
  const target = documents[documents.length - 2]!;
  await page.getByRole('button', { name: target.name, exact: true }).click();
  const text = page.getByTestId('page-text');
  await text.fill(`${await text.inputValue()}\nZANZIBAR SPICE`);
  await text.blur();

  const search = page.getByTestId('search');
  await search.fill('zanzibar');
  await expect(list(page)).toHaveAttribute('data-query', 'zanzibar');
  await expect(list(page)).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('doc-row')).toHaveAttribute('data-doc-id', target.id);

  // The index is kept in IndexedDB with the edit in it, and a reload answers from it.
  const kept = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('loupe');
          open.onsuccess = () => {
            const get = open.result.transaction('search').objectStore('search').get('index');
            get.onsuccess = () => {
              open.result.close();
              resolve(String(get.result ?? ''));
            };
          };
        }),
    );
  await expect.poll(kept, { timeout: 10_000 }).toContain('ZANZIBAR');
  await page.reload();
  await expect(search).toHaveValue('zanzibar');
  await expect(list(page)).toHaveAttribute('data-count', '1');

  await page.getByRole('button', { name: `Delete ${target.name}` }).click();
  await expect(list(page)).toHaveAttribute('data-indexed', '19');
  await search.fill('');
  await search.fill('zanzibar');
  await expect(list(page)).toHaveAttribute('data-query', 'zanzibar');
  await expect(list(page)).toHaveAttribute('data-count', '0');
  await expect(page.getByText('No document matches.')).toBeVisible();
  await expect.poll(kept, { timeout: 10_000 }).not.toContain('ZANZIBAR');
});
