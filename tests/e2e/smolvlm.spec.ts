import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReceiptFixturePng } from '../fixtures';
import { writeTinySmolVlmFixture } from '../fixtures/tiny-smolvlm/make-tiny-smolvlm';

// A model mirror laid out like the hub, serving the tiny synthetic SmolVLM FIXTURE (random weights).
let dir: string;
let mirror: Server;
let host = '';
const requested: string[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-e2e-'));
  writeTinySmolVlmFixture(dir, 'smolvlm');
  mirror = createServer((req, res) => {
    requested.push(req.url ?? '');
    // The page is cross-origin isolated: a model host must allow CORS, as huggingface.co does.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const match = /^\/loupe\/tiny-smolvlm-fixture\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    try {
      const body = readFileSync(join(dir, decodeURIComponent(match![1]!)));
      res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  mirror.closeAllConnections();
  await new Promise((resolve) => mirror.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test('the SmolVLM engine downloads its model from the configured host and reads a page on WASM', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !/^(blob|data):/.test(request.url())) foreign.push(request.url());
  });
  await page.goto('/');
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-repo').fill('loupe/tiny-smolvlm-fixture');
  await page.getByTestId('smolvlm-host').fill(host);
  await page.getByTestId('smolvlm-dtype').fill('fp32');
  await page.getByTestId('smolvlm-device').selectOption('wasm');
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');

  await page.getByTestId('file-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  const row = page.locator('[data-testid=doc-row][data-name="receipt.png"]');
  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine', 'smolvlm');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready');

  expect(requested.some((url) => url.endsWith('/onnx/decoder_model_merged.onnx'))).toBe(true);
  expect(foreign).toEqual([]);
  const exported = (await page.evaluate(() => (window as unknown as { loupe: { exportJson: () => Promise<unknown> } }).loupe.exportJson())) as { documents: { engine: string; pages: { source: string; timings: Record<string, number> }[] }[] };
  const [doc] = exported.documents;
  expect(doc!.engine).toBe('smolvlm');
  expect(doc!.pages[0]!.source).toBe('ocr');
  // What a benchmark reads: tokens generated, time to first token, time per token.
  expect(doc!.pages[0]!.timings.tokens).toBeGreaterThan(0);
  expect(doc!.pages[0]!.timings.timeToFirstToken).toBeGreaterThan(0);
});
