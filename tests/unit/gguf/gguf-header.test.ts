import { describe, expect, it } from 'vitest';
import {
  GgufHeaderTruncatedError,
  ggufKind,
  ggufNumber,
  readGgufHeader,
  readGgufTensorInfos,
  type GgufValue,
} from '../../../src/engines/gguf/read-gguf-header';
import { float16Bits, gguf, writeGguf, type GgufFile } from '../../fixtures/tiny-gguf-smolvlm/gguf-writer';
import {
  makeTinyGgufSmolVlm,
  smollmPretokenize,
  tinyGgufVocab,
  TINY_GGUF_TEXT,
  TINY_GGUF_VISION,
} from '../../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';

/** Every scalar type at its awkward values, strings with multi-byte UTF-8, and arrays of them. */
const EVERY_TYPE: [string, GgufValue][] = [
  ['general.architecture', gguf.string('FIXTURE')],
  ['u8', gguf.uint8(255)],
  ['i8', gguf.int8(-128)],
  ['u16', gguf.uint16(65535)],
  ['i16', gguf.int16(-32768)],
  ['u32', gguf.uint32(4294967295)],
  ['i32', gguf.int32(-2147483648)],
  ['u64', gguf.uint64(2n ** 64n - 1n)],
  ['i64', gguf.int64(-(2n ** 63n))],
  ['f32', gguf.float32(1.5)],
  ['f64', gguf.float64(0.1)],
  ['yes', gguf.bool(true)],
  ['no', gguf.bool(false)],
  ['text', gguf.string('Café — 12,50 € 🧾')],
  ['empty', gguf.string('')],
  ['clé.ünïcode', gguf.string('key names are UTF-8 too')],
  ['strings', gguf.array('string', ['TOTAL', 'ĠCASH', '½ price', '🧾', ''])],
  ['floats', gguf.array('float32', [0.5, -2, 0.25])],
  ['doubles', gguf.array('float64', [Math.PI, -0])],
  ['ints', gguf.array('int32', [1, -1, 2147483647])],
  ['bytes', gguf.array('uint8', [0, 127, 255])],
  ['bools', gguf.array('bool', [true, false, true])],
  ['big', gguf.array('uint64', [0n, 2n ** 53n + 1n])],
  ['none', gguf.array('int16', [])],
  ['nested', { type: 'array', itemType: 'array', value: [{ type: 'array', itemType: 'string', value: ['a'] }, { type: 'array', itemType: 'uint16', value: [7] }] }],
];

const TENSORS: GgufFile['tensors'] = [
  { name: 'first.weight', shape: [3], dtype: 'F32', data: new Float32Array([1, -2.5, 1e-3]) },
  { name: 'second.weight', shape: [5, 2], dtype: 'F16', data: new Float32Array([0, 1, -1, 0.5, 65504, 1e-3, 2, 3, 4, 0.1]) },
  { name: 'third.weight', shape: [1, 1, 1, 3], dtype: 'F32', data: new Float32Array([7, 8, 9]) },
];

/** A half-precision value back to a number, to check what the writer stored. */
function fromFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

