import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReceiptFixturePng } from '../fixtures';
import { startModelMirror } from '../support/model-mirror';
import { useFixtureModel } from './smolvlm-settings';
import { engineWorker, recordPartials } from './engine-worker';
import { exportJson, row } from './locators';

// The tiny SmolVLM is a FIXTURE with random weights: its text is gibberish by design. These tests check
// the machinery (download, cache, streaming, cancel, fields gate), never what it reads.
const REPO = 'loupe/tiny-smolvlm-fixture';
let mirror: Awaited<ReturnType<typeof startModelMirror>>;
test.beforeAll(async () => {
  mirror = await startModelMirror(REPO);
});
test.afterAll(() => mirror.close());


type Exported = { documents: { engine: string; fields?: { source: string }; pages: { source: string; timings: Record<string, number> }[] }[] };
const exported = (page: Page) => exportJson<Exported>(page);

test('the SmolVLM engine downloads its model from the configured host and reads a page on WASM', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !/^(blob|data):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto('/');
  // With no WebGPU here, the recommendation says so and picks the smallest model on WASM (as GGUF:
  // the preview server isolates the page, so llama.cpp can run it).
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('smolvlm-recommendation')).toContainText('no WebGPU adapter');
  await expect(page.getByTestId('smolvlm-chosen')).toContainText('SmolVLM2 256M (GGUF) on WASM');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await useFixtureModel(page, { repo: REPO, host: mirror.host, device: 'wasm' });

  // The document view shows the text while it is written (the fixture is so fast that the page may
  // render only once or twice); underneath, the engine worker streams every growing version of it.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { streamed: string[] }).streamed = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=partial-text]')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const spawned = engineWorker(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  const readPartials = await recordPartials(await spawned);
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const partials = await readPartials();
  expect(partials.length).toBeGreaterThan(2);
  expect(partials.every((text, i) => i === 0 || text.startsWith(partials[i - 1]!))).toBe(true);
  const shown = await page.evaluate(() => (window as unknown as { streamed: string[] }).streamed);
  expect(shown.length).toBeGreaterThan(0);
  expect(partials).toContain(shown[0]);
  await expect(page.getByTestId('page-speed')).toContainText(/first token after [\d.]+ s · \d+ tokens at [\d.]+\/s/);
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine', 'smolvlm');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('engine-status')).toContainText(`${REPO} on WASM ready`);

  expect(mirror.requested.some((url) => url.endsWith('/onnx/decoder_model_merged.onnx'))).toBe(true);
  const [doc] = (await exported(page)).documents;
  expect(doc!.engine).toBe('smolvlm');
  expect(doc!.pages[0]!.source).toBe('ocr');
  // What a benchmark reads: tokens, time to first token split into vision encoding and prefill, time per token.
  expect(doc!.pages[0]!.timings.tokens).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.timeToFirstToken).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.visionEncode).toBeGreaterThan(0);

  // Asked for the receipt JSON from the image, the fixture answers gibberish: refused, local fields kept.
  await row(page, 'receipt.png').getByRole('button', { name: 'receipt.png', exact: true }).click();
  await page.getByTestId('structure-smolvlm').click();
  await expect(page.getByTestId('smolvlm-fields-error')).toContainText('not a receipt in the schema');
  expect((await exported(page)).documents[0]!.fields?.source).toBe('local');
  expect(foreign).toEqual([]);
});

test('the download shows progress per file and in total, can be cancelled, and is listed and deleted once complete', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => caches.delete('transformers-cache'));
  await useFixtureModel(page, { repo: REPO, host: mirror.host, device: 'wasm' });
  mirror.held.add('onnx/decoder_model_merged.onnx');
  try {
    await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
    const download = page.getByTestId('model-download');
    await expect(download.locator('[data-testid=download-file][data-file="onnx/decoder_model_merged.onnx"]')).toBeVisible();
    await expect(download.getByTestId('download-total')).toContainText(/of [\d.]+ (KB|MB) \(\d+%\)/);
    await download.getByTestId('download-cancel').click();
    await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'failed');
    await expect(row(page, 'receipt.png').getByTestId('doc-error')).toContainText('model download was cancelled');
    await expect(download).toBeHidden();
  } finally {
    mirror.held.delete('onnx/decoder_model_merged.onnx');
  }
  // Nothing half-downloaded was kept as complete: the retry fetches the decoder again, whole.
  const before = mirror.requested.filter((url) => url.endsWith('/decoder_model_merged.onnx')).length;
  await row(page, 'receipt.png').getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect(mirror.requested.filter((url) => url.endsWith('/decoder_model_merged.onnx')).length).toBeGreaterThan(before);

  await page.getByTestId('settings-open').click();
  const listed = page.locator(`[data-testid=downloaded-model][data-repo="${REPO}"]`);
  await expect(listed).toContainText(/127\.0\.0\.1:\d+ · [\d.]+ (KB|MB)/);
  await listed.getByRole('button', { name: `Delete ${REPO}` }).click();
  await expect(page.getByTestId('downloaded-models')).toContainText('None yet.');
  expect(await page.evaluate(async () => (await (await caches.open('transformers-cache')).keys()).filter((r) => r.url.includes('/onnx/')).length)).toBe(0);
});

test('a model folder picked from disk loads with no download at all', async ({ page }) => {
  await page.goto('/');
  const before = mirror.requested.length;
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('folder');
  await page.getByTestId('smolvlm-folder').setInputFiles(mirror.dir);
  await expect(page.getByTestId('smolvlm-folder-status')).toContainText(/Picked: tiny-smolvlm-mirror-\w+ \(\d+ files\)/);
  await page.getByTestId('smolvlm-dtype').selectOption('fp32');
  await page.getByTestId('smolvlm-device').selectOption('wasm');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toContainText('(local folder) on WASM ready');
  expect(mirror.requested.length).toBe(before);

  // A folder that is not a model is refused with what is missing.
  await page.getByTestId('settings-open').click();
  const photos = mkdtempSync(join(tmpdir(), 'photos-'));
  writeFileSync(join(photos, 'photo.jpg'), 'x');
  await page.getByTestId('smolvlm-folder').setInputFiles(photos);
  rmSync(photos, { recursive: true });
  await expect(page.getByTestId('settings').getByRole('alert')).toContainText('config.json, preprocessor_config.json, tokenizer.json missing');
});

test('an ONNX model downloaded before GGUF was recommended stays in use under “Recommended”, with no new download', async ({ page }) => {
  const catalogued = await startModelMirror('HuggingFaceTB/SmolVLM2-256M-Video-Instruct');
  try {
    await page.goto('/');
    await useFixtureModel(page, { repo: 'unused/first', host: catalogued.host, device: 'wasm' });
    await page.getByTestId('settings-open').click();
    await page.getByTestId('smolvlm-model').selectOption('smolvlm2-256m');
    await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('file-input').setInputFiles({ name: 'onnx.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
    await expect(row(page, 'onnx.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });

    await page.getByTestId('settings-open').click();
    await page.getByTestId('smolvlm-model').selectOption('auto');
    await expect(page.getByTestId('smolvlm-chosen')).toContainText('Will load: SmolVLM2 256M on WASM');
    await expect(page.getByTestId('smolvlm-recommendation')).toContainText('SmolVLM2 256M is already downloaded, so it is used instead of downloading SmolVLM2 256M (GGUF)');
  } finally {
    await catalogued.close();
  }
});
