/**
 * Reads the header of a GGUF file (llama.cpp's model format) from its first bytes, so a picked
 * .gguf can be checked, and a projector's image size read, before megabytes go into a runtime.
 * Layout (little-endian): "GGUF", u32 version, u64 tensor count, u64 key/value count, then each
 * key (u64-length UTF-8 string) with a u32 value type and its value; tensor infos follow.
 * Pure: DataView, TextDecoder and BigInt only, so it runs in a page, a worker or Node.
 */

/** Each GGUF value type as it is numbered in the file. */
export const GGUF_TYPE_IDS = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

/** The JavaScript value each scalar GGUF type reads as: 64-bit integers as bigint, so none is rounded. */
export interface GgufScalarValues {
  uint8: number;
  int8: number;
  uint16: number;
  int16: number;
  uint32: number;
  int32: number;
  float32: number;
  float64: number;
  uint64: bigint;
  int64: bigint;
  bool: boolean;
  string: string;
}

export type GgufScalarType = keyof GgufScalarValues;
export type GgufType = GgufScalarType | 'array';

export type GgufScalarValue = { [T in GgufScalarType]: { type: T; value: GgufScalarValues[T] } }[GgufScalarType];

/** An array holds items of one type; GGUF allows arrays of arrays. */
export type GgufArrayValue =
  | { [T in GgufScalarType]: { type: 'array'; itemType: T; value: GgufScalarValues[T][] } }[GgufScalarType]
  | { type: 'array'; itemType: 'array'; value: GgufArrayValue[] };

export type GgufValue = GgufScalarValue | GgufArrayValue;

export interface GgufHeader {
  version: number;
  tensorCount: number;
  metadata: Map<string, GgufValue>;
}

export interface GgufTensorInfo {
  name: string;
  /** ggml order: the first dimension is the one that varies fastest in memory. */
  shape: number[];
  /** ggml's type number (0 F32, 1 F16, 8 Q8_0, …). */
  ggmlType: number;
  /** From the start of the data section. */
  offset: number;
}

/** Thrown when the bytes end inside the header: read more of the file (at least `atLeast` bytes) and try again. */
export class GgufHeaderTruncatedError extends Error {
  override name = 'GgufHeaderTruncatedError';
  constructor(
    readonly atLeast: number,
    readonly given: number,
  ) {
    super(`Truncated GGUF: the header is longer than the bytes given (it needs at least ${atLeast} bytes, ${given} were given).`);
  }
}

const SUPPORTED_VERSIONS = [2, 3];
const TYPE_NAMES = Object.fromEntries(Object.entries(GGUF_TYPE_IDS).map(([name, id]) => [id, name])) as Record<number, GgufType>;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A cursor over the bytes that throws GgufHeaderTruncatedError instead of reading past their end. */
class Cursor {
  private readonly view: DataView;
  offset = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(size: number): number {
    const at = this.offset;
    if (at + size > this.bytes.byteLength) throw new GgufHeaderTruncatedError(at + size, this.bytes.byteLength);
    this.offset += size;
    return at;
  }

  u8 = () => this.view.getUint8(this.take(1));
  i8 = () => this.view.getInt8(this.take(1));
  u16 = () => this.view.getUint16(this.take(2), true);
  i16 = () => this.view.getInt16(this.take(2), true);
  u32 = () => this.view.getUint32(this.take(4), true);
  i32 = () => this.view.getInt32(this.take(4), true);
  f32 = () => this.view.getFloat32(this.take(4), true);
  f64 = () => this.view.getFloat64(this.take(8), true);
  u64 = () => this.view.getBigUint64(this.take(8), true);
  i64 = () => this.view.getBigInt64(this.take(8), true);

  /** A u64 count or length, which must fit a JavaScript number to mean anything here. */
  count(what: string): number {
    const at = this.offset;
    const value = this.u64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`Corrupt GGUF: the ${what} at byte ${at} is ${value}, far beyond any real file.`);
    return Number(value);
  }

  string(what: string): string {
    const length = this.count(`length of the ${what}`);
    const at = this.take(length);
    try {
      return utf8.decode(this.bytes.subarray(at, at + length));
    } catch {
      throw new Error(`Corrupt GGUF: the ${what} at byte ${at} is not valid UTF-8.`);
    }
  }
}

function readValueType(cursor: Cursor, what: string): GgufType {
  const at = cursor.offset;
  const id = cursor.u32();
  const type = TYPE_NAMES[id];
  if (!type) throw new Error(`Corrupt GGUF: ${what} has value type ${id} at byte ${at}, which GGUF does not define.`);
  return type;
}

