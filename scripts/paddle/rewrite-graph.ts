import onnxProto, { type onnx as Onnx } from 'onnx-proto';

// onnx-proto is CommonJS: its namespace comes in as the default export.
const { onnx } = onnxProto;

/**
 * Exact rewrites of PaddleOCR's exported graphs that onnxruntime does not do itself. paddle2onnx writes
 * every PP-LCNetV3 block as Conv, a learnable scale and shift (Mul, Add), hard-swish as four ops
 * (Add 3, Clip 0..6, Mul, Div 6) and another scale and shift: eight element-wise passes over each
 * activation where two or three do. Scales and shifts go into the convolutions' weights and biases,
 * and hard-swish becomes x · HardSigmoid(x) (what that buys on WASM: docs/BENCHMARKS.md).
 */
export function rewriteGraph(model: Onnx.ModelProto): Onnx.ModelProto {
  const graph = new Graph(model.graph!);
  const rewrites = [foldAffineAfterConv, hardSwish, foldAffineBeforeConv, moveScaleAcrossShift];
  while (rewrites.some((rewrite) => graph.nodes.some((node) => rewrite(graph, node)))) graph.reindex();
  graph.dropUnused();
  return model;
}

/** A float tensor's values, copied: protobufjs hands out views into the whole file (Node Buffers), at any byte offset. */
export function floatValues(t: Onnx.ITensorProto): Float32Array {
  const count = (t.dims ?? []).map(Number).reduce((a, b) => a * b, 1);
  return t.rawData?.length ? new Float32Array(Uint8Array.from(t.rawData).buffer, 0, count) : Float32Array.from(t.floatData ?? []);
}

interface Constant {
  dims: number[];
  data: Float32Array;
}

type Node = Onnx.INodeProto;

/** The graph with its constants as initializers, and which nodes read each value. */
class Graph {
  nodes: Node[];
  private readonly initializers = new Map<string, Onnx.ITensorProto>();
  private consumers = new Map<string, Node[]>();
  private fresh = 0;

  constructor(private readonly proto: Onnx.IGraphProto) {
    // Constant nodes become initializers so every rewrite sees one kind of constant.
    for (const t of proto.initializer ?? []) this.initializers.set(t.name!, t);
    this.nodes = (proto.node ?? []).filter((node) => {
      const value = node.opType === 'Constant' ? node.attribute?.find((a) => a.name === 'value')?.t : undefined;
      if (value) this.initializers.set(node.output![0]!, { ...value, name: node.output![0]! });
      return !value;
    });
    this.reindex();
  }

  reindex() {
    this.consumers = new Map();
    for (const node of this.nodes) {
      for (const name of node.input ?? []) this.consumers.set(name, [...(this.consumers.get(name) ?? []), node]);
    }
  }

  /** The one node that reads `name`, if exactly one does and it is not a graph output. */
  soleConsumer(name: string): Node | undefined {
    const readers = this.consumers.get(name) ?? [];
    if (readers.length !== 1 || this.proto.output!.some((o) => o.name === name)) return undefined;
    return readers[0];
  }

  readers(name: string) {
    return (this.consumers.get(name) ?? []).length;
  }

  constant(name: string): Constant | undefined {
    const t = this.initializers.get(name);
    if (!t || t.dataType !== onnx.TensorProto.DataType.FLOAT) return undefined;
    return { dims: (t.dims ?? []).map(Number), data: floatValues(t) };
  }

  /** Replaces a constant's value; only for constants no other node reads. */
  setConstant(name: string, dims: number[], data: Float32Array) {
    this.initializers.set(name, { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer.slice(0)) });
  }

  addConstant(hint: string, dims: number[], data: Float32Array): string {
    const name = `${hint}__loupe${this.fresh++}`;
    this.setConstant(name, dims, data);
    return name;
  }

  remove(...nodes: Node[]) {
    this.nodes = this.nodes.filter((n) => !nodes.includes(n));
  }

  insertBefore(anchor: Node, ...nodes: Node[]) {
    this.nodes.splice(this.nodes.indexOf(anchor), 0, ...nodes);
  }

  freshName(hint: string) {
    return `${hint}__loupe${this.fresh++}`;
  }

  dropUnused() {
    const used = new Set(this.nodes.flatMap((n) => n.input ?? []));
    this.proto.node = this.nodes;
    this.proto.initializer = [...this.initializers.values()].filter((t) => used.has(t.name!));
    // Old exporters also list initializers as graph inputs: a folded one must not become a required input.
    this.proto.input = (this.proto.input ?? []).filter((i) => !this.initializers.has(i.name!) || used.has(i.name!));
    const produced = new Set([...this.nodes.flatMap((n) => n.output ?? []), ...(this.proto.input ?? []).map((i) => i.name)]);
    this.proto.valueInfo = (this.proto.valueInfo ?? []).filter((v) => produced.has(v.name));
  }
}

