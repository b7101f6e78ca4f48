import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { preOptimized } from '../../../scripts/paddle/pre-optimize';
import { PADDLE_ASSETS, rewritten, servedRecognizer } from '../../../scripts/paddle/served-graphs';
import { PADDLE_SESSION_OPTIONS } from '../../../src/engines/paddle/paddle-ocr';
import { strokes } from './stroke-input';

const { onnx } = onnxProto;
ortWeb.env.wasm.numThreads = 1;

/** The graph's output on onnxruntime-web's CPU backend, the runtime the browser engine uses. */
async function run(bytes: Uint8Array, options: ortWeb.InferenceSession.SessionOptions, input: Float32Array, dims: number[]) {
  const session = await ortWeb.InferenceSession.create(bytes, options);
  const outputs = await session.run({ [session.inputNames[0]!]: new ortWeb.Tensor('float32', input, dims) });
  await session.release();
  return outputs[session.outputNames[0]!]!.data as Float32Array;
}

const nodeCount = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.node!.length;
const fusedOps = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.node!.filter((n) => n.domain === 'com.microsoft').length;
const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i]!)), 0);

describe('preOptimized: the served PaddleOCR graphs, optimized at build time', () => {
  const graphs = [
    { name: 'detector', served: () => rewritten(readFileSync(`${PADDLE_ASSETS}/ch_PP-OCRv4_det_infer.onnx`)), dims: [1, 3, 160, 224] },
    { name: 'recognizer', served: () => servedRecognizer(readFileSync(`${PADDLE_ASSETS}/ch_PP-OCRv4_rec_infer.onnx`)), dims: [1, 3, 48, 320] },
  ];

  it.each(graphs)('the $name opened with optimizations off answers as the served graph optimized in the session', async ({ served, dims }) => {
    const graph = served();
    const optimized = await preOptimized(graph);
    // Fused: fewer nodes, some of them onnxruntime's fused CPU kernels.
    expect(nodeCount(optimized)).toBeLessThan(nodeCount(graph) * 0.95);
    expect(fusedOps(optimized)).toBeGreaterThan(0);

    const input = strokes(dims[1]!, dims[2]!, dims[3]!);
    const before = await run(graph, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }, input, dims);
    const after = await run(optimized, PADDLE_SESSION_OPTIONS, input, dims);
    expect(after.length).toBe(before.length);
    // The strokes must draw an answer from the graph, or two maps of zeros would compare equal.
    expect(before.reduce((max, v) => Math.max(max, Math.abs(v)), 0)).toBeGreaterThan(0.5);
    expect(maxDifference(before, after)).toBeLessThan(1e-4);
  }, 120_000);
});
