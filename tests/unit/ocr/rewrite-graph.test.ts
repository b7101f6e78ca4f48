import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { PADDLE_ASSETS, rewritten } from '../../../scripts/paddle/served-graphs';
import { strokes } from './stroke-input';
import { floatTensor, model, node, seededWeights, valueInfo, intsAttribute, intAttribute } from '../../fixtures/tiny-smolvlm/onnx-graph';

const { onnx } = onnxProto;

async function run(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
  const outputs = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input, dims) });
  return outputs[session.outputNames[0]!]!.data as Float32Array;
}

const opCounts = (bytes: Uint8Array) => {
  const counts: Record<string, number> = {};
  for (const n of onnx.ModelProto.decode(bytes).graph!.node!) counts[n.opType!] = (counts[n.opType!] ?? 0) + 1;
  return counts;
};
const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i]!)), 0);

describe('rewriteGraph on PaddleOCR PP-OCRv4', () => {
  it('the recognizer answers as before with a third of its element-wise ops gone', async () => {
    const original = readFileSync(`${PADDLE_ASSETS}/ch_PP-OCRv4_rec_infer.onnx`);
    const optimized = rewritten(original);
    const input = strokes(3, 48, 320);
    const [before, after] = [await run(original, input, [1, 3, 48, 320]), await run(optimized, input, [1, 3, 48, 320])];
    expect(after.length).toBe(before.length);
    expect(maxDifference(before, after)).toBeLessThan(1e-4);

    const [was, is] = [opCounts(original), opCounts(optimized)];
    expect(is.Clip ?? 0).toBe(0);
    expect(is.HardSigmoid).toBe((was.HardSigmoid ?? 0) + was.Clip!);
    expect((is.Mul ?? 0) + (is.Add ?? 0) + (is.Div ?? 0)).toBeLessThan(((was.Mul ?? 0) + (was.Add ?? 0) + (was.Div ?? 0)) * 0.5);
  }, 60_000);

  it('the detector finds the same text probability map', async () => {
    const original = readFileSync(`${PADDLE_ASSETS}/ch_PP-OCRv4_det_infer.onnx`);
    const input = strokes(3, 160, 224);
    const [before, after] = [await run(original, input, [1, 3, 160, 224]), await run(rewritten(original), input, [1, 3, 160, 224])];
    // The strokes must look like text to the detector, or a map of zeros would compare equal.
    expect(Math.max(...before)).toBeGreaterThan(0.5);
    expect(maxDifference(before, after)).toBeLessThan(1e-4);
  }, 60_000);
});

/** x → [Mul(s)] → [Add(b)] → Conv(k×k, "same" padding, `group`) → y, on a [1, 4, 6, 6] input. */
function affineThenConv(options: { scale?: number[]; shift?: number[]; kernel: 1 | 3; group: number }) {
  const { scale, shift, kernel, group } = options;
  const channels = 4;
  const dims = (values: number[]) => (values.length === 1 ? [1] : [1, channels, 1, 1]);
  const initializer = [floatTensor('w', [channels, channels / group, kernel, kernel], seededWeights((channels * channels * kernel * kernel) / group, 7))];
  const nodes = [];
  let value = 'x';
  if (scale) {
    initializer.push(floatTensor('s', dims(scale), Float32Array.from(scale)));
    nodes.push(node('Mul', [value, 's'], ['scaled']));
    value = 'scaled';
  }
  if (shift) {
    initializer.push(floatTensor('b', dims(shift), Float32Array.from(shift)));
    nodes.push(node('Add', [value, 'b'], ['shifted']));
    value = 'shifted';
  }
  const pad = (kernel - 1) / 2;
  nodes.push(node('Conv', [value, 'w'], ['y'], [intsAttribute('pads', [pad, pad, pad, pad]), intsAttribute('kernel_shape', [kernel, kernel]), intAttribute('group', group)]));
  return model({
    name: 'affine-then-conv',
    input: [valueInfo('x', 'float32', [1, channels, 6, 6])],
    output: [valueInfo('y', 'float32', [1, channels, 6, 6])],
    initializer,
    node: nodes,
  });
}

describe('rewriteGraph rewrites exactly', () => {
  const input = seededWeights(4 * 36, 3, 2);
  const same = async (original: Uint8Array, optimized: Uint8Array) =>
    maxDifference(await run(original, input, [1, 4, 6, 6]), await run(optimized, input, [1, 4, 6, 6]));

  it('moves a scale across the shift into a padded conv, and keeps the shift outside it', async () => {
    const original = affineThenConv({ scale: [1.7], shift: [0.4], kernel: 3, group: 1 });
    const optimized = rewritten(original);
    expect(opCounts(optimized)).toEqual({ Add: 1, Conv: 1 });
    // Folding the shift into the bias would also shift the zero padding: the borders would differ.
    expect(await same(original, optimized)).toBeLessThan(1e-5);
  });

  it('scales each input channel of a depthwise conv by its own factor', async () => {
    const original = affineThenConv({ scale: [0.5, 2, -1, 3], kernel: 3, group: 4 });
    const optimized = rewritten(original);
    expect(opCounts(optimized)).toEqual({ Conv: 1 });
    expect(await same(original, optimized)).toBeLessThan(1e-5);
  });

  it('leaves a shift of shape [C] alone: it broadcasts along the width, not the channels', async () => {
    // Four channels and a width of four, so a [4] shift could be mistaken for one value per channel.
    const original = model({
      name: 'width-shift',
      input: [valueInfo('x', 'float32', [1, 4, 4, 4])],
      output: [valueInfo('y', 'float32', [1, 4, 4, 4])],
      initializer: [floatTensor('b', [4], Float32Array.of(1, -2, 3, 0.5)), floatTensor('w', [4, 4, 1, 1], seededWeights(16, 5))],
      node: [node('Add', ['x', 'b'], ['shifted']), node('Conv', ['shifted', 'w'], ['y'], [intsAttribute('kernel_shape', [1, 1])])],
    });
    const optimized = rewritten(original);
    expect(opCounts(optimized)).toEqual({ Add: 1, Conv: 1 });
    const small = input.slice(0, 64);
    expect(maxDifference(await run(original, small, [1, 4, 4, 4]), await run(optimized, small, [1, 4, 4, 4]))).toBeLessThan(1e-5);
  });

  it('puts a per-channel shift before an unpadded conv into its bias', async () => {
    const original = affineThenConv({ shift: [0.3, -1, 2, 0.5], kernel: 1, group: 1 });
    const optimized = rewritten(original);
    expect(opCounts(optimized)).toEqual({ Conv: 1 });
    expect(await same(original, optimized)).toBeLessThan(1e-5);
  });
});
