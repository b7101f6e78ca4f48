import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { renderReceiptFixturePng } from '../fixtures';
import { startModelMirror } from '../support/model-mirror';
import { useFixtureModel, useGgufFixtureModel } from './smolvlm-settings';
import { startGgufMirror } from '../support/gguf-mirror';
import { makeTinyGgufSmolVlm, TINY_GGUF_MMPROJ_FILE, TINY_GGUF_MODEL_FILE } from '../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';
import { RUNTIME_CACHES } from '../../src/pwa/caches';
import { row } from './locators';
import { photoScene } from '../fixtures/photo-scenes/scene';

// Every other spec blocks the service worker to test the app alone; this one tests the worker.
test.use({ serviceWorkers: 'allow' });


/** Waits until the service worker has precached everything and controls the page (after one reload). */
async function installAndControl(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-offline-ready', 'true', { timeout: 90_000 });
  await page.reload();
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready) && navigator.serviceWorker.controller))).toBe(true);
}

test('on a first visit the service worker registers (and downloads its precache) only once the receipt dropped at opening is read', async ({ page }) => {
  // What Loupe has stored at the moment it registers the worker.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      const win = window as unknown as { storedAtRegister: Promise<unknown>; loupe: { exportJson(): Promise<unknown> } };
      win.storedAtRegister = win.loupe.exportJson();
      return register.apply(this, args);
    };
  });
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'receipt.png')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-offline-ready', 'true', { timeout: 60_000 });
  const stored = (await page.evaluate(() => (window as unknown as { storedAtRegister: Promise<unknown> }).storedAtRegister)) as { documents: { name: string; status: string }[] };
  expect(stored.documents.map((d) => [d.name, d.status])).toEqual([['receipt.png', 'done']]);
});