function readScalar(cursor: Cursor, type: GgufScalarType): GgufScalarValues[GgufScalarType] {
  switch (type) {
    case 'uint8':
      return cursor.u8();
    case 'int8':
      return cursor.i8();
    case 'uint16':
      return cursor.u16();
    case 'int16':
      return cursor.i16();
    case 'uint32':
      return cursor.u32();
    case 'int32':
      return cursor.i32();
    case 'float32':
      return cursor.f32();
    case 'float64':
      return cursor.f64();
    case 'uint64':
      return cursor.u64();
    case 'int64':
      return cursor.i64();
    case 'bool':
      return cursor.u8() !== 0;
    case 'string':
      return cursor.string('string value');
  }
}

function readValue(cursor: Cursor, type: GgufType, key: string): GgufValue {
  if (type !== 'array') return { type, value: readScalar(cursor, type) } as GgufScalarValue;
  const itemType = readValueType(cursor, `an item of "${key}"`);
  const length = cursor.count(`length of the array "${key}"`);
  const value: unknown[] = [];
  for (let i = 0; i < length; i++) value.push(itemType === 'array' ? readValue(cursor, 'array', key) : readScalar(cursor, itemType));
  return { type: 'array', itemType, value } as GgufArrayValue;
}

function readStart(cursor: Cursor): { version: number; tensorCount: number; kvCount: number } {
  const magic = [cursor.u8(), cursor.u8(), cursor.u8(), cursor.u8()];
  if (String.fromCharCode(...magic) !== 'GGUF') {
    const hex = magic.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new Error(`Not a GGUF file: it starts with the bytes ${hex}, where a GGUF file starts with "GGUF" (47 47 55 46).`);
  }
  const version = cursor.u32();
  if (!SUPPORTED_VERSIONS.includes(version))
    throw new Error(`Unsupported GGUF version ${version}: this reader knows versions ${SUPPORTED_VERSIONS.join(' and ')}.`);
  return { version, tensorCount: cursor.count('tensor count'), kvCount: cursor.count('key/value count') };
}

function readMetadata(cursor: Cursor, kvCount: number): Map<string, GgufValue> {
  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < kvCount; i++) {
    const key = cursor.string('key');
    metadata.set(key, readValue(cursor, readValueType(cursor, `"${key}"`), key));
  }
  return metadata;
}

/** The version, tensor count and metadata of a GGUF file, from bytes that start at its first byte. */
export function readGgufHeader(bytes: Uint8Array): GgufHeader {
  const cursor = new Cursor(bytes);
  const { version, tensorCount, kvCount } = readStart(cursor);
  return { version, tensorCount, metadata: readMetadata(cursor, kvCount) };
}

/** The tensor infos after the metadata, and where the (aligned) data section starts. */
export function readGgufTensorInfos(bytes: Uint8Array): GgufHeader & { tensors: GgufTensorInfo[]; alignment: number; dataOffset: number } {
  const cursor = new Cursor(bytes);
  const { version, tensorCount, kvCount } = readStart(cursor);
  const metadata = readMetadata(cursor, kvCount);
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = cursor.string('tensor name');
    const dims = cursor.u32();
    const shape = Array.from({ length: dims }, () => cursor.count(`dimension of tensor "${name}"`));
    tensors.push({ name, shape, ggmlType: cursor.u32(), offset: cursor.count(`offset of tensor "${name}"`) });
  }
  const alignment = ggufNumber(metadata, 'general.alignment') ?? 32;
  const dataOffset = Math.ceil(cursor.offset / alignment) * alignment;
  return { version, tensorCount, metadata, tensors, alignment, dataOffset };
}

/** A numeric metadata value as a number (64-bit integers included while exact), or undefined when absent or not a number. */
export function ggufNumber(metadata: Map<string, GgufValue>, key: string): number | undefined {
  const entry = metadata.get(key);
  if (!entry || entry.type === 'array' || entry.type === 'bool' || entry.type === 'string') return undefined;
  if (typeof entry.value === 'number') return entry.value;
  return entry.value <= BigInt(Number.MAX_SAFE_INTEGER) && entry.value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(entry.value) : undefined;
}

function ggufString(metadata: Map<string, GgufValue>, key: string): string | undefined {
  const entry = metadata.get(key);
  return entry?.type === 'string' ? entry.value : undefined;
}

export type GgufKind = { kind: 'model'; architecture: string } | { kind: 'projector'; projectorType: string };

/** Whether a GGUF is a text model (its architecture) or a multimodal projector (its projector type), from its metadata. */
export function ggufKind(metadata: Map<string, GgufValue>): GgufKind {
  const architecture = ggufString(metadata, 'general.architecture');
  if (!architecture) throw new Error('Not a usable GGUF: it has no "general.architecture" string, so it is neither a model nor a projector.');
  if (architecture !== 'clip') return { kind: 'model', architecture };
  const projectorType = ggufString(metadata, 'clip.projector_type') ?? ggufString(metadata, 'clip.vision.projector_type');
  if (!projectorType) throw new Error('Not a usable GGUF projector: its architecture is "clip" but it names no "clip.projector_type".');
  return { kind: 'projector', projectorType };
}