/** The constant input of a binary node and the other input, when exactly one input is a float constant. */
function constantOperand(graph: Graph, node: Node): { value: Constant; name: string; other: string } | undefined {
  const [a, b] = node.input as [string, string];
  const ca = graph.constant(a);
  const cb = graph.constant(b);
  if (cb && !ca) return { value: cb, name: b, other: a };
  if (ca && !cb) return { value: ca, name: a, other: b };
  return undefined;
}

/** A constant that broadcasts one value per channel of an NCHW tensor with `channels` channels. */
function perChannel(value: Constant, channels: number): ((c: number) => number) | undefined {
  if (value.data.length === 1) return () => value.data[0]!;
  // [C, 1, 1] or [1, C, 1, 1]; a 1-D [C] would broadcast along the width instead.
  const dims = value.dims.length === 4 && value.dims[0] === 1 ? value.dims.slice(1) : value.dims;
  if (dims.length === 3 && dims[0] === channels && dims[1] === 1 && dims[2] === 1) return (c) => value.data[c]!;
  return undefined;
}

const isConstant = (graph: Graph, name: string, expected: number) => {
  const value = graph.constant(name);
  return value?.data.length === 1 && value.data[0] === expected;
};

/** A Conv's weight [out, in/group, kh, kw] and bias, when no other node reads them. */
function convParameters(graph: Graph, conv: Node) {
  const [, weightName, biasName] = conv.input as [string, string, string | undefined];
  const weight = graph.constant(weightName);
  if (!weight || weight.dims.length !== 4 || graph.readers(weightName) !== 1) return undefined;
  if (biasName && (!graph.constant(biasName) || graph.readers(biasName) !== 1)) return undefined;
  const [outChannels, inPerGroup] = weight.dims as [number, number];
  const group = Number(conv.attribute?.find((a) => a.name === 'group')?.i ?? 1);
  const bias = biasName ? graph.constant(biasName)!.data : new Float32Array(outChannels);
  const kernel = weight.data.length / (outChannels * inPerGroup);
  /** The input channel that weight [o, j] reads. */
  const inputChannel = (o: number, j: number) => Math.floor(o / (outChannels / group)) * inPerGroup + j;
  const save = () => {
    graph.setConstant(weightName, weight.dims, weight.data);
    if (biasName) graph.setConstant(biasName, [outChannels], bias);
    else conv.input = [conv.input![0]!, weightName, graph.addConstant(`${weightName}_bias`, [outChannels], bias)];
  };
  return { weight, bias, outChannels, inPerGroup, group, kernel, inputChannel, save };
}

/** Conv → Mul(scale) or Add(shift), per output channel: folded into the Conv's weight and bias. */
function foldAffineAfterConv(graph: Graph, conv: Node): boolean {
  if (conv.opType !== 'Conv') return false;
  const next = graph.soleConsumer(conv.output![0]!);
  if (next?.opType !== 'Mul' && next?.opType !== 'Add') return false;
  const operand = constantOperand(graph, next);
  const params = convParameters(graph, conv);
  const value = params && operand && perChannel(operand.value, params.outChannels);
  if (!params || !value) return false;
  const { weight, bias, outChannels } = params;
  const perOut = weight.data.length / outChannels;
  for (let o = 0; o < outChannels; o++) {
    const v = value(o);
    if (next.opType === 'Mul') {
      for (let k = o * perOut; k < (o + 1) * perOut; k++) weight.data[k]! *= v;
      bias[o]! *= v;
    } else bias[o]! += v;
  }
  params.save();
  conv.output = [next.output![0]!];
  graph.remove(next);
  return true;
}

