import { expect, test, type Page } from '@playwright/test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createServer, type ViteDevServer } from 'vite';
import type { ChatCompletionParams, Wllama, WllamaConfig } from '@wllama/wllama';
import { makeReceiptFixturePng } from '../fixtures';
import { makeTinyGgufSmolVlm, tinyGgufVocab, TINY_GGUF_TEXT } from '../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';

/** What the page reports of one chat completion. */
interface ChatOutcome {
  chunks: string[];
  content: string;
  finishReason?: string | null;
  promptTokens?: number;
  error?: { name: string; message: string };
  ms: number;
}

interface ChatRequest {
  images: number[][];
  text: string;
  stream: boolean;
  maxTokens: number;
  responseFormat?: ChatCompletionParams['response_format'];
  /** Abort once this many chunks have arrived. */
  abortAfterChunks?: number;
  /** Send the text as a plain string, not as a list of parts (only without images). */
  plainText?: boolean;
}

interface HarnessWindow {
  Wllama: new (paths: Record<string, string>, config?: WllamaConfig) => Wllama;
  wllamaWasmUrl: string;
  wllama: Wllama;
}

const RECEIPT_SCHEMA = {
  type: 'object',
  properties: { total: { type: ['number', 'null'] }, date: { type: ['string', 'null'] } },
  required: ['total', 'date'],
  additionalProperties: false,
};

// One server, one page and one loaded model for the whole file: the tests take turns on it.
test.describe.configure({ mode: 'serial' });

let server: ViteDevServer;
let page: Page;
const logs: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = await createServer({
    logLevel: 'error',
    server: { port: 5194, strictPort: false, host: '127.0.0.1' },
    // Pre-bundled up front, so the optimizer never reloads the page in the middle of a test.
    optimizeDeps: { include: ['@wllama/wllama'], entries: ['tests/e2e/harness/wllama.html'] },
  });
  await server.listen();
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  const fixture = makeTinyGgufSmolVlm();
  page = await browser.newPage();
  // llama.cpp's own log lines come through wllama's console logger: the first place to look when a load fails.
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
  await page.route('**/__fixture__/*.gguf', (route) =>
    route.fulfill({ body: Buffer.from(route.request().url().endsWith('/mmproj.gguf') ? fixture.mmproj : fixture.model), contentType: 'application/octet-stream' }),
  );
  await page.goto(`${origin}/tests/e2e/harness/wllama.html`);
  await expect(page.locator('body[data-ready=true]')).toBeAttached({ timeout: 60_000 });
  const loaded = await page.evaluate(async () => {
    const w = window as unknown as HarnessWindow;
    const [model, mmproj] = await Promise.all(['model', 'mmproj'].map(async (name) => (await fetch(`/__fixture__/${name}.gguf`)).blob()));
    const started = performance.now();
    const wllama = new w.Wllama({ default: w.wllamaWasmUrl });
    await wllama.loadModel([model!, mmproj!], { n_gpu_layers: 0, n_ctx: 2048, n_threads: 1 });
    w.wllama = wllama;
    const info = wllama.getLoadedContextInfo();
    return { ms: performance.now() - started, crossOriginIsolated, image: info.has_image_input, vocab: info.n_vocab, embd: info.n_embd, layers: info.n_layer };
  });
  test.info().annotations.push({ type: 'load', description: `${Math.round(loaded.ms)} ms` });
  expect(loaded, logs.join('\n')).toMatchObject({
    crossOriginIsolated: true,
    image: true,
    vocab: tinyGgufVocab().tokens.length,
    embd: TINY_GGUF_TEXT.embd,
    layers: TINY_GGUF_TEXT.layers,
  });
});

test.afterAll(async () => {
  await page?.evaluate(() => (window as unknown as HarnessWindow).wllama?.exit()).catch(() => undefined);
  await page?.close();
  await server?.close();
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('console', { body: logs.join('\n'), contentType: 'text/plain' });
});

