import { expect, test, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import {
  makeBadFileFixtures,
  makeExifOrientation6JpegFixture,
  makeManyPagePdfFixture,
  makeTwoPagePdfFixture,
  makePasswordPdfFixture,
  TEXT_LAYER_FIXTURE_LINES,
} from '../fixtures';

/** What the harness page reports of one openDocument call: the pages as the worker sent them, or the error. */
interface Outcome {
  opened?: { kind: string; mime: string; pageCount: number };
  pages: {
    index: number;
    source: string;
    width: number;
    height: number;
    text?: string;
    lines?: { text: string; box: [number, number, number, number] }[];
    pixels?: { width: number; height: number; bytes: number; top: number; bottom: number };
    image: { type: string; width: number; height: number; top: number; bottom: number };
  }[];
  error?: { name: string; code?: string; message: string };
  longestMainThreadTaskMs: number;
}

// The app's own server serves the built app; this spec drives the client and worker straight from source.
let server: ViteDevServer;
let origin = '';

test.beforeAll(async () => {
  server = await createServer({
    logLevel: 'error',
    server: { port: 5191, strictPort: false, host: '127.0.0.1' },
    // Pre-bundled up front, so the optimizer never reloads the page in the middle of a test.
    optimizeDeps: { include: ['pdfjs-dist'], entries: ['tests/e2e/harness/pages.html'] },
  });
  await server.listen();
  origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
});

test.afterAll(async () => {
  await server?.close();
});

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${origin}/tests/e2e/harness/pages.html`);
  await expect(page.locator('body[data-ready=true]')).toBeAttached({ timeout: 60_000 });
});

/** Opens a file through src/pages-client.ts in the page and describes what came back. */
async function openInPage(page: Page, bytes: Uint8Array, name: string, abortAfterFirstPage = false): Promise<Outcome> {
  return page.evaluate(
    async ({ data, name, abortAfterFirstPage }) => {
      type Client = typeof import('../../src/pages-client');
      const openDocument = (window as unknown as { openDocument: Client['openDocument'] }).openDocument;
      let longest = 0;
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (longest = Math.max(longest, entry.duration))));
      observer.observe({ type: 'longtask' });
      /** Grey level at the middle of the top and bottom rows, to tell which way up an image is. */
      const darkness = (rgba: Uint8ClampedArray, width: number, height: number) => {
        const at = (y: number) => rgba[(y * width + Math.floor(width / 2)) * 4]!;
        return { top: at(2), bottom: at(height - 3) };
      };
      const outcome: Outcome = { pages: [], longestMainThreadTaskMs: 0 };
      const controller = new AbortController();
      const pending: Promise<void>[] = [];
      try {
        outcome.opened = await openDocument(new File([new Uint8Array(data)], name), {
          signal: controller.signal,
          onPage: (page) => {
            if (abortAfterFirstPage) controller.abort();
            pending.push(
              (async () => {
                // Decoded as a viewer would, EXIF and all: a second turn would show here.
                const bitmap = await createImageBitmap(page.image);
                const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
                const ctx = canvas.getContext('2d')!;
                ctx.drawImage(bitmap, 0, 0);
                const shown = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
                outcome.pages.push({
                  index: page.index,
                  source: page.source,
                  width: page.width,
                  height: page.height,
                  text: page.text,
                  lines: page.lines,
                  pixels: page.pixels && {
                    width: page.pixels.width,
                    height: page.pixels.height,
                    bytes: page.pixels.data.byteLength,
                    ...darkness(page.pixels.data, page.pixels.width, page.pixels.height),
                  },
                  image: { type: page.image.type, width: bitmap.width, height: bitmap.height, ...darkness(shown, bitmap.width, bitmap.height) },
                });
              })(),
            );
          },
        });
      } catch (error) {
        const { name, message, code } = error as Error & { code?: string };
        outcome.error = { name, message, code };
      }
      await Promise.all(pending);
      observer.disconnect();
      outcome.longestMainThreadTaskMs = longest;
      outcome.pages.sort((a, b) => a.index - b.index);
      return outcome;
    },
    { data: [...bytes], name, abortAfterFirstPage },
  );
}

test('a photo with EXIF orientation 6 comes out upright exactly once, pixels and display image alike', async ({ page }) => {
  // Stored 80 wide and 40 high with the left half black: upright it is 40 × 80 with black on top.
  const outcome = await openInPage(page, makeExifOrientation6JpegFixture(), 'rotated.jpg');
  expect(outcome.error).toBeUndefined();
  expect(outcome.opened).toEqual({ kind: 'image', mime: 'image/jpeg', pageCount: 1 });
  const [only] = outcome.pages;
  expect(only).toMatchObject({ source: 'ocr', width: 40, height: 80, pixels: { width: 40, height: 80, bytes: 40 * 80 * 4 } });
  expect(only!.pixels!.top).toBeLessThan(60);
  expect(only!.pixels!.bottom).toBeGreaterThan(200);
  expect(only!.image).toMatchObject({ type: 'image/jpeg', width: 40, height: 80 });
  expect(only!.image.top).toBeLessThan(60);
  expect(only!.image.bottom).toBeGreaterThan(200);
});

test('a two-page PDF: page 1 from its text layer, page 2 (a scan) as pixels for OCR, both with display images', async ({ page }) => {
  const outcome = await openInPage(page, await makeTwoPagePdfFixture(), 'two-pages.pdf');
  expect(outcome.error).toBeUndefined();
  expect(outcome.opened).toEqual({ kind: 'pdf', mime: 'application/pdf', pageCount: 2 });
  const [first, second] = outcome.pages;
  expect(first).toMatchObject({ index: 0, source: 'text-layer', text: TEXT_LAYER_FIXTURE_LINES.join('\n') });
  expect(first!.pixels).toBeUndefined();
  // 420 × 595 pt at 200 DPI.
  expect(first!.image).toMatchObject({ type: 'image/jpeg', width: Math.ceil((420 * 200) / 72), height: Math.ceil((595 * 200) / 72) });
  // Each line's box from pdf.js's positions, in the display image's pixels: drawn at x = 40 pt, baselines 28 pt apart.
  const scale = 200 / 72;
  expect(first!.lines!.map((line) => line.text)).toEqual(TEXT_LAYER_FIXTURE_LINES);
  first!.lines!.forEach(({ box: [x, y, width, height] }, i) => {
    expect(x).toBeCloseTo(40 * scale, -1);
    const baseline = (595 - (540 - i * 28)) * scale;
    expect(y).toBeLessThan(baseline);
    expect(y + height).toBeGreaterThanOrEqual(baseline - 1);
    expect(height).toBeGreaterThan(10 * scale);
    expect(height).toBeLessThan(24 * scale);
    expect(width).toBeGreaterThan(100 * scale);
  });
  expect(second).toMatchObject({ index: 1, source: 'ocr' });
  expect(second!.text).toBeUndefined();
  expect(second!.pixels!.bytes).toBe(second!.pixels!.width * second!.pixels!.height * 4);
  // The receipt's margin is white; the render is not blank.
  expect(second!.pixels!.top).toBeGreaterThan(200);
  expect(second!.image.type).toBe('image/jpeg');
});

test('bad files are refused with their specific codes, by content not by name', async ({ page }) => {
  const bad = makeBadFileFixtures();
  const cases: [Uint8Array, string, string, RegExp][] = [
    [bad.empty, 'empty.jpg', 'empty-file', /^This file is empty \(0 bytes\)\.$/],
    [bad.zipAsJpeg, 'archive.jpg', 'unsupported-type', /ZIP archive.*not an image or PDF.*\.jpg/],
    [bad.truncatedJpeg, 'truncated.jpg', 'corrupt-image', /damaged or incomplete/],
    [bad.truncatedPng, 'truncated.png', 'corrupt-image', /damaged or incomplete/],
    [bad.corruptPdf, 'corrupt.pdf', 'corrupt-pdf', /damaged or not really a PDF/],
    [makePasswordPdfFixture(), 'locked.pdf', 'password-pdf', /protected by a password/],
    [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'drawing.png', 'unsupported-type', /SVG/],
  ];
  for (const [bytes, name, code, message] of cases) {
    const outcome = await openInPage(page, bytes, name);
    expect(outcome.error, name).toMatchObject({ name: 'LoupeError', code, message: expect.stringMatching(message) });
    expect(outcome.pages, name).toEqual([]);
  }
});

test('a big photo is decoded and shrunk to the cap in the worker without blocking the page', async ({ page }) => {
  const jpeg = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(6000, 4000);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 6000, 2000);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 2000, 6000, 2000);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())];
  });
  const outcome = await openInPage(page, new Uint8Array(jpeg), 'big.jpg');
  expect(outcome.error).toBeUndefined();
  // capSize(6000, 4000): the long side binds at 4096.
  expect(outcome.pages[0]).toMatchObject({ width: 4096, height: 2730, image: { type: 'image/jpeg', width: 4096, height: 2730 } });
  expect(outcome.pages[0]!.pixels).toMatchObject({ top: expect.any(Number), bytes: 4096 * 2730 * 4 });
  expect(outcome.pages[0]!.pixels!.top).toBeLessThan(30);
  expect(outcome.pages[0]!.pixels!.bottom).toBeGreaterThan(225);
  expect(outcome.longestMainThreadTaskMs).toBeLessThan(200);
});

test('cancelling stops a document between pages with an AbortError, and the worker serves the next call', async ({ page }) => {
  const pdf = await makeTwoPagePdfFixture();
  const cancelled = await openInPage(page, pdf, 'two-pages.pdf', true);
  expect(cancelled.error).toMatchObject({ name: 'AbortError' });
  expect(cancelled.pages.length).toBeLessThan(2);
  const [again, photo] = await Promise.all([openInPage(page, pdf, 'two-pages.pdf'), openInPage(page, makeExifOrientation6JpegFixture(), 'rotated.jpg')]);
  expect(again.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
  expect(photo.pages.map((p) => [p.width, p.height])).toEqual([[40, 80]]);
});

test('a long PDF is prepared only as fast as it is read: two pages ahead, never the whole file at once', async ({ page }) => {
  const pdf = await makeManyPagePdfFixture(6);
  const arrivals = await page.evaluate(async (data) => {
    type Client = typeof import('../../src/pages-client');
    const openDocument = (window as unknown as { openDocument: Client['openDocument'] }).openDocument;
    const finishers: (() => void)[] = [];
    const counts: number[] = [];
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Until `n` pages have arrived, then a further second in which no more may arrive. */
    const wait = async (n: number) => {
      for (let i = 0; i < 300 && finishers.length < n; i++) await sleep(100);
      await sleep(1000);
    };
    const done = openDocument(new File([new Uint8Array(data)], 'long.pdf'), {
      // A reader that never finishes a page until told to.
      onPage: () => new Promise<void>((resolve) => finishers.push(resolve)),
    });
    await wait(2);
    counts.push(finishers.length);
    finishers[0]?.();
    await wait(3);
    counts.push(finishers.length);
    for (let i = 1; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finishers[i]?.();
    }
    await done;
    counts.push(finishers.length);
    return counts;
  }, [...pdf]);
  expect(arrivals).toEqual([2, 3, 6]);
});
