// Calibrates the int8 recognizer that scripts/vendor.ts serves: reads receipts through PaddleOcr
// (detection, crops, recognition, as the app does) on onnxruntime-node with the float recognizer, records
// the activations around every quantizable convolution and writes their ranges and input means. Only the
// receipts at even positions in name order are read, so the other half stays unseen for checking the result.
// Usage: npx tsx scripts/paddle/calibrate-rec.ts [--set <dir>] [--out scripts/paddle/rec-int8-calibration.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { PaddleOcr, paddleAlphabet, sessionReader, type OrtRuntime } from '../../src/engines/paddle/paddle-ocr';
import { rewriteGraph } from './rewrite-graph';
import { quantizableConvs, type Calibration } from './quantize-graph';
import { clippingRange } from './clipping-range';
import { PADDLE_ASSETS, rewritten } from './served-graphs';
import { readScan, receiptScans } from './receipts';

const { onnx } = onnxProto;
const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: '../shared/bench/sroie-dev' },
    out: { type: 'string', default: 'scripts/paddle/rec-int8-calibration.json' },
  },
});
const set = resolve(args.set);
if (!existsSync(join(set, 'img'))) {
  console.log(`calibrate-rec: no receipts at ${set}; the committed calibration stays as it is.`);
  process.exit(0);
}
// The float recognizer with every tensor calibration needs as an extra output.
const rec = rewriteGraph(onnx.ModelProto.decode(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'))));
const convs = quantizableConvs(rec);
const tensors = [...new Set(convs.flatMap((c) => [c.input, c.output]))];
rec.graph!.output!.push(...tensors.map((name) => ({ name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } })));
const options = { executionProviders: ['cpu'], intraOpNumThreads: 2 };
const det = await ort.InferenceSession.create(rewritten(readFileSync(join(PADDLE_ASSETS, 'ch_PP-OCRv4_det_infer.onnx'))), options);
const recording = await ort.InferenceSession.create(onnx.ModelProto.encode(rec).finish(), options);

/** Every value of every tensor would be gigabytes over a thousand boxes: a fixed stride keeps a fair sample. */
const SAMPLES_PER_BOX = 4096;
interface Recorded {
  samples: Float32Array[];
  extremes: [number, number];
  channelSums?: Float64Array;
  positions: number;
}
const records = new Map<string, Recorded>(tensors.map((name) => [name, { samples: [], extremes: [Infinity, -Infinity], positions: 0 }]));
const recorder = {
  inputNames: recording.inputNames,
  outputNames: recording.outputNames,
  async run(feeds: { [name: string]: ort.Tensor }) {
    const outputs = await recording.run(feeds);
    for (const name of tensors) {
      const { data, dims } = outputs[name]! as ort.TypedTensor<'float32'>;
      const record = records.get(name)!;
      const [, channels, height, width] = dims as [number, number, number, number];
      const plane = height * width;
      record.channelSums ??= new Float64Array(channels);
      record.positions += plane;
      const stride = Math.max(1, Math.floor(data.length / SAMPLES_PER_BOX));
      const kept = new Float32Array(Math.ceil(data.length / stride));
      for (let i = 0; i < data.length; i++) {
        const v = data[i]!;
        if (v < record.extremes[0]) record.extremes[0] = v;
        if (v > record.extremes[1]) record.extremes[1] = v;
        record.channelSums[Math.floor(i / plane)]! += v;
        if (i % stride === 0) kept[i / stride] = v;
      }
      record.samples.push(kept);
    }
    return outputs;
  },
};
const alphabet = paddleAlphabet(readFileSync(join(PADDLE_ASSETS, 'ppocr_keys_v1.txt'), 'utf8'));
const ocr = new PaddleOcr(ort as unknown as OrtRuntime, det as never, [sessionReader(ort as unknown as OrtRuntime, recorder as never, alphabet)]);

const files = receiptScans(set).filter((_, i) => i % 2 === 0);
for (const file of files) {
  await ocr.recognize(await readScan(join(set, 'img', file)));
  process.stdout.write('.');
}

const range = (name: string) => {
  const { samples, extremes } = records.get(name)!;
  const all = new Float32Array(samples.reduce((n, c) => n + c.length, 0));
  samples.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return clippingRange(all, extremes).map((v) => +v.toPrecision(6)) as [number, number];
};
const boxes = records.get(tensors[0]!)!.samples.length;
const calibration: Calibration = {};
for (const conv of convs) {
  const input = records.get(conv.input)!;
  // A squeeze-excitation convolution reads one value per channel: int8 saves nothing there, and its
  // few large values, which clipping would cut, are what the gate hangs on.
  if (input.positions === boxes) continue;
  calibration[conv.name] = {
    input: range(conv.input),
    output: range(conv.output),
    inputMeans: Array.from(input.channelSums!, (sum) => +(sum / input.positions).toPrecision(5)),
  };
}
const note = `written by scripts/paddle/calibrate-rec.ts from ${files.length} receipts (${boxes} text boxes) of ${args.set}`;
// One convolution per line, so a recalibration reads as a diff.
const lines = Object.entries(calibration).map(([name, c]) => `  ${JSON.stringify(name)}: ${JSON.stringify(c)}`);
writeFileSync(resolve(args.out), `{\n "note": ${JSON.stringify(note)},\n "convs": {\n${lines.join(',\n')}\n }\n}\n`);
console.log(`\ncalibrate-rec: ${Object.keys(calibration).length} of ${convs.length} convolutions calibrated on ${boxes} boxes; wrote ${args.out}`);