/** One user turn (the images, then the question) through wllama's createChatCompletion, greedy. */
async function chat(request: ChatRequest): Promise<ChatOutcome> {
  return page.evaluate(async ({ images, text, stream, maxTokens, responseFormat, abortAfterChunks, plainText }) => {
    const { wllama } = window as unknown as HarnessWindow;
    const controller = new AbortController();
    const parts = [...images.map((bytes) => ({ type: 'image' as const, data: new Uint8Array(bytes).buffer })), { type: 'text' as const, text }];
    const content = plainText ? text : parts;
    const params = { messages: [{ role: 'user' as const, content }], max_tokens: maxTokens, temperature: 0, response_format: responseFormat, abortSignal: controller.signal };
    const outcome: ChatOutcome = { chunks: [], content: '', ms: 0 };
    const started = performance.now();
    try {
      if (stream) {
        for await (const chunk of await wllama.createChatCompletion({ ...params, stream: true })) {
          const delta = chunk.choices[0]?.delta.content;
          if (delta) outcome.chunks.push(delta);
          outcome.finishReason = chunk.choices[0]?.finish_reason ?? outcome.finishReason;
          outcome.promptTokens = chunk.usage?.prompt_tokens ?? outcome.promptTokens;
          if (abortAfterChunks !== undefined && outcome.chunks.length >= abortAfterChunks) controller.abort();
        }
        outcome.content = outcome.chunks.join('');
      } else {
        const response = await wllama.createChatCompletion({ ...params, stream: false });
        outcome.content = response.choices[0]?.message.content ?? '';
        outcome.finishReason = response.choices[0]?.finish_reason;
        outcome.promptTokens = response.usage?.prompt_tokens;
      }
    } catch (error) {
      outcome.error = { name: (error as Error).name, message: (error as Error).message };
    }
    outcome.ms = performance.now() - started;
    return outcome;
  }, request);
}

/** A raw completion of a prompt written out by hand: how many tokens llama.cpp makes of it. */
async function promptTokensOf(prompt: string): Promise<number | undefined> {
  return page.evaluate(async (prompt) => {
    const { wllama } = window as unknown as HarnessWindow;
    const response = await wllama.createCompletion({ prompt, max_tokens: 1, temperature: 0 });
    return response.usage?.prompt_tokens;
  }, prompt);
}

/** An RGB test card: a gradient with a dark block, so every encoding below carries the same picture. */
function rgbCard(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const dark = x < width / 3 && y < height / 3;
      rgb.set(dark ? [20, 20, 20] : [(255 * x) / width, (255 * y) / height, 200], (y * width + x) * 3);
    }
  return rgb;
}

function rgba(rgb: Uint8Array): Buffer {
  const out = Buffer.alloc((rgb.length / 3) * 4, 255);
  for (let i = 0; i < rgb.length / 3; i++) out.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
  return out;
}

function pngOf(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data = rgba(rgbCard(width, height));
  return new Uint8Array(PNG.sync.write(png));
}

function jpegOf(width: number, height: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: rgba(rgbCard(width, height)), width, height }, 90).data);
}

/** A 24-bit uncompressed BMP: bottom-up rows of BGR, each padded to 4 bytes. */
function bmpOf(width: number, height: number): Uint8Array {
  const rgb = rgbCard(width, height);
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = new Uint8Array(54 + stride * height);
  const view = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  view.setUint32(2, out.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = 54 + (height - 1 - y) * stride + x * 3;
      const from = (y * width + x) * 3;
      out.set([rgb[from + 2]!, rgb[from + 1]!, rgb[from]!], at);
    }
  return out;
}

/** A binary PPM (P6). */
function ppmOf(width: number, height: number): Uint8Array {
  const head = new TextEncoder().encode(`P6\n${width} ${height}\n255\n`);
  const out = new Uint8Array(head.length + width * height * 3);
  out.set(head);
  out.set(rgbCard(width, height), head.length);
  return out;
}

test('the FIXTURE pair loads in llama.cpp (wllama) and streams text for a receipt photo and a question, chunk by chunk', async () => {
  const outcome = await chat({ images: [[...makeReceiptFixturePng()]], text: 'What is the total on this receipt?', stream: true, maxTokens: 40 });
  test.info().annotations.push({ type: 'stream', description: `${outcome.chunks.length} chunks in ${Math.round(outcome.ms)} ms` });
  expect(outcome.error, logs.join('\n')).toBeUndefined();
  // The fixture never chooses an end-of-generation token in free text, so it runs to max_tokens, one token a chunk.
  expect(outcome.chunks.length).toBeGreaterThanOrEqual(20);
  expect(outcome.content.length).toBeGreaterThan(outcome.chunks.length);
  expect(outcome.finishReason).toBe('length');
});

