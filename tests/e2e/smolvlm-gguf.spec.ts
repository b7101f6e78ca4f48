import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReceiptFixturePng } from '../fixtures';
import { writeTinyGgufSmolVlmFixture } from '../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';
import { startGgufMirror } from '../support/gguf-mirror';
import { useGgufFixtureModel } from './smolvlm-settings';
import { engineWorker, recordPartials } from './engine-worker';
import { exportJson, row } from './locators';

// The tiny GGUF SmolVLM is a FIXTURE with random weights that llama.cpp loads and runs: its text is
// gibberish by design. These tests check the machinery (download and resume, OPFS, llama.cpp in the
// worker, streaming, cancel, the fields grammar), never what it reads.
const REPO = 'loupe/tiny-smolvlm2-gguf-FIXTURE';
const dir = mkdtempSync(join(tmpdir(), 'tiny-gguf-'));
const names = writeTinyGgufSmolVlmFixture(dir);
const files = { [names.model]: readFileSync(join(dir, names.model)), [names.mmproj]: readFileSync(join(dir, names.mmproj)) };
let mirror: Awaited<ReturnType<typeof startGgufMirror>>;
test.beforeAll(async () => {
  mirror = await startGgufMirror(REPO, files);
});
test.afterAll(async () => {
  await mirror.close();
  rmSync(dir, { recursive: true, force: true });
});

type Exported = { documents: { name: string; engine: string; fields?: { source: string; receipt: Record<string, unknown> }; pages: { source: string; timings: Record<string, number> }[] }[] };
const exported = (page: Page) => exportJson<Exported>(page);
const fixture = { repo: REPO, model: names.model, mmproj: names.mmproj };
const requestsFor = (file: string) => mirror.requested.filter((r) => r.file === file);

test('downloads a GGUF model with progress, resumes a cut-off download, and reads a page on WASM with tokens streamed', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !/^(blob|data):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto('/');
  // The preview server isolates the page, so the recommendation is a GGUF model run by llama.cpp.
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('smolvlm-recommendation')).toContainText('llama.cpp runs the model');
  await expect(page.getByTestId('smolvlm-chosen')).toContainText('(GGUF) on WASM, with llama.cpp:');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await useGgufFixtureModel(page, { ...fixture, host: mirror.host, device: 'wasm' });

  // The connection drops half-way through the model file.
  const half = Math.floor(files[names.model]!.length / 2);
  mirror.cutAfter.set(names.model, half);
  const receipt = await renderReceiptFixturePng(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'receipt.png').getByTestId('doc-error')).toContainText(/download of .*FIXTURE.*\.gguf (was interrupted|stopped at).*Retry to continue from there/);
  await page.getByTestId('settings-open').click();
  await expect(page.locator(`[data-testid=downloaded-model][data-repo="${REPO}"]`)).toContainText(/GGUF from 127\.0\.0\.1:\d+ · .* unfinished \(\d+% of/);
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();

  // Retry continues the file from the bytes kept, then reads the page, streaming every token.
  const partials = engineWorker(page).then(recordPartials);
  await row(page, 'receipt.png').getByRole('button', { name: 'Retry', exact: true }).click();
  const readPartials = await partials;
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const resumed = requestsFor(names.model).at(-1)!;
  expect(resumed.range).toMatch(/^bytes=\d+-$/);
  expect(Number(/\d+/.exec(resumed.range!)![0])).toBeGreaterThan(0);
  expect(Number(/\d+/.exec(resumed.range!)![0])).toBeLessThanOrEqual(half);
  const streamed = await readPartials();
  expect(streamed.length).toBeGreaterThan(2);
  expect(streamed.every((text, i) => i === 0 || text.startsWith(streamed[i - 1]!))).toBe(true);
  await expect(page.getByTestId('page-speed')).toContainText(/first token after [\d.]+ s · \d+ tokens at [\d.]+\/s/);
  await expect(page.getByTestId('engine-status')).toContainText(`${REPO} on WASM ready`);
  const [doc] = (await exported(page)).documents;
  expect(doc!.engine).toBe('smolvlm');
  expect(doc!.pages[0]!.timings.tokens).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.prefill).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.promptTokens).toBeGreaterThan(0);

  // The receipt JSON from the image is generated under the schema's grammar: it always parses and
  // passes the schema, so the fields are SmolVLM's (the checks then say whether they add up).
  await row(page, 'receipt.png').getByRole('button', { name: 'receipt.png', exact: true }).click();
  await page.getByTestId('structure-smolvlm').click();
  await expect.poll(async () => (await exported(page)).documents[0]!.fields?.source, { timeout: 120_000 }).toBe('smolvlm');
  await expect(page.getByTestId('smolvlm-fields-error')).toHaveCount(0);
  expect(Object.keys((await exported(page)).documents[0]!.fields!.receipt)).toEqual(expect.arrayContaining(['merchantName', 'date', 'total', 'lineItems']));

  // Complete, the model is listed with its size; after a reload it loads from OPFS with no request.
  await page.getByTestId('settings-open').click();
  const listed = page.locator(`[data-testid=downloaded-model][data-repo="${REPO}"]`);
  await expect(listed).toContainText(/GGUF from 127\.0\.0\.1:\d+ · [\d.]+ (KB|MB)/);
  await expect(listed).not.toContainText('unfinished');
  await page.reload();
  const before = mirror.requested.length;
  await page.getByTestId('file-input').setInputFiles({ name: 'again.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'again.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect(mirror.requested.length).toBe(before);

  await page.getByTestId('settings-open').click();
  await listed.getByRole('button', { name: `Delete ${REPO}` }).click();
  await expect(listed).toHaveCount(0);
  expect(foreign).toEqual([]);
});

