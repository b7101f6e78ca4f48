import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { floatValues } from './rewrite-graph';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/** What calibration measured around one convolution. */
export interface ConvCalibration {
  /** The values the input's and output's uint8 codes span (0 inside, as ONNX's zero point requires). */
  input: readonly [number, number];
  output: readonly [number, number];
  /** The input's mean per channel: what the int8 weights' rounding shifts each output by on average. */
  inputMeans: readonly number[];
}

/** By convolution name: the convolutions to quantize and how. */
export type Calibration = Record<string, ConvCalibration>;

/** A dense convolution int8 may replace, with the tensors calibration records around it. */
export interface QuantizableConv {
  name: string;
  input: string;
  output: string;
}

type Node = Onnx.INodeProto;

/** int32 biases stay below this, leaving the accumulator room for the products added to them. */
const BIAS_LIMIT = 2 ** 30;

const MIN_INPUT_CHANNELS = 16;

const attribute = (node: Node, name: string) => node.attribute?.find((a) => a.name === name);

/**
 * The dense convolutions (group 1) past the 3-channel stem: in PP-OCRv4's recognizer they are 87 % of
 * the multiply-adds (docs/BENCHMARKS.md); the depthwise ones are a few percent.
 */
export function quantizableConvs(model: Onnx.IModelProto): QuantizableConv[] {
  const weights = new Map((model.graph!.initializer ?? []).map((t) => [t.name!, t]));
  return (model.graph!.node ?? []).flatMap((node) => {
    if (node.opType !== 'Conv' || Number(attribute(node, 'group')?.i ?? 1) !== 1) return [];
    const weight = weights.get(node.input![1]!);
    if (weight?.dataType !== DataType.FLOAT || Number(weight.dims![1]) < MIN_INPUT_CHANNELS) return [];
    return [{ name: node.name!, input: node.input![0]!, output: node.output![0]! }];
  });
}

/**
 * Replaces each calibrated convolution by QuantizeLinear → QLinearConv →
 * DequantizeLinear: uint8 activations over their calibrated ranges, int8 weights per output channel,
 * an int32 bias less the weights' mean rounding error. The rest of the graph stays float. QLinearConv needs opset 10, so the graph moves from
 * paddle2onnx's opset 9, which only changes how Slice takes its arguments.
 */