describe('GGUF writer and header reader', () => {
  it('reads back every value type the writer wrote, 64-bit integers exact and UTF-8 intact', () => {
    const header = readGgufHeader(writeGguf({ metadata: EVERY_TYPE, tensors: TENSORS }));
    expect(header.version).toBe(3);
    expect(header.tensorCount).toBe(3);
    expect([...header.metadata.keys()]).toEqual(EVERY_TYPE.map(([key]) => key));
    for (const [key, value] of EVERY_TYPE) expect(header.metadata.get(key), key).toEqual(value);
    expect(ggufNumber(header.metadata, 'u32')).toBe(4294967295);
    expect(ggufNumber(header.metadata, 'i64')).toBeUndefined();
    expect(ggufNumber(header.metadata, 'text')).toBeUndefined();
  });

  it('stores float32 values rounded as float32', () => {
    const header = readGgufHeader(writeGguf({ metadata: [['x', gguf.float32(0.1)]], tensors: [] }));
    expect(header.metadata.get('x')).toEqual({ type: 'float32', value: Math.fround(0.1) });
  });

  it('aligns the data section and every tensor to general.alignment, pads with zeros, and keeps the values', () => {
    for (const alignment of [32, 64, 256]) {
      const bytes = writeGguf({ metadata: EVERY_TYPE, tensors: TENSORS, alignment });
      const file = readGgufTensorInfos(bytes);
      expect(file.alignment).toBe(alignment);
      // The default is left implicit, as llama.cpp's own writer does.
      expect(file.metadata.get('general.alignment')).toEqual(alignment === 32 ? undefined : { type: 'uint32', value: alignment });
      expect(file.dataOffset % alignment).toBe(0);
      expect(file.tensors.map(({ name, shape, ggmlType }) => ({ name, shape, ggmlType }))).toEqual(
        TENSORS.map(({ name, shape, dtype }) => ({ name, shape, ggmlType: dtype === 'F32' ? 0 : 1 })),
      );
      const sizes = TENSORS.map((t) => t.data.length * (t.dtype === 'F32' ? 4 : 2));
      let expectedOffset = 0;
      file.tensors.forEach((tensor, i) => {
        expect(tensor.offset).toBe(expectedOffset);
        expectedOffset += Math.ceil(sizes[i]! / alignment) * alignment;
        const start = file.dataOffset + tensor.offset;
        const view = new DataView(bytes.buffer, bytes.byteOffset + start, sizes[i]);
        const values = Array.from(TENSORS[i]!.data, (_, k) => (TENSORS[i]!.dtype === 'F32' ? view.getFloat32(k * 4, true) : fromFloat16(view.getUint16(k * 2, true))));
        values.forEach((value, k) => expect(value).toBeCloseTo(TENSORS[i]!.data[k]!, TENSORS[i]!.dtype === 'F32' ? 6 : 3));
        expect(bytes.subarray(start + sizes[i]!, file.dataOffset + expectedOffset).every((b) => b === 0)).toBe(true);
      });
      expect(bytes.length).toBe(file.dataOffset + expectedOffset);
    }
  });

  it('converts to half precision with round-to-nearest-even, subnormals, infinities and NaN', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(0.5)).toBe(0x3800);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(Infinity)).toBe(0x7c00);
    expect(float16Bits(-Infinity)).toBe(0xfc00);
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(float16Bits(NaN) & 0x3ff).not.toBe(0);
    expect(float16Bits(2 ** -14)).toBe(0x0400);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(2 ** -26)).toBe(0);
    // Halfway between 1 and the next half: to the even one; a little past it: up.
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    // 1234.5 is halfway between two halves (1234 and 1235): to the even one.
    expect(fromFloat16(float16Bits(1234.5))).toBe(1234);
    for (const value of [0.1, -3.75, 1234.25, 0.333, 6e-5]) expect(Math.abs(fromFloat16(float16Bits(value)) - value)).toBeLessThanOrEqual(Math.max(Math.abs(value) * 2 ** -11, 2 ** -25));
  });

  it('refuses what llama.cpp would refuse: duplicate keys, a shape that does not match the data, a bad alignment, a long name', () => {
    expect(() => writeGguf({ metadata: [['a', gguf.uint8(1)], ['a', gguf.uint8(2)]], tensors: [] })).toThrow(/"a" is given twice/);
    expect(() => writeGguf({ metadata: [], tensors: [{ name: 'w', shape: [2, 2], dtype: 'F32', data: new Float32Array(3) }] })).toThrow(/4 elements\) but 3 values/);
    expect(() => writeGguf({ metadata: [], tensors: [], alignment: 48 })).toThrow(/power of two/);
    expect(() => writeGguf({ metadata: [], tensors: [{ name: 'w'.repeat(64), shape: [1], dtype: 'F32', data: new Float32Array(1) }] })).toThrow(/1 to 63 bytes/);
  });
});

