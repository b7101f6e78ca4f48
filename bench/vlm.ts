// SmolVLM generation benchmark: reads pages through the BUILT app in headless Chromium, once per device
// (WASM, WebGPU), and reports from the timings stored with each page: time to first token split into
// preprocessing, vision encoding and prefill; time per token split into the decoder's own run and the
// generation loop's overhead around it (sampling, stopping criteria, streaming, tensor copies).
// By default the model is the tiny synthetic FIXTURE (random weights) served from a local mirror, which
// isolates the loop's overhead; on a machine with a hub or mirror, --repo/--host take a real model.
// Usage: npm run bench:vlm -- [--pages 5] [--devices wasm,webgpu] [--repo <id> --host <url> --dtype auto]
//        [--images <dir>] [--dist dist] [--out bench/out/vlm.json]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { serveApp } from './read-in-app';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { renderReceiptFixturePng } from '../tests/fixtures';
import { startModelMirror } from '../tests/support/model-mirror';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '5' },
    devices: { type: 'string', default: 'wasm,webgpu' },
    repo: { type: 'string' },
    host: { type: 'string' },
    dtype: { type: 'string' },
    images: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'bench/out/vlm.json' },
  },
});

const STAGES = ['preprocess', 'visionEncode', 'prefill', 'timeToFirstToken', 'decodePerToken', 'decoderRunPerToken', 'loopOverheadPerToken', 'tokens'] as const;
type Stage = (typeof STAGES)[number];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function configure(page: Page, model: { repo: string; host: string; dtype: string }, device: string) {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('smolvlm-model').selectOption('custom');
  await page.getByTestId('smolvlm-repo').fill(model.repo);
  await page.getByTestId('smolvlm-host').fill(model.host);
  await page.getByTestId('smolvlm-dtype').selectOption(model.dtype);
  await page.getByTestId('smolvlm-device').selectOption(device);
  // A host the page did not allow when it opened needs a reload (Content-Security-Policy).
  const reload = page.getByTestId('reload-for-hosts').getByRole('button', { name: 'Reload now' });
  if (await reload.isVisible()) {
    await reload.click();
    await page.waitForLoadState('load');
  } else await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('smolvlm');
}

async function runDevice(url: string, device: string, model: { repo: string; host: string; dtype: string }, pages: number) {
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

const fixture = args.repo ? undefined : await startModelMirror('loupe/tiny-smolvlm-fixture');
const model = fixture ? { repo: 'loupe/tiny-smolvlm-fixture', host: fixture.host, dtype: 'fp32' } : { repo: args.repo!, host: args.host ?? 'https://huggingface.co', dtype: args.dtype ?? 'auto' };
const server = await serveApp(args.dist);
const results: Record<string, Record<Stage, number>> = {};
try {
  for (const device of args.devices.split(',')) results[device] = await runDevice(server.url, device, model, Number(args.pages));
} finally {
  await server.close();
  await fixture?.close();
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '–');
console.log(`\nSmolVLM generation, ${model.repo}${fixture ? ' (synthetic FIXTURE, random weights)' : ''}, median of ${args.pages} pages, ms`);
console.log(['device', ...STAGES, 'overhead share'].join(' | '));
for (const [device, r] of Object.entries(results)) {
  const share = r.decodePerToken ? `${((100 * r.loopOverheadPerToken) / r.decodePerToken).toFixed(0)} %` : '–';
  console.log([device, ...STAGES.map((s) => (s === 'tokens' ? String(r[s]) : fmt(r[s]))), share].join(' | '));
}
mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(resolve(args.out), JSON.stringify({ model: model.repo, fixture: Boolean(fixture), pages: Number(args.pages), results }, null, 2));
console.log(`\nwritten: ${args.out}`);