test("llama.cpp renders the FIXTURE's SmolVLM2 chat template itself (Jinja), for a list of parts and for a plain string", async () => {
  const parts = await chat({ images: [], text: 'What is the total?', stream: false, maxTokens: 1 });
  const plain = await chat({ images: [], text: 'What is the total?', stream: false, maxTokens: 1, plainText: true });
  const written = await promptTokensOf('<|im_start|>User: What is the total?<end_of_utterance>\nAssistant:');
  // ChatML, llama.cpp's fallback, tokenizes differently: the counts tell the two apart.
  const chatml = await promptTokensOf('<|im_start|>user\nWhat is the total?<|im_end|>\n<|im_start|>assistant\n');
  expect(parts.error, logs.join('\n')).toBeUndefined();
  expect(chatml).not.toBe(written);
  expect(parts.promptTokens).toBe(written);
  expect(plain.promptTokens).toBe(written);
});

test('llama.cpp cuts an image into tiles of the FIXTURE projector (plus an overview) by its shape, which shows in the prompt tokens', async () => {
  // Longest side to 64 px, both sides up to a multiple of 32: 64×16 → 2×1 tiles, 16×64 → 1×2, 40×40 → 2×2.
  const wide = await chat({ images: [[...pngOf(64, 16)]], text: 'Read it.', stream: false, maxTokens: 1 });
  const tall = await chat({ images: [[...pngOf(16, 64)]], text: 'Read it.', stream: false, maxTokens: 1 });
  const square = await chat({ images: [[...pngOf(40, 40)]], text: 'Read it.', stream: false, maxTokens: 1 });
  for (const outcome of [wide, tall, square]) expect(outcome.error, logs.join('\n')).toBeUndefined();
  // Each tile is <fake_token_around_image><row_R_col_C> and 4 image tokens; rows are separated by "\n".
  expect(tall.promptTokens! - wide.promptTokens!).toBe(1);
  expect(square.promptTokens! - wide.promptTokens!).toBe(2 * 6 + 1);
});

test('a JSON schema in response_format makes the FIXTURE answer parse as that object', async () => {
  const outcome = await chat({
    images: [[...makeReceiptFixturePng()]],
    text: 'Answer with the total and the date as JSON.',
    stream: false,
    maxTokens: 60,
    responseFormat: { type: 'json_schema', json_schema: { name: 'r', schema: RECEIPT_SCHEMA } },
  });
  expect(outcome.error, logs.join('\n')).toBeUndefined();
  const answer = JSON.parse(outcome.content) as Record<string, unknown>;
  expect(Object.keys(answer).sort()).toEqual(['date', 'total']);
  // Without the grammar the fixture would write "nullnull…": this is the schema at work, and it stops by itself.
  expect(answer).toEqual({ total: null, date: null });
  expect(outcome.finishReason).toBe('stop');
});

test('aborting mid-stream ends it with an AbortError, and the FIXTURE model answers the next request', async () => {
  const aborted = await chat({ images: [[...makeReceiptFixturePng()]], text: 'Transcribe this page.', stream: true, maxTokens: 40, abortAfterChunks: 3 });
  expect(aborted.error).toMatchObject({ name: 'AbortError' });
  expect(aborted.chunks.length).toBeGreaterThanOrEqual(3);
  expect(aborted.chunks.length).toBeLessThan(40);
  const next = await chat({ images: [], text: 'Still there?', stream: true, maxTokens: 5 });
  expect(next.error).toBeUndefined();
  expect(next.chunks).toHaveLength(5);
});

test('llama.cpp decodes PNG, JPEG, BMP and PPM images, and refuses WebP', async () => {
  const encodings: Record<string, Uint8Array> = { png: pngOf(48, 32), jpeg: jpegOf(48, 32), bmp: bmpOf(48, 32), ppm: ppmOf(48, 32) };
  const promptTokens: Record<string, number | undefined> = {};
  for (const [name, bytes] of Object.entries(encodings)) {
    const outcome = await chat({ images: [[...bytes]], text: 'Read it.', stream: false, maxTokens: 2 });
    expect(outcome.error, `${name}\n${logs.join('\n')}`).toBeUndefined();
    promptTokens[name] = outcome.promptTokens;
  }
  // The same 48×32 picture each time, so the same 2×2 tiles and overview.
  expect(new Set(Object.values(promptTokens))).toEqual(new Set([promptTokens.png]));
  expect(promptTokens.png).toBeGreaterThan(5 * 4);
  const webp = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(48, 32);
    canvas.getContext('2d')!.fillRect(0, 0, 16, 16);
    const blob = await canvas.convertToBlob({ type: 'image/webp' });
    return blob.type === 'image/webp' ? [...new Uint8Array(await blob.arrayBuffer())] : null;
  });
  expect(webp, 'Chromium encodes WebP').not.toBeNull();
  const refused = await chat({ images: [webp!], text: 'Read it.', stream: false, maxTokens: 2 });
  expect(refused.error?.message).toMatch(/Failed to load image/);
});
