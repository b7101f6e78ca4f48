import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '@wllama/wllama';
import { readPage, type ChatModel } from '../../../src/engines/smolvlm-gguf/read-page';

const page = { width: 4000, height: 1000, data: new Uint8ClampedArray(4000 * 1000 * 4).fill(255) };
const chunk = (content: string, timings?: ChatCompletionChunk['timings']): ChatCompletionChunk =>
  ({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }], timings }) as ChatCompletionChunk;
const timings = { cache_n: 0, prompt_n: 42, prompt_ms: 12.5, prompt_per_token_ms: 0.3, prompt_per_second: 3000, predicted_n: 3, predicted_ms: 6, predicted_per_token_ms: 2, predicted_per_second: 500 };

/** A chat model that streams the given pieces, one per tick, and records what it was asked. */
function scripted(pieces: string[]) {
  const asked: Parameters<ChatModel['createChatCompletion']>[0][] = [];
  const model: ChatModel = {
    async createChatCompletion(options) {
      asked.push(options);
      for (const [i, piece] of pieces.entries()) {
        if (options.abortSignal?.aborted) throw Object.assign(new Error('Operation aborted'), { name: 'AbortError' });
        await new Promise((resolve) => setTimeout(resolve, 1));
        options.onData(chunk(piece, i === pieces.length - 1 ? timings : undefined));
      }
    },
  };
  return { model, asked };
}

describe('readPage (GGUF)', () => {
  it('asks with the image shrunk to the model’s size as a PPM and the question, streams the growing text, and keeps llama.cpp’s timings', async () => {
    const { model, asked } = scripted(['TOTAL', ' 12', '.50']);
    const seen: string[] = [];
    const result = await readPage(model, page, { maxSide: 512, onPartial: (text) => seen.push(text) });
    expect(seen).toEqual(['TOTAL', 'TOTAL 12', 'TOTAL 12.50']);
    expect(result.text).toBe('TOTAL 12.50');
    const [content] = asked[0]!.messages.map((m) => m.content);
    const [image, question] = content as [{ type: 'image'; data: ArrayBuffer }, { type: 'text'; text: string }];
    expect(new TextDecoder().decode(new Uint8Array(image.data, 0, 15))).toBe('P6\n512 128\n255\n');
    expect(question.text).toMatch(/^Transcribe all the text/);
    expect(asked[0]).toMatchObject({ stream: true, temperature: 0, timings_per_token: true });
    expect(asked[0]!.response_format).toBeUndefined();
    expect(result.timings).toMatchObject({ prefill: 12.5, promptTokens: 42, decoderRunPerToken: 2, tokens: 3, loopStopped: 0 });
    expect(result.timings.timeToFirstToken).toBeGreaterThan(0);
  });

  it('passes a JSON schema as llama.cpp’s json_schema response format', async () => {
    const { model, asked } = scripted(['{}']);
    const schema = { type: 'object', properties: {} };
    await readPage(model, page, { maxSide: 64, prompt: 'JSON please', schema });
    expect(asked[0]!.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'receipt', schema, strict: true } });
  });

  it('stops a model that loops, keeping what it wrote', async () => {
    const { model } = scripted(Array.from({ length: 500 }, () => 'null'));
    const result = await readPage(model, page, { maxSide: 64 });
    expect(result.timings.loopStopped).toBe(1);
    expect(result.timings.tokens).toBeLessThan(100);
    expect(result.text).toMatch(/^(null)+$/);
  });

  it('ends with an AbortError when cancelled between tokens', async () => {
    const { model } = scripted(Array.from({ length: 200 }, (_, i) => `w${i} `));
    const controller = new AbortController();
    const done = readPage(model, page, { maxSide: 64, signal: controller.signal, onPartial: (text) => text.length > 20 && controller.abort() });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
  });
});
