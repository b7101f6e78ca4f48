import { expect, test } from '@playwright/test';
import { renderReceiptFixturePng } from '../fixtures';
import { startModelMirror } from '../support/model-mirror';
import { chromiumLaunchOptions } from './chromium';
import { useFixtureModel } from './smolvlm-settings';
import { row } from './locators';

// Chromium's software WebGPU adapter (SwiftShader): correct, slow, no shader-f16. The tiny SmolVLM
// is a FIXTURE with random weights; the tests check the WebGPU path and its failure handling.
test.use({ launchOptions: chromiumLaunchOptions({ webgpu: true }) });
test.setTimeout(300_000);

const REPO = 'loupe/tiny-smolvlm-fixture';
let mirror: Awaited<ReturnType<typeof startModelMirror>>;
test.beforeAll(async () => {
  mirror = await startModelMirror(REPO);
});
test.afterAll(() => mirror.close());


test('reads a page on WebGPU; when the GPU process dies, the next page fails clearly and one click reads it on WASM', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByTestId('settings-open').click();
  // SwiftShader is a software adapter: the recommendation explains why it still suggests WASM.
  await expect(page.getByTestId('smolvlm-recommendation')).toContainText('software one');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await useFixtureModel(page, { repo: REPO, host: mirror.host, device: 'webgpu' });

  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'gpu.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'gpu.png')).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
  await expect(page.getByTestId('engine-status')).toContainText(`${REPO} on WebGPU ready`);

  // A real device loss: Chromium's GPU process is crashed through the DevTools protocol.
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.crashGpuProcess');
  await page.getByTestId('file-input').setInputFiles({ name: 'after-crash.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'after-crash.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'after-crash.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'gpu-lost');
  await expect(row(page, 'after-crash.png').getByTestId('doc-error')).toContainText('The GPU stopped working');

  await row(page, 'after-crash.png').getByTestId('retry-wasm').click();
  await expect(row(page, 'after-crash.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toContainText(`${REPO} on WASM ready`);
  // The page read before the crash is untouched.
  await expect(row(page, 'gpu.png')).toHaveAttribute('data-status', 'done');
});

test('a GPU lost in the middle of a page fails that page clearly, never hangs, and it reads again on WASM', async ({ page, browser }) => {
  await page.goto('/');
  await useFixtureModel(page, { repo: REPO, host: mirror.host, device: 'webgpu' });
  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'warm.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'warm.png')).toHaveAttribute('data-status', 'done', { timeout: 240_000 });

  await page.getByTestId('file-input').setInputFiles({ name: 'mid-page.png', mimeType: 'image/png', buffer: receipt });
  // The first streamed tokens are on screen: the page is being written on the GPU when it goes.
  await row(page, 'mid-page.png').getByRole('button', { name: 'mid-page.png', exact: true }).click();
  // waitFor watches the page continuously (expect polls at growing intervals and could miss the window).
  await page.getByTestId('partial-text').waitFor({ state: 'visible', timeout: 60_000 });
  await (await browser.newBrowserCDPSession()).send('Browser.crashGpuProcess');
  await expect(row(page, 'mid-page.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'mid-page.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'gpu-lost');
  await row(page, 'mid-page.png').getByTestId('retry-wasm').click();
  await expect(row(page, 'mid-page.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
});
