// SmolVLM generation benchmark: reads pages through the BUILT app in headless Chromium, once per runtime
// (onnxruntime for the ONNX layout, llama.cpp for GGUF) and device (WASM, WebGPU), and reports from the
// timings stored with each page: time to first token split into preprocessing, vision encoding (ONNX
// only: llama.cpp counts it in its prefill) and prefill; time per token split into the model's own run
// and the generation loop's overhead around it (sampling, stopping criteria, streaming, copies).
// By default the models are the tiny synthetic FIXTURES (random weights) served from local mirrors,
// which measure the loop, not a real model; --repo/--host take a real one (with --model/--mmproj for GGUF).
// Usage: npm run bench:vlm -- [--pages 5] [--runtimes onnx,gguf] [--devices wasm,webgpu]
//        [--repo <id> --host <url> [--dtype auto | --model <file>.gguf --mmproj <file>.gguf]]
//        [--images <dir>] [--dist dist] [--out bench/out/vlm.json]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { serveApp } from './read-in-app';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { renderReceiptFixturePng } from '../tests/fixtures';
import { startModelMirror } from '../tests/support/model-mirror';
import { startGgufMirror } from '../tests/support/gguf-mirror';
import { makeTinyGgufSmolVlm, TINY_GGUF_MMPROJ_FILE, TINY_GGUF_MODEL_FILE } from '../tests/fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '5' },
    runtimes: { type: 'string', default: 'onnx,gguf' },
    devices: { type: 'string', default: 'wasm,webgpu' },
    model: { type: 'string' },
    mmproj: { type: 'string' },
    repo: { type: 'string' },
    host: { type: 'string' },
    dtype: { type: 'string' },
    images: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'bench/out/vlm.json' },
  },
});

const STAGES = ['preprocess', 'visionEncode', 'prefill', 'timeToFirstToken', 'decodePerToken', 'decoderRunPerToken', 'loopOverheadPerToken', 'tokens'] as const;
type Runtime = 'onnx' | 'gguf';
type Model = { runtime: Runtime; repo: string; host: string; dtype: string; model: string; mmproj: string };
type Stage = (typeof STAGES)[number];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function configure(page: Page, model: Model, device: string) {
  await page.getByTestId('settings-open').click();
  if (model.runtime === 'gguf') {
    await page.getByTestId('smolvlm-model').selectOption('custom-gguf');
    await page.getByTestId('smolvlm-gguf-repo').fill(model.repo);
    await page.getByTestId('smolvlm-gguf-model').fill(model.model);
    await page.getByTestId('smolvlm-gguf-mmproj').fill(model.mmproj);
  } else {
    await page.getByTestId('smolvlm-model').selectOption('custom');
    await page.getByTestId('smolvlm-repo').fill(model.repo);
    await page.getByTestId('smolvlm-dtype').selectOption(model.dtype);
  }
  await page.getByTestId('smolvlm-host').fill(model.host);
  await page.getByTestId('smolvlm-device').selectOption(device);
  // A host the page did not allow when it opened needs a reload (Content-Security-Policy).
  const reload = page.getByTestId('reload-for-hosts').getByRole('button', { name: 'Reload now' });
  if (await reload.isVisible()) {
    await reload.click();
    await page.waitForLoadState('load');
  } else await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
}