describe('GGUF header errors', () => {
  const small = writeGguf({ metadata: EVERY_TYPE, tensors: TENSORS });

  it('says a file that is not GGUF is not GGUF, naming the bytes it found', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(() => readGgufHeader(png)).toThrow('Not a GGUF file: it starts with the bytes 89 50 4e 47, where a GGUF file starts with "GGUF" (47 47 55 46).');
  });

  it('names an unsupported version', () => {
    const v1 = small.slice();
    new DataView(v1.buffer).setUint32(4, 1, true);
    expect(() => readGgufHeader(v1)).toThrow(/^Unsupported GGUF version 1: this reader knows versions 2 and 3\.$/);
  });

  it('says the header is longer than the bytes given for every cut inside it, and reads it from the first cut past it', () => {
    let firstWhole = -1;
    for (let length = 0; length <= small.length; length++) {
      try {
        readGgufHeader(small.subarray(0, length));
        if (firstWhole < 0) firstWhole = length;
      } catch (error) {
        expect(firstWhole, `cut at ${length}`).toBe(-1);
        expect(error).toBeInstanceOf(GgufHeaderTruncatedError);
        expect((error as Error).message).toMatch(/^Truncated GGUF: the header is longer than the bytes given/);
        expect((error as GgufHeaderTruncatedError).atLeast).toBeGreaterThan(length);
      }
    }
    // The metadata is enough: the tensor infos and data after it are not needed.
    expect(firstWhole).toBeGreaterThan(100);
    expect(firstWhole).toBeLessThan(readGgufTensorInfos(small).dataOffset);
    expect(() => readGgufTensorInfos(small.subarray(0, firstWhole))).toThrow(GgufHeaderTruncatedError);
  });

  it('calls an undefined value type and an invalid UTF-8 string corrupt', () => {
    const file = writeGguf({ metadata: [['k', gguf.string('ok')]], tensors: [] });
    const badType = file.slice();
    // magic, version, two counts, then the key "k" (8-byte length + 1 byte): its value type follows.
    new DataView(badType.buffer).setUint32(24 + 8 + 1, 99, true);
    expect(() => readGgufHeader(badType)).toThrow(/^Corrupt GGUF: "k" has value type 99/);
    const badText = file.slice();
    badText[24 + 8 + 1 + 4 + 8] = 0xff;
    expect(() => readGgufHeader(badText)).toThrow(/^Corrupt GGUF: the string value at byte \d+ is not valid UTF-8\.$/);
  });

  it('tells a model from a projector only when the metadata says which', () => {
    expect(() => ggufKind(new Map())).toThrow(/no "general.architecture"/);
    expect(() => ggufKind(new Map([['general.architecture', gguf.string('clip')]]))).toThrow(/names no "clip.projector_type"/);
    expect(ggufKind(new Map([['general.architecture', gguf.string('clip')], ['clip.vision.projector_type', gguf.string('gemma3')]]))).toEqual({ kind: 'projector', projectorType: 'gemma3' });
  });
});

