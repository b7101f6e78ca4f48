import { expect, test } from '@playwright/test';
import { renderReceiptFixturePng } from '../fixtures';
import { startModelMirror } from '../support/model-mirror';

let mirror: Awaited<ReturnType<typeof startModelMirror>>;
test.beforeAll(async () => {
  mirror = await startModelMirror('loupe/tiny-smolvlm-fixture');
});
test.afterAll(() => mirror.close());

test('the SmolVLM engine downloads its model from the configured host and reads a page on WASM', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !/^(blob|data):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto('/');
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-repo').fill('loupe/tiny-smolvlm-fixture');
  await page.getByTestId('smolvlm-host').fill(mirror.host);
  await page.getByTestId('smolvlm-dtype').fill('fp32');
  await page.getByTestId('smolvlm-device').selectOption('wasm');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');

  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  const row = page.locator('[data-testid=doc-row][data-name="receipt.png"]');
  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine', 'smolvlm');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready');

  expect(mirror.requested.some((url) => url.endsWith('/onnx/decoder_model_merged.onnx'))).toBe(true);
  expect(foreign).toEqual([]);
  const exported = (await page.evaluate(() => (window as unknown as { loupe: { exportJson: () => Promise<unknown> } }).loupe.exportJson())) as { documents: { engine: string; pages: { source: string; timings: Record<string, number> }[] }[] };
  const [doc] = exported.documents;
  expect(doc!.engine).toBe('smolvlm');
  expect(doc!.pages[0]!.source).toBe('ocr');
  // What a benchmark reads: tokens generated, time to first token, time per token.
  expect(doc!.pages[0]!.timings.tokens).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.timeToFirstToken).toBeGreaterThan(0);
});
