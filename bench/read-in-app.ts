// Reads files through the BUILT app in headless Chromium, the same way a user drops them in, and
// returns what the app exported for each: the one path both benchmark scripts take to get text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export interface ExportedDocument {
  name: string;
  status: string;
  readMs: number | null;
  text: string;
  error: { message: string } | null;
  /** Each page's stage timings in ms, as the engine stored them (`detect`, `recognize`, `total`, …). */
  pages: { timings?: Record<string, number> }[];
}

export interface AppReading {
  /** The engine's load time as the app reports it (includes its own warm-up run). */
  loadMs: number;
  documents: ExportedDocument[];
}

/** Serves a built app folder (default `dist/`) with vite's preview server on a free port. */
export async function serveApp(dist = 'dist'): Promise<AppServer> {
  const server = await preview({ build: { outDir: resolve(dist) }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench: the preview server did not start');
  return { url, close: () => server.close() };
}

/**
 * Opens the app with one engine, reads a warm-up copy of the first file (not counted: it pays for
 * engine load and wasm compilation), then each file in turn, and returns the app's JSON export.
 */
export async function readInApp(url: string, engine: string, files: { file: string; name: string }[]): Promise<AppReading> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[${engine}] page error: ${error.message}`));
    await page.goto(`${url}?engine=${engine}`);

    const read = async (file: string, name: string) => {
      await page.getByTestId('file-input').setInputFiles({ name, mimeType: '', buffer: readFileSync(file) });
      const row = page.locator(`[data-testid=doc-row][data-name="${name}"]`);
      await row.and(page.locator('[data-status=done],[data-status=failed]')).waitFor({ timeout: 600_000 });
    };
    const first = files[0];
    if (!first) return { loadMs: NaN, documents: [] };
    await read(first.file, `warmup-${first.name}`);
    const loadMs = Number(await page.getByTestId('engine-status').getAttribute('data-load-ms'));

    for (const [i, { file, name }] of files.entries()) {
      await read(file, name);
      process.stdout.write(`\r[${engine}] ${i + 1}/${files.length}`);
    }
    process.stdout.write('\n');
    const exported = (await page.evaluate(() => (window as unknown as { loupe: { exportJson(): Promise<unknown> } }).loupe.exportJson())) as {
      documents: ExportedDocument[];
    };
    return { loadMs, documents: exported.documents };
  } finally {
    await browser.close();
  }
}
