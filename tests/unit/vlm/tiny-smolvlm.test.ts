import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AutoModelForImageTextToText,
  AutoProcessor,
  InterruptableStoppingCriteria,
  RawImage,
  StoppingCriteriaList,
  TextStreamer,
  env,
  type Tensor,
} from '@huggingface/transformers';
import { writeTinySmolVlmFixture, type TinyModelType } from '../../fixtures/tiny-smolvlm/make-tiny-smolvlm';

// Loaded from a local folder only: nothing here may reach a hub.
env.allowRemoteModels = false;
env.allowLocalModels = true;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tiny-smolvlm-'));
  env.localModelPath = `${root}/`;
  for (const type of ['smolvlm', 'idefics3'] as const) writeTinySmolVlmFixture(join(root, type), type);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A 40 × 24 RGBA "photo": wider than a tile, so the processor splits it into 2 × 2 tiles plus the global one. */
const photo = () => new RawImage(new Uint8ClampedArray(40 * 24 * 4).map((_, i) => (i * 37) % 256), 40, 24, 4);

async function load(name: string) {
  const processor = await AutoProcessor.from_pretrained(name);
  const model = await AutoModelForImageTextToText.from_pretrained(name, { dtype: 'fp32', device: 'cpu' });
  const prompt = processor.apply_chat_template([{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'Transcribe this receipt.' }] }], {
    add_generation_prompt: true,
  }) as string;
  const inputs = await processor(prompt, [photo()], { do_image_splitting: true });
  return { processor, model, inputs };
}

describe.each<TinyModelType>(['smolvlm', 'idefics3'])('tiny %s fixture through transformers.js', (type) => {
  it('loads from a local folder, splits the image into tiles, and streams generated tokens', async () => {
    const { processor, model, inputs } = await load(type);
    expect((inputs.pixel_values as Tensor).dims).toEqual([1, 5, 3, 16, 16]);
    const streamed: string[] = [];
    const streamer = new TextStreamer(processor.tokenizer!, { skip_prompt: true, callback_function: (text: string) => streamed.push(text) });
    const output = (await model.generate({ ...inputs, max_new_tokens: 8, do_sample: false, streamer })) as Tensor;
    const promptLength = (inputs.input_ids as Tensor).dims[1]!;
    expect(output.dims).toEqual([1, promptLength + 8]);
    expect(streamed.join('').length).toBeGreaterThan(0);

    // Same input, same weights, greedy decoding: the same tokens.
    const again = (await model.generate({ ...inputs, max_new_tokens: 8, do_sample: false })) as Tensor;
    expect(Array.from(again.data as BigInt64Array)).toEqual(Array.from(output.data as BigInt64Array));
    await model.dispose();
  });

  it('stops early when interrupted mid-generation', async () => {
    const { processor, model, inputs } = await load(type);
    const stop = new InterruptableStoppingCriteria();
    let pieces = 0;
    // Per token, as the app's cancel button would act between tokens.
    const streamer = new TextStreamer(processor.tokenizer!, { skip_prompt: true, token_callback_function: () => ++pieces === 3 && stop.interrupt() });
    const criteria = new StoppingCriteriaList();
    criteria.push(stop);
    const output = (await model.generate({ ...inputs, max_new_tokens: 32, do_sample: false, streamer, stopping_criteria: criteria })) as Tensor;
    const generated = output.dims[1]! - (inputs.input_ids as Tensor).dims[1]!;
    expect(generated).toBeGreaterThan(0);
    expect(generated).toBeLessThan(32);
    await model.dispose();
  });
});

describe('a broken model folder', () => {
  it('names the sub-model file that is missing', async () => {
    writeTinySmolVlmFixture(join(root, 'missing'), 'smolvlm');
    unlinkSync(join(root, 'missing', 'onnx', 'embed_tokens.onnx'));
    await expect(AutoModelForImageTextToText.from_pretrained('missing', { dtype: 'fp32', device: 'cpu' })).rejects.toThrow(/not found locally.*embed_tokens.onnx/);
  });

  it('refuses a corrupt sub-model with an error', async () => {
    writeTinySmolVlmFixture(join(root, 'corrupt'), 'smolvlm');
    writeFileSync(join(root, 'corrupt', 'onnx', 'decoder_model_merged.onnx'), new Uint8Array(4096).map((_, i) => (i * 131) % 251));
    await expect(AutoModelForImageTextToText.from_pretrained('corrupt', { dtype: 'fp32', device: 'cpu' })).rejects.toThrow(/decoder_model_merged.onnx failed.*Protobuf parsing failed/);
  });
});
