import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { activationCode, quantizeConvs, type Calibration } from '../../../scripts/paddle/quantize-graph';
import { clippingRange } from '../../../scripts/paddle/clipping-range';
import { PADDLE_ASSETS, REC_CALIBRATION, rewritten, servedRecognizer } from '../../../scripts/paddle/served-graphs';
import { PaddleOcr, paddleAlphabet, sessionReader, type OrtRuntime } from '../../../src/engines/paddle/paddle-ocr';
import { summarize, transcriptCounts } from '../../../src/pipeline/metrics/text-metrics';
import { CAFE_RECEIPT_LINES, makeReceiptFixturePng } from '../../fixtures';
import { floatTensor, intsAttribute, model, node, seededWeights, valueInfo } from '../../fixtures/tiny-smolvlm/onnx-graph';

const { onnx } = onnxProto;
const IN = 16;
const OUT = 4;
const SIZE = 5;

async function run(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
  const outputs = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input, dims) });
  return outputs[session.outputNames[0]!]!.data as Float32Array;
}

/** x → Slice (opset 9's attributes: drops the first column) → 1×1 Conv with bias → y, in paddle2onnx's opset. */
function sliceThenConv(weights: Float32Array, bias: Float32Array): Uint8Array {
  const bytes = model({
    name: 'slice-conv',
    input: [valueInfo('x', 'float32', [1, IN, SIZE, SIZE + 1])],
    output: [valueInfo('y', 'float32', [1, OUT, SIZE, SIZE])],
    initializer: [floatTensor('w', [OUT, IN, 1, 1], weights), floatTensor('b', [OUT], bias)],
    node: [
      node('Slice', ['x'], ['sliced'], [intsAttribute('starts', [1]), intsAttribute('ends', [SIZE + 1]), intsAttribute('axes', [3])]),
      { ...node('Conv', ['sliced', 'w', 'b'], ['y'], [intsAttribute('kernel_shape', [1, 1])]), name: 'conv' },
    ],
  });
  const proto = onnx.ModelProto.decode(bytes);
  proto.opsetImport = [{ domain: '', version: 9 }];
  return onnx.ModelProto.encode(proto).finish();
}

const quantized = (bytes: Uint8Array, calibration: Calibration) =>
  onnx.ModelProto.encode(quantizeConvs(onnx.ModelProto.decode(bytes), calibration)).finish();
const opTypes = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.node!.map((n) => n.opType);

/** Inputs in [0, 2), as after an activation: their mean is far from zero, so rounding's bias shows. */
const input = seededWeights(IN * SIZE * (SIZE + 1), 11, 1).map((v) => v + 1);
const meanError = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + (v - b[i]!), 0) / a.length;
const maxError = (a: Float32Array, b: Float32Array) => a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i]!)), 0);