test('installable: manifest, icons, file and share handlers, and a service worker in control', async ({ page }) => {
  await installAndControl(page);
  const cdp = await page.context().newCDPSession(page);
  // Chromium's own verdict: the same checks that decide whether it offers to install the app.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, which Chromium never installs from; every criterion of the app's own must pass.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest', {});
  expect(manifestErrors).toEqual([]);
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', short_name: 'Loupe' });
  const icons = manifest.icons as { sizes: string; purpose: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  expect(JSON.stringify(manifest.file_handlers)).toContain('application/pdf');
  expect(manifest.share_target).toMatchObject({ action: '/share-target', method: 'POST', enctype: 'multipart/form-data' });
});

test('after one visit, with the network gone: the app loads, documents are there, a dropped receipt is read', async ({ page, context }) => {
  await installAndControl(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  await expect(row(page, 'before.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const receipt = await renderReceiptFixturePng(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-online', 'false');
  await expect(row(page, 'before.png')).toHaveAttribute('data-status', 'done');
  // A fresh page load offline: the engine's wasm and models come from the precache.
  await page.getByTestId('file-input').setInputFiles({ name: 'offline.png', mimeType: 'image/png', buffer: receipt });
  await expect(row(page, 'offline.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine', 'paddle');
  await context.setOffline(false);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-online', 'true');
});

test('the image tools that straighten photos are kept on first use, and straighten a photo with the network gone', async ({ page, context }) => {
  await installAndControl(page);
  const straightened = async (name: string) => {
    await expect(row(page, name)).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    await row(page, name).getByRole('button', { name, exact: true }).click();
    await expect(page.getByTestId('page-corners')).toHaveAttribute('data-corrected', 'true');
  };
  const photo = async (seed: number) => (await photoScene(seed, { background: 'wood', secondSheet: false, touching: false })).jpeg;
  await page.getByTestId('file-input').setInputFiles({ name: 'online.jpg', mimeType: 'image/jpeg', buffer: await photo(4301) });
  await straightened('online.jpg');
  const cached = await page.evaluate(async (names) => Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname))), [RUNTIME_CACHES.imageTools, RUNTIME_CACHES.imageToolsWasm]);
  expect(cached).toEqual([[expect.stringMatching(/^\/assets\/opencv-[\w-]+\.mjs$/)], [expect.stringMatching(/^\/assets\/opencv-[\w-]+\.wasm$/)]]);

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('file-input').setInputFiles({ name: 'offline.jpg', mimeType: 'image/jpeg', buffer: await photo(4302) });
  await straightened('offline.jpg');
  await context.setOffline(false);
});

test("a phone's share sheet sends a photo straight into Loupe", async ({ page }) => {
  await installAndControl(page);
  const receipt = await renderReceiptFixturePng(page);
  // What the share sheet does: a multipart POST navigation to the manifest's share_target action.
  await page.evaluate(() => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files', id: 'share-files' });
    form.append(input);
    document.body.append(form);
  });
  await page.locator('#share-files').setInputFiles({ name: 'shared.png', mimeType: 'image/png', buffer: receipt });
  await page.evaluate(() => (document.querySelector('form[action="/share-target"]') as HTMLFormElement).submit());
  await expect(row(page, 'shared.png')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(new URL(page.url()).search).toBe('');
});

test('a SmolVLM model downloaded once loads from the cache with no connection', async ({ page, context }) => {
  const mirror = await startModelMirror('loupe/tiny');
  try {
    await installAndControl(page);
    await useFixtureModel(page, { repo: 'loupe/tiny', host: mirror.host, device: 'wasm' });
    const receipt = await renderReceiptFixturePng(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'online.png', mimeType: 'image/png', buffer: receipt });
    await expect(row(page, 'online.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    expect(mirror.requested.some((url) => url.endsWith('decoder_model_merged.onnx'))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    const before = mirror.requested.length;
    await page.getByTestId('file-input').setInputFiles({ name: 'offline.png', mimeType: 'image/png', buffer: receipt });
    await expect(row(page, 'offline.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine', 'smolvlm');
    expect(mirror.requested.length).toBe(before);

    // A model that was never downloaded cannot load offline: the document says so, and the engine
    // menu marks SmolVLM unavailable once another engine is chosen.
    await page.getByTestId('settings-open').click();
    await page.getByTestId('smolvlm-model').selectOption('smolvlm2-256m');
    await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('file-input').setInputFiles({ name: 'not-downloaded.png', mimeType: 'image/png', buffer: receipt });
    await expect(row(page, 'not-downloaded.png')).toHaveAttribute('data-status', 'failed');
    await expect(row(page, 'not-downloaded.png').getByTestId('doc-error')).toContainText('is not downloaded yet and this device is offline');
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('paddle');
    await expect(page.getByRole('option', { name: /SmolVLM.*offline, model not downloaded/ })).toBeDisabled();
    expect(mirror.requested.length).toBe(before);
  } finally {
    await context.setOffline(false);
    await mirror.close();
  }
});

test('a GGUF model downloaded once loads from OPFS with no connection, llama.cpp from the runtime cache', async ({ page, context }) => {
  const tiny = makeTinyGgufSmolVlm();
  const repo = 'loupe/tiny-gguf-FIXTURE';
  const mirror = await startGgufMirror(repo, { [TINY_GGUF_MODEL_FILE]: tiny.model, [TINY_GGUF_MMPROJ_FILE]: tiny.mmproj });
  try {
    await installAndControl(page);
    await useGgufFixtureModel(page, { repo, host: mirror.host, model: TINY_GGUF_MODEL_FILE, mmproj: TINY_GGUF_MMPROJ_FILE, device: 'wasm' });
    const receipt = await renderReceiptFixturePng(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'online.png', mimeType: 'image/png', buffer: receipt });
    await expect(row(page, 'online.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    // llama.cpp's 10 MB wasm is not precached for everyone: it is cached once a GGUF model needs it.
    expect(await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), RUNTIME_CACHES.llama)).toEqual([expect.stringMatching(/^\/assets\/wllama-.+\.wasm$/)]);

    await context.setOffline(true);
    await page.reload();
    const before = mirror.requested.length;
    await page.getByTestId('file-input').setInputFiles({ name: 'offline.png', mimeType: 'image/png', buffer: receipt });
    await expect(row(page, 'offline.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('engine-status')).toContainText(`${repo} on WASM ready`);
    expect(mirror.requested.length).toBe(before);
  } finally {
    await context.setOffline(false);
    await mirror.close();
  }
});

test.describe('updates', () => {
  // Its own server, so the test can publish a new service worker while the page is open.
  let server: PreviewServer;
  let version = 0;
  test.beforeAll(async () => {
    const original = readFileSync('dist/sw.js', 'utf8');
    server = await preview({
      logLevel: 'error',
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
      plugins: [
        {
          name: 'publish-new-sw',
          configurePreviewServer(preview) {
            preview.middlewares.use((req, res, next) => {
              if (req.url !== '/sw.js' || version === 0) return next();
              res.setHeader('Content-Type', 'text/javascript');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(`${original}\n// version ${version}\n`);
            });
          },
        },
      ],
    });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('an update is offered, not forced; downloaded models survive it, our old caches do not', async ({ page }) => {
    const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    await page.goto(origin);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-offline-ready', 'true', { timeout: 90_000 });
    await page.reload();
    await page.evaluate(async () => {
      // A model transformers.js downloaded, and a cache an older Loupe left behind.
      await (await caches.open('transformers-cache')).put('/models/weights.onnx', new Response('weights'));
      await (await caches.open('loupe-runtime-tesseract-v0')).put('/old', new Response('old'));
      (window as unknown as { marker: string }).marker = 'still here';
    });

    version = 1;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 60_000 });
    // Offered, not applied: the page was not reloaded under the user.
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-banner').getByRole('button', { name: 'Update now' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    await expect
      .poll(async () => page.evaluate(async () => (await caches.keys()).sort()), { timeout: 30_000 })
      .not.toContain('loupe-runtime-tesseract-v0');
    const names = await page.evaluate(() => caches.keys());
    expect(names).toContain('transformers-cache');
    expect(names.some((name) => name.startsWith('loupe-precache-v2-'))).toBe(true);
    expect(await page.evaluate(async () => (await (await caches.open('transformers-cache')).match('/models/weights.onnx'))?.text())).toBe('weights');
  });
});
