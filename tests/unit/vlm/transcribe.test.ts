import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoModelForImageTextToText, AutoProcessor, env } from '@huggingface/transformers';
import { transcribe, type LoadedVlm } from '../../../src/engines/smolvlm/transcribe';
import { isDegenerateLoop } from '../../../src/engines/smolvlm/loop-guard';
import { RECEIPT_JSON_PROMPT, receiptFromModelText } from '../../../src/receipt/model-answer';
import { writeTinySmolVlmFixture } from '../../fixtures/tiny-smolvlm/make-tiny-smolvlm';

env.allowRemoteModels = false;
env.allowLocalModels = true;

let root: string;
const loaded: LoadedVlm[] = [];
async function load(name: string): Promise<LoadedVlm> {
  const vlm = {
    processor: await AutoProcessor.from_pretrained(name),
    model: await AutoModelForImageTextToText.from_pretrained(name, { dtype: 'fp32', device: 'cpu' }),
  };
  loaded.push(vlm);
  return vlm;
}
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-read-'));
  env.localModelPath = `${root}/`;
  writeTinySmolVlmFixture(join(root, 'plain'), 'smolvlm');
  writeTinySmolVlmFixture(join(root, 'loops'), 'smolvlm', { loops: true });
});
afterAll(async () => {
  await Promise.all(loaded.map((vlm) => vlm.model.dispose()));
  rmSync(root, { recursive: true, force: true });
});

const page = { width: 40, height: 56, data: new Uint8ClampedArray(40 * 56 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 53) % 256)) };

describe('transcribe (tiny fixture, random weights)', () => {
  it('streams the text as it grows and times every stage', async () => {
    const vlm = await load('plain');
    const partials: string[] = [];
    const result = await transcribe(vlm, page, { maxNewTokens: 12, onPartial: (text) => partials.push(text) });
    // Token by token, not word by word: the view moves with every token that adds text.
    expect(partials.length).toBeGreaterThan(result.timings.tokens! / 2);
    expect(partials.every((text, i) => i === 0 || text.startsWith(partials[i - 1]!))).toBe(true);
    expect(result.text).toBe(partials.at(-1)!.trim());
    expect(result.timings).toMatchObject({ tokens: 12, loopStopped: 0 });
    for (const stage of ['preprocess', 'timeToFirstToken', 'decodePerToken', 'total']) expect(result.timings[stage]).toBeGreaterThanOrEqual(0);
    // The vision encoder runs inside generate(); its time is measured apart from the prefill.
    expect(result.timings.visionEncode).toBeGreaterThan(0);
    expect(result.timings.prefill! + result.timings.visionEncode!).toBeCloseTo(result.timings.timeToFirstToken!, 5);
    expect(Object.hasOwn(vlm.model, 'encode_image')).toBe(false);
    // The decoder's own time per token, and the loop's overhead on top of it, add up to the time per token.
    expect(result.timings.decoderRunPerToken).toBeGreaterThan(0);
    expect(result.timings.decoderRunPerToken! + result.timings.loopOverheadPerToken!).toBeCloseTo(result.timings.decodePerToken!, 5);
  });

  it('asks another question when given a prompt (the receipt JSON), and its answer goes through the receipt gate', async () => {
    const vlm = await load('plain');
    const plain = await transcribe(vlm, page, { maxNewTokens: 8 });
    const asked = await transcribe(vlm, page, { maxNewTokens: 8, prompt: RECEIPT_JSON_PROMPT });
    // Random weights: a different prompt gives different tokens, and gibberish is no receipt.
    expect(asked.text).not.toBe(plain.text);
    const answer = receiptFromModelText(asked.text);
    expect(answer.ok).toBe(false);
    expect(answer.receipt).toBeUndefined();
  });

  it('cancel stops between tokens with an AbortError, and the loaded model reads the next page', async () => {
    const vlm = await load('plain');
    const controller = new AbortController();
    const reading = transcribe(vlm, page, { maxNewTokens: 500, signal: controller.signal, onPartial: () => controller.abort() });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await expect(transcribe(vlm, page, { maxNewTokens: 4 })).resolves.toMatchObject({ timings: { tokens: 4 } });
  });

  it('stops a model that loops instead of running to the token limit', async () => {
    const vlm = await load('loops');
    const result = await transcribe(vlm, page, { maxNewTokens: 400 });
    expect(result.timings.loopStopped).toBe(1);
    expect(result.timings.tokens).toBeLessThan(100);
    expect(result.text).toMatch(/^A+$/);
  });
});

describe('isDegenerateLoop', () => {
  const ids = (text: string) => [...text].map((c) => c.charCodeAt(0));
  it('flags a long run of one token or one short block', () => {
    expect(isDegenerateLoop(ids('x'.repeat(48)))).toBe(true);
    expect(isDegenerateLoop(ids(`RECEIPT ${'TOTAL '.repeat(9)}`))).toBe(true);
  });
  it('leaves ordinary receipt text alone, repeated words and prices included', () => {
    expect(isDegenerateLoop(ids('MILK 2.50\nMILK 2.50\nBREAD 3.20\nTOTAL 8.20\nCASH 10.00\nCHANGE 1.80\n'))).toBe(false);
    expect(isDegenerateLoop(ids('x'.repeat(47)))).toBe(false);
  });
});