export function quantizeConvs(model: Onnx.ModelProto, calibration: Calibration): Onnx.ModelProto {
  const graph = model.graph!;
  const opset = model.opsetImport!.find((o) => !o.domain);
  if (!opset || Number(opset.version) > 10) throw new Error(`quantizeConvs: expected opset 9 or 10, got ${opset?.version}`);
  opset.version = 10;
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name!, t]));
  const added: Onnx.ITensorProto[] = [];
  const constant = (name: string, dataType: number, dims: number[], data: ArrayBufferView) => {
    added.push({ name, dataType, dims, rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) });
    return name;
  };
  const quantizable = new Set(quantizableConvs(model).map((c) => c.name));
  const stale = Object.keys(calibration).filter((name) => !quantizable.has(name));
  if (stale.length) throw new Error(`quantizeConvs: no quantizable convolution named ${stale.join(', ')}; rerun the calibration`);

  graph.node = (graph.node ?? []).flatMap((node): Node[] => {
    if (node.opType === 'Slice') return [sliceWithInputs(node, constant)];
    const calibrated = calibration[node.name!];
    if (!calibrated) return [node];
    const [x, weightName, biasName] = node.input as [string, string, string | undefined];
    const y = node.output![0]!;
    const input = activationCode(...calibrated.input);
    const output = activationCode(...calibrated.output);
    const weight = floatValues(initializers.get(weightName)!);
    const outChannels = Number(initializers.get(weightName)!.dims![0]);
    const perChannel = weight.length / outChannels;
    const bias = biasName ? floatValues(initializers.get(biasName)!) : new Float32Array(outChannels);
    const codes = new Int8Array(weight.length);
    const weightScales = new Float32Array(outChannels);
    const biasCodes = new Int32Array(outChannels);
    const inputMeans = calibrated.inputMeans;
    const kernel = perChannel / inputMeans.length;
    for (let o = 0; o < outChannels; o++) {
      let peak = 0;
      for (let k = o * perChannel; k < (o + 1) * perChannel; k++) peak = Math.max(peak, Math.abs(weight[k]!));
      // The bias is stored in steps of weight scale × input scale: a channel whose weights are next to
      // nothing but whose bias is not would overflow int32, so its steps grow until the bias fits.
      const scale = Math.max(peak / 127, Math.abs(bias[o]!) / (input.scale * BIAS_LIMIT)) || 1;
      weightScales[o] = scale;
      // Bias correction: the rounding's mean effect on this output, over the inputs calibration saw, taken off its bias.
      let shift = 0;
      for (let k = o * perChannel; k < (o + 1) * perChannel; k++) {
        codes[k] = Math.round(weight[k]! / scale);
        shift += (codes[k]! * scale - weight[k]!) * inputMeans[Math.floor((k - o * perChannel) / kernel)]!;
      }
      biasCodes[o] = Math.round((bias[o]! - shift) / (scale * input.scale));
    }
    const p = `${node.name}_int8`;
    const xScale = constant(`${p}_x_scale`, DataType.FLOAT, [], Float32Array.of(input.scale));
    const xZero = constant(`${p}_x_zero`, DataType.UINT8, [], Uint8Array.of(input.zero));
    const yScale = constant(`${p}_y_scale`, DataType.FLOAT, [], Float32Array.of(output.scale));
    const yZero = constant(`${p}_y_zero`, DataType.UINT8, [], Uint8Array.of(output.zero));
    const conv: Node = {
      ...node,
      opType: 'QLinearConv',
      input: [
        `${p}_x`,
        xScale,
        xZero,
        constant(`${p}_w`, DataType.INT8, initializers.get(weightName)!.dims!.map(Number), codes),
        constant(`${p}_w_scale`, DataType.FLOAT, [outChannels], weightScales),
        constant(`${p}_w_zero`, DataType.INT8, [outChannels], new Int8Array(outChannels)),
        yScale,
        yZero,
        constant(`${p}_bias`, DataType.INT32, [outChannels], biasCodes),
      ],
      output: [`${p}_y`],
    };
    return [
      { opType: 'QuantizeLinear', name: `${p}_quantize`, input: [x, xScale, xZero], output: [`${p}_x`] },
      conv,
      { opType: 'DequantizeLinear', name: `${p}_dequantize`, input: [`${p}_y`, yScale, yZero], output: [y] },
    ];
  });
  const used = new Set(graph.node.flatMap((n) => n.input ?? []));
  graph.initializer = [...(graph.initializer ?? []), ...added].filter((t) => used.has(t.name!));
  graph.input = (graph.input ?? []).filter((i) => !initializers.has(i.name!) || used.has(i.name!));
  return model;
}

/** The uint8 code for a range: `scale` per step, `zero` the code of 0. */
export function activationCode(low: number, high: number) {
  const lo = Math.min(0, low);
  const hi = Math.max(0, high);
  const scale = (hi - lo) / 255 || 1;
  return { scale, zero: Math.min(255, Math.max(0, Math.round(-lo / scale))) };
}

/** Slice-1's starts, ends and axes attributes as Slice-10's int64 inputs: the same slice. */
function sliceWithInputs(node: Node, constant: (name: string, type: number, dims: number[], data: ArrayBufferView) => string): Node {
  if (node.input!.length > 1) return node;
  const ints = (name: string) => attribute(node, name)?.ints?.map((v) => BigInt(v.toString()));
  const input = [node.input![0]!];
  for (const name of ['starts', 'ends', 'axes']) {
    const values = ints(name);
    if (values) input.push(constant(`${node.name}_${name}`, DataType.INT64, [values.length], BigInt64Array.from(values)));
  }
  return { ...node, input, attribute: [] };
}