async function runDevice(url: string, device: string, model: Model, pages: number) {
  const browser = await chromium.launch(chromiumLaunchOptions({ webgpu: device === 'webgpu' }));
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await configure(page, model, device);
    const images = args.images
      ? readdirSync(resolve(args.images))
          .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
          .sort()
          .map((f) => readFileSync(join(resolve(args.images!), f)))
      : [await renderReceiptFixturePng(page)];
    // Page 0 is a warm-up: it pays for the download and load, and is not counted.
    for (let i = 0; i <= pages; i++) {
      const name = `page-${i}.png`;
      await page.getByTestId('file-input').setInputFiles({ name, mimeType: '', buffer: images[i % images.length]! });
      const row = page.locator(`[data-testid=doc-row][data-name="${name}"]`);
      await row.and(page.locator('[data-status=done],[data-status=failed]')).waitFor({ timeout: 900_000 });
      if ((await row.getAttribute('data-status')) === 'failed') throw new Error(`${device}: ${await row.getByTestId('doc-error').textContent()}`);
      process.stdout.write(`\r[${device}] ${i}/${pages}`);
    }
    process.stdout.write('\n');
    const exported = (await page.evaluate(() => (window as unknown as { loupe: { exportJson(): Promise<unknown> } }).loupe.exportJson())) as {
      documents: { name: string; pages: { timings: Record<string, number> }[] }[];
    };
    const measured = exported.documents.filter((d) => d.name !== 'page-0.png').map((d) => d.pages[0]!.timings);
    return Object.fromEntries(STAGES.map((stage) => [stage, median(measured.map((t) => t[stage] ?? NaN))])) as Record<Stage, number>;
  } finally {
    await browser.close();
  }
}

const runtimes = args.runtimes.split(',') as Runtime[];
const real = Boolean(args.repo);
const onnxFixture = !real && runtimes.includes('onnx') ? await startModelMirror('loupe/tiny-smolvlm-fixture') : undefined;
const tinyGguf = real ? undefined : makeTinyGgufSmolVlm();
const ggufFixture = tinyGguf && runtimes.includes('gguf') ? await startGgufMirror('loupe/tiny-smolvlm2-gguf-FIXTURE', { [TINY_GGUF_MODEL_FILE]: tinyGguf.model, [TINY_GGUF_MMPROJ_FILE]: tinyGguf.mmproj }) : undefined;
const modelFor = (runtime: Runtime): Model =>
  real
    ? { runtime, repo: args.repo!, host: args.host ?? 'https://huggingface.co', dtype: args.dtype ?? 'auto', model: args.model ?? '', mmproj: args.mmproj ?? '' }
    : runtime === 'gguf'
      ? { runtime, repo: 'loupe/tiny-smolvlm2-gguf-FIXTURE', host: ggufFixture!.host, dtype: '', model: TINY_GGUF_MODEL_FILE, mmproj: TINY_GGUF_MMPROJ_FILE }
      : { runtime, repo: 'loupe/tiny-smolvlm-fixture', host: onnxFixture!.host, dtype: 'fp32', model: '', mmproj: '' };
const server = await serveApp(args.dist);
const results: Record<string, Record<Stage, number>> = {};
/** A runtime that cannot run on a device here (llama.cpp on a software WebGPU adapter) is reported, not fatal. */
const failures: Record<string, string> = {};
try {
  for (const runtime of runtimes)
    for (const device of args.devices.split(',')) {
      try {
        results[`${runtime} ${device}`] = await runDevice(server.url, device, modelFor(runtime), Number(args.pages));
      } catch (error) {
        failures[`${runtime} ${device}`] = error instanceof Error ? error.message : String(error);
      }
    }
} finally {
  await server.close();
  await onnxFixture?.close();
  await ggufFixture?.close();
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '–');
console.log(`\nSmolVLM generation, ${real ? args.repo : 'the tiny synthetic FIXTURES (random weights: the loop, not a real model)'}, median of ${args.pages} pages, ms`);
console.log(['runtime device', ...STAGES, 'overhead share'].join(' | '));
for (const [key, r] of Object.entries(results)) {
  const share = r.decodePerToken ? `${((100 * r.loopOverheadPerToken) / r.decodePerToken).toFixed(0)} %` : '–';
  console.log([key, ...STAGES.map((s) => (s === 'tokens' ? String(r[s]) : fmt(r[s]))), share].join(' | '));
}
for (const [key, why] of Object.entries(failures)) console.log(`${key} | did not run: ${why}`);
mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(resolve(args.out), JSON.stringify({ model: real ? args.repo : 'fixtures', fixture: !real, pages: Number(args.pages), results, failures }, null, 2));
console.log(`\nwritten: ${args.out}`);