/** Add(x, 3) → Clip(0, 6) → Mul(x, ·) → Div(6) is hard-swish: x · HardSigmoid(x; 1/6, 1/2), two ops instead of four. */
function hardSwish(graph: Graph, add: Node): boolean {
  if (add.opType !== 'Add') return false;
  const operand = constantOperand(graph, add);
  if (!operand || operand.value.data.length !== 1 || operand.value.data[0] !== 3) return false;
  const x = operand.other;
  const clip = graph.soleConsumer(add.output![0]!);
  if (clip?.opType !== 'Clip' || !isClip06(graph, clip)) return false;
  const mul = graph.soleConsumer(clip.output![0]!);
  if (mul?.opType !== 'Mul' || !mul.input!.includes(x)) return false;
  const div = graph.soleConsumer(mul.output![0]!);
  if (div?.opType !== 'Div' || div.input![0] !== mul.output![0] || !isConstant(graph, div.input![1]!, 6)) return false;
  const gate = graph.freshName(`${div.output![0]}_gate`);
  graph.insertBefore(
    div,
    {
      opType: 'HardSigmoid',
      name: gate,
      input: [x],
      output: [gate],
      attribute: [
        { name: 'alpha', f: 1 / 6, type: onnx.AttributeProto.AttributeType.FLOAT },
        { name: 'beta', f: 0.5, type: onnx.AttributeProto.AttributeType.FLOAT },
      ],
    },
    { opType: 'Mul', name: `${gate}_mul`, input: [x, gate], output: [div.output![0]!] },
  );
  graph.remove(add, clip, mul, div);
  return true;
}

function isClip06(graph: Graph, clip: Node): boolean {
  const attribute = (name: string) => clip.attribute?.find((a) => a.name === name)?.f;
  if (clip.input!.length === 1) return attribute('min') === 0 && attribute('max') === 6;
  return isConstant(graph, clip.input![1]!, 0) && isConstant(graph, clip.input![2]!, 6);
}

const unpadded = (conv: Node) => {
  const pads = conv.attribute?.find((a) => a.name === 'pads')?.ints ?? [];
  const autoPad = conv.attribute?.find((a) => a.name === 'auto_pad')?.s;
  const autoPadName = autoPad ? new TextDecoder().decode(autoPad) : 'NOTSET';
  return pads.every((p) => Number(p) === 0) && (autoPadName === 'NOTSET' || autoPadName === 'VALID');
};

/**
 * Mul(scale) → Conv: the scale goes into the weights (exact, zero padding stays zero). Add(shift) →
 * Conv with no padding: the shift goes into the bias (with padding it would also shift the zeros, so
 * such an Add stays).
 */
function foldAffineBeforeConv(graph: Graph, node: Node): boolean {
  if (node.opType !== 'Mul' && node.opType !== 'Add') return false;
  const operand = constantOperand(graph, node);
  const conv = graph.soleConsumer(node.output![0]!);
  if (!operand || conv?.opType !== 'Conv' || conv.input![0] !== node.output![0]) return false;
  if (node.opType === 'Add' && !unpadded(conv)) return false;
  const params = convParameters(graph, conv);
  const value = params && perChannel(operand.value, params.inPerGroup * params.group);
  if (!params || !value) return false;
  const { weight, bias, outChannels, inPerGroup, kernel, inputChannel } = params;
  for (let o = 0; o < outChannels; o++)
    for (let j = 0; j < inPerGroup; j++) {
      const v = value(inputChannel(o, j));
      const start = (o * inPerGroup + j) * kernel;
      for (let k = start; k < start + kernel; k++) {
        if (node.opType === 'Mul') weight.data[k]! *= v;
        else bias[o]! += weight.data[k]! * v;
      }
    }
  params.save();
  conv.input = [operand.other, ...conv.input!.slice(1)];
  graph.remove(node);
  return true;
}

/**
 * Mul(s) → Add(b) → padded Conv: s·x + b = s·(x + b/s), so the Add goes first and the scale can then
 * join the convolution's weights.
 */
function moveScaleAcrossShift(graph: Graph, mul: Node): boolean {
  if (mul.opType !== 'Mul') return false;
  const scale = constantOperand(graph, mul);
  const add = graph.soleConsumer(mul.output![0]!);
  if (!scale || add?.opType !== 'Add') return false;
  const shift = constantOperand(graph, add);
  const conv = graph.soleConsumer(add.output![0]!);
  if (!shift || shift.other !== mul.output![0] || conv?.opType !== 'Conv' || unpadded(conv)) return false;
  if (scale.value.data.length !== 1 || shift.value.data.length !== 1 || scale.value.data[0] === 0) return false;
  const moved = graph.addConstant(shift.name, shift.value.dims, Float32Array.of(shift.value.data[0]! / scale.value.data[0]!));
  const shifted = graph.freshName(add.output![0]!);
  mul.output = [add.output![0]!];
  add.input = [scale.other, moved];
  add.output = [shifted];
  mul.input = [shifted, scale.name];
  graph.remove(add);
  graph.insertBefore(mul, add);
  // The Mul now feeds the Conv directly and foldAffineBeforeConv takes it on the next round.
  return true;
}