test('a cancelled download keeps its bytes and the next load continues it; a reading is cancelled between tokens', async ({ page }) => {
  await page.goto('/');
  await useGgufFixtureModel(page, { ...fixture, host: mirror.host, device: 'wasm' });
  mirror.stalled.add(names.model);
  const receipt = await renderReceiptFixturePng(page);
  try {
    await page.getByTestId('file-input').setInputFiles({ name: 'cancelled.png', mimeType: 'image/png', buffer: receipt });
    const download = page.getByTestId('model-download');
    await expect(download.locator(`[data-testid=download-file][data-file="${names.model}"]`)).toBeVisible();
    await expect(download.getByTestId('download-total')).toContainText(/of [\d.]+ (KB|MB) \(\d+%\)/);
    await download.getByTestId('download-cancel').click();
    await expect(row(page, 'cancelled.png')).toHaveAttribute('data-status', 'failed');
    await expect(download).toBeHidden();
  } finally {
    mirror.stalled.delete(names.model);
  }
  await row(page, 'cancelled.png').getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(row(page, 'cancelled.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect(requestsFor(names.model).at(-1)!.range).toMatch(/^bytes=[1-9]\d*-$/);

  // Cancel while the model is writing: the document stops, the model stays loaded for the next one.
  await page.getByTestId('file-input').setInputFiles({ name: 'stopped.png', mimeType: 'image/png', buffer: receipt });
  await row(page, 'stopped.png').getByRole('button', { name: 'stopped.png', exact: true }).click();
  await page.getByTestId('partial-text').waitFor({ state: 'visible', timeout: 60_000 });
  await row(page, 'stopped.png').getByRole('button', { name: /^Cancel/ }).click();
  await expect(row(page, 'stopped.png')).not.toHaveAttribute('data-status', 'reading');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready');
});

test('two .gguf files picked from disk load with no download, whichever order they are picked in', async ({ page }) => {
  await page.goto('/');
  const before = mirror.requested.length;
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('gguf-files');
  await page.getByTestId('smolvlm-gguf-files').setInputFiles([join(dir, names.mmproj), join(dir, names.model)]);
  await expect(page.getByTestId('smolvlm-gguf-files-status')).toContainText(`Picked: ${names.model}`);
  await page.getByTestId('smolvlm-device').selectOption('wasm');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
  await page.getByTestId('file-input').setInputFiles({ name: 'picked.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'picked.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toContainText('(files on this device) on WASM ready');
  expect(mirror.requested.length).toBe(before);

  // Files that are not a model and its projector are refused with what is wrong.
  await page.getByTestId('settings-open').click();
  const other = join(dir, 'notes.gguf');
  writeFileSync(other, 'not a gguf file');
  await page.getByTestId('smolvlm-gguf-files').setInputFiles([other, join(dir, names.model)]);
  await expect(page.getByTestId('settings').getByRole('alert')).toContainText('notes.gguf is not a GGUF file Loupe can read');
  await page.getByTestId('smolvlm-gguf-files').setInputFiles([join(dir, names.model)]);
  await expect(page.getByTestId('settings').getByRole('alert')).toContainText('Pick two .gguf files together');
});

test('a GGUF model that cannot fit in the space the browser gives is refused before any byte is downloaded', async ({ page }) => {
  // A device with 50 MB left for Loupe, as the browser reports it (Chromium's DevTools quota override does
  // not reach navigator.storage.estimate, so the estimate itself is what is faked here).
  await page.addInitScript(() => {
    const estimate = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function () {
      const real = await estimate.call(this);
      return { ...real, quota: (real.usage ?? 0) + 50e6 };
    };
  });
  await page.goto('/');
  await useGgufFixtureModel(page, { ...fixture, host: mirror.host, device: 'wasm' });
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('smolvlm2-256m-gguf');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  const before = mirror.requested.length;
  await page.getByTestId('file-input').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'big.png')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(row(page, 'big.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'storage-full');
  await expect(row(page, 'big.png').getByTestId('doc-error')).toContainText('This model needs about 0.28 GB more space, and this browser lets Loupe store only 0.05 GB more');
  expect(mirror.requested.length).toBe(before);
});
