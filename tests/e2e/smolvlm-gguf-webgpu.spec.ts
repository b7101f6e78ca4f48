import { expect, test } from '@playwright/test';
import { renderReceiptFixturePng } from '../fixtures';
import { makeTinyGgufSmolVlm, TINY_GGUF_MMPROJ_FILE, TINY_GGUF_MODEL_FILE } from '../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';
import { startGgufMirror } from '../support/gguf-mirror';
import { chromiumLaunchOptions } from './chromium';
import { useGgufFixtureModel } from './smolvlm-settings';
import { row } from './locators';

// Chromium's software WebGPU adapter (SwiftShader): correct, slow, no shader-f16. The tiny GGUF
// SmolVLM is a FIXTURE with random weights. llama.cpp's WebGPU backend (wllama 3.13) registers no device on
// this adapter (a real GPU is needed), so what is tested here is the fallback to WASM.
test.use({ launchOptions: chromiumLaunchOptions({ webgpu: true }) });
test.setTimeout(240_000);

const REPO = 'loupe/tiny-smolvlm2-gguf-FIXTURE';
const tiny = makeTinyGgufSmolVlm();
let mirror: Awaited<ReturnType<typeof startGgufMirror>>;
test.beforeAll(async () => {
  mirror = await startGgufMirror(REPO, { [TINY_GGUF_MODEL_FILE]: tiny.model, [TINY_GGUF_MMPROJ_FILE]: tiny.mmproj });
});
test.afterAll(() => mirror.close());

test('where llama.cpp finds no WebGPU device it can use, the page says so and one click reads it on WASM', async ({ page }) => {
  await page.goto('/');
  const software = await page.evaluate(async () => {
    type Adapter = { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } };
    const adapter = await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu?.requestAdapter();
    return (adapter?.isFallbackAdapter ?? adapter?.info?.isFallbackAdapter) === true;
  });
  test.skip(!software, 'a hardware adapter: llama.cpp may use it, so there is no fallback to see');
  await useGgufFixtureModel(page, { repo: REPO, host: mirror.host, model: TINY_GGUF_MODEL_FILE, mmproj: TINY_GGUF_MMPROJ_FILE, device: 'webgpu' });
  await page.getByTestId('file-input').setInputFiles({ name: 'gpu.png', mimeType: 'image/png', buffer: await renderReceiptFixturePng(page) });
  // llama.cpp's WebGPU backend registers no device on SwiftShader and would quietly run on the CPU.
  await expect(row(page, 'gpu.png')).toHaveAttribute('data-status', 'failed', { timeout: 120_000 });
  await expect(row(page, 'gpu.png').getByTestId('doc-error')).toHaveAttribute('data-code', 'gpu-unavailable');
  await expect(row(page, 'gpu.png').getByTestId('doc-error')).toContainText('found no WebGPU device it can use');
  await expect(row(page, 'gpu.png').getByTestId('retry-smaller')).toHaveCount(0);
  await row(page, 'gpu.png').getByTestId('retry-wasm').click();
  await expect(row(page, 'gpu.png')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('engine-status')).toContainText(`${REPO} on WASM ready`);
});