describe('quantizeConvs', () => {
  const weights = seededWeights(OUT * IN, 7, 0.5);
  const bias = Float32Array.of(0.2, -0.1, 0.05, 0);
  const original = sliceThenConv(weights, bias);

  it('runs a calibrated conv in int8, close to the float one, and keeps Slice meaning the same', async () => {
    const reference = await run(original, input, [1, IN, SIZE, SIZE + 1]);
    const low = Math.min(...reference);
    const high = Math.max(...reference);
    const int8 = quantized(original, { conv: { input: [0, 2], output: [low, high], inputMeans: new Array(IN).fill(1) } });
    expect(opTypes(int8)).toEqual(['Slice', 'QuantizeLinear', 'QLinearConv', 'DequantizeLinear']);
    const result = await run(int8, input, [1, IN, SIZE, SIZE + 1]);
    // A wrong slice or a misplaced weight would be off by whole units; int8 is off by a few output steps.
    expect(maxError(result, reference)).toBeLessThan(4 * activationCode(low, high).scale);
  });

  it('takes the rounding of the weights off the bias, as the calibrated input means predict', async () => {
    // Each channel: one weight of 1.27 (steps of 0.01) and fifteen of 0.004, which all round to zero.
    const skewed = new Float32Array(OUT * IN).map((_, i) => (i % IN === 0 ? 1.27 : 0.004));
    const graph = sliceThenConv(skewed, bias);
    const reference = await run(graph, input, [1, IN, SIZE, SIZE + 1]);
    const range = [Math.min(...reference), Math.max(...reference)] as const;
    const calibrated = (means: number) => quantized(graph, { conv: { input: [0, 2], output: range, inputMeans: new Array(IN).fill(means) } });
    const uncorrected = meanError(await run(calibrated(0), input, [1, IN, SIZE, SIZE + 1]), reference);
    const corrected = meanError(await run(calibrated(1), input, [1, IN, SIZE, SIZE + 1]), reference);
    expect(uncorrected).toBeLessThan(-0.04); // 15 weights × −0.004 × inputs averaging 1
    expect(Math.abs(corrected)).toBeLessThan(Math.abs(uncorrected) / 4);
  });

  it('keeps a bias whose channel has next to no weight, where int32 steps would overflow', async () => {
    const dead = weights.map((v, i) => (i < IN ? 1e-9 : v));
    const graph = sliceThenConv(dead, Float32Array.of(3, 0, 0, 0));
    const reference = await run(graph, input, [1, IN, SIZE, SIZE + 1]);
    const int8 = quantized(graph, { conv: { input: [0, 2], output: [-4, 4], inputMeans: new Array(IN).fill(1) } });
    const firstChannel = (await run(int8, input, [1, IN, SIZE, SIZE + 1])).slice(0, SIZE * SIZE);
    for (const v of firstChannel) expect(v).toBeCloseTo(reference[0]!, 1);
  });

  it('refuses a calibration for a convolution the graph does not have', () => {
    expect(() => quantized(original, { renamed: { input: [0, 2], output: [-1, 1], inputMeans: [] } })).toThrow(/renamed.*rerun the calibration/);
  });
});

describe('clippingRange', () => {
  const values = seededWeights(200_000, 5, 0.5).map((v) => v + 0.5);

  it('clips a value rarer than its sample sees instead of spending the codes on it', () => {
    const outlier = Float32Array.from(values);
    outlier[100_001] = 40;
    const [low, high] = clippingRange(outlier, [0, 40]);
    expect(low).toBe(0);
    expect(high).toBeLessThan(4);
    expect(high).toBeGreaterThanOrEqual(values.reduce((a, b) => Math.max(a, b)) * 0.97);
  });
});

describe('the served int8 recognizer', () => {
  const originalRec = readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'));

  it('is calibrated for the dense convolutions and reads a receipt about as well as the float one', async () => {
    const served = servedRecognizer(originalRec);
    const float = rewritten(originalRec);
    expect(Object.keys(REC_CALIBRATION).length).toBeGreaterThan(15);
    expect(opTypes(served).filter((t) => t === 'QLinearConv').length).toBe(Object.keys(REC_CALIBRATION).length);
    expect(served.length).toBeLessThan(float.length * 0.7);

    const options = { executionProviders: ['cpu'], intraOpNumThreads: 1 };
    const det = await ort.InferenceSession.create(rewritten(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_det_infer.onnx'))), options);
    const alphabet = paddleAlphabet(readFileSync(join(PADDLE_ASSETS, 'ppocr_keys_v1.txt'), 'utf8'));
    const read = async (rec: Uint8Array) =>
      (await new PaddleOcr(ort as unknown as OrtRuntime, det as never, [sessionReader(ort as unknown as OrtRuntime, (await ort.InferenceSession.create(rec, options)) as never, alphabet)]).recognize(image)).text;
    // The fixtures' bitmap font has no '%': the tax line is left out.
    const lines = CAFE_RECEIPT_LINES.filter((line) => !line.includes('%'));
    const png = PNG.sync.read(Buffer.from(makeReceiptFixturePng(lines)));
    const image = { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
    // The bitmap font's H and N, J and T differ by a pixel or two, so even the float recognizer misreads
    // some of them: int8 must read the fixture about as well, not identically.
    const cer = (text: string) => summarize([transcriptCounts(text, lines.join('\n'))]).cer;
    const [int8Cer, floatCer] = [cer(await read(served)), cer(await read(float))];
    expect(floatCer).toBeLessThan(0.12);
    expect(int8Cer).toBeLessThan(floatCer + 0.03);
  }, 120_000);
});