describe('the tiny GGUF SmolVLM2 FIXTURE', () => {
  const fixture = makeTinyGgufSmolVlm();

  it('is a llama text model and an idefics3 projector, small and the same bytes every time', () => {
    expect(ggufKind(readGgufHeader(fixture.model).metadata)).toEqual({ kind: 'model', architecture: 'llama' });
    expect(ggufKind(readGgufHeader(fixture.mmproj).metadata)).toEqual({ kind: 'projector', projectorType: 'idefics3' });
    expect(fixture.model.length + fixture.mmproj.length).toBeLessThan(1024 * 1024);
    const again = makeTinyGgufSmolVlm();
    expect(Buffer.from(again.model).equals(Buffer.from(fixture.model))).toBe(true);
    expect(Buffer.from(again.mmproj).equals(Buffer.from(fixture.mmproj))).toBe(true);
  });

  it("has a projector whose image size can be read from its header and whose output is the text model's width", () => {
    const projector = readGgufTensorInfos(fixture.mmproj);
    const model = readGgufTensorInfos(fixture.model);
    expect(ggufNumber(projector.metadata, 'clip.vision.image_size')).toBe(TINY_GGUF_VISION.imageSize);
    expect(ggufNumber(projector.metadata, 'clip.vision.preproc_image_size')).toBe(TINY_GGUF_VISION.preprocImageSize);
    expect(ggufNumber(projector.metadata, 'clip.vision.projector.scale_factor')).toBe(TINY_GGUF_VISION.scaleFactor);
    const fc = projector.tensors.find((t) => t.name === 'mm.model.fc.weight');
    expect(fc?.shape).toEqual([TINY_GGUF_VISION.embd * TINY_GGUF_VISION.scaleFactor ** 2, TINY_GGUF_TEXT.embd]);
    expect(ggufNumber(model.metadata, 'llama.embedding_length')).toBe(fc?.shape[1]);
    const patches = (TINY_GGUF_VISION.imageSize / TINY_GGUF_VISION.patchSize) ** 2;
    expect(projector.tensors.find((t) => t.name === 'v.position_embd.weight')?.shape).toEqual([TINY_GGUF_VISION.embd, patches]);
  });

  it("carries a byte-level BPE tokenizer with SmolVLM's special tokens, and the tokens table matches the embeddings", () => {
    const model = readGgufTensorInfos(fixture.model);
    const tokens = model.metadata.get('tokenizer.ggml.tokens');
    const merges = model.metadata.get('tokenizer.ggml.merges');
    expect(model.metadata.get('tokenizer.ggml.model')).toEqual({ type: 'string', value: 'gpt2' });
    expect(model.metadata.get('tokenizer.ggml.pre')).toEqual({ type: 'string', value: 'smollm' });
    if (tokens?.type !== 'array' || tokens.itemType !== 'string' || merges?.type !== 'array' || merges.itemType !== 'string') throw new Error('no tokens or merges');
    for (const special of ['<|im_start|>', '<end_of_utterance>', '<fake_token_around_image>', '<image>', '<global-img>', '<row_1_col_1>', '<row_6_col_6>', 'ĊĊ', 'Ċ'])
      expect(tokens.value, special).toContain(special);
    expect(merges.value.length).toBeGreaterThanOrEqual(200);
    // Every merge joins two tokens into a third, as llama.cpp's BPE needs.
    for (const merge of merges.value) {
      const [left, right] = merge.split(' ');
      expect(tokens.value, merge).toContain(left);
      expect(tokens.value, merge).toContain(right);
      expect(tokens.value, merge).toContain(`${left}${right}`);
    }
    expect(model.tensors.find((t) => t.name === 'token_embd.weight')?.shape).toEqual([TINY_GGUF_TEXT.embd, tokens.value.length]);
    const vocab = tinyGgufVocab();
    const eos = model.metadata.get('tokenizer.ggml.eos_token_id');
    expect(eos).toEqual({ type: 'uint32', value: vocab.id('<end_of_utterance>') });
    expect(model.metadata.get('tokenizer.chat_template')).toMatchObject({ type: 'string', value: expect.stringContaining("{{ 'Assistant:' }}") });
  });

  it('pre-tokenizes as llama.cpp\'s "smollm" does: each digit alone, words with their leading space', () => {
    expect(smollmPretokenize('TOTAL 12.50\n\n')).toEqual(['TOTAL', ' ', '1', '2', '.', '5', '0', '\n\n']);
    expect(smollmPretokenize("it's 3 PM")).toEqual(['it', "'s", ' ', '3', ' PM']);
  });
});
