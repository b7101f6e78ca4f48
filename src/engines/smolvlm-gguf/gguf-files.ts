import { GgufHeaderTruncatedError, ggufKind, ggufNumber, readGgufHeader, type GgufHeader } from '../gguf/read-gguf-header';

/** Larger than any real header (a tokenizer of a few hundred thousand strings): a length beyond it is damage. */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** A header holds the whole tokenizer (tens of thousands of strings): read a little, then what it says it needs. */
export async function readBlobHeader(blob: Blob): Promise<GgufHeader> {
  for (let bytes = 1 << 20; ; ) {
    try {
      return readGgufHeader(new Uint8Array(await blob.slice(0, bytes).arrayBuffer()));
    } catch (error) {
      if (!(error instanceof GgufHeaderTruncatedError) || bytes >= blob.size) throw error;
      if (error.atLeast > Math.min(blob.size, MAX_HEADER_BYTES)) throw new Error(`its header claims ${error.atLeast} bytes, more than the file holds or any model needs`, { cause: error });
      bytes = Math.min(blob.size, Math.max(error.atLeast, bytes * 4));
    }
  }
}

export type GgufRole = { role: 'model'; architecture: string } | { role: 'projector'; projectorType: string; maxSide: number };

/**
 * What a .gguf file is, from its header: a language model or a vision projector, and for a projector
 * the long side SmolVLM's processor resizes a page to (its tile size times four, as transformers'
 * Idefics3 processor does), unless the file says otherwise.
 */
export async function ggufRole(blob: Blob, name: string): Promise<GgufRole> {
  let header: GgufHeader;
  let kind: ReturnType<typeof ggufKind>;
  try {
    header = await readBlobHeader(blob);
    kind = ggufKind(header.metadata);
  } catch (error) {
    throw new Error(`${name} is not a GGUF file Loupe can read (${(error as Error).message}).`, { cause: error });
  }
  if (kind.kind === 'model') return { role: 'model', architecture: kind.architecture };
  const tile = ggufNumber(header.metadata, 'clip.vision.image_size') ?? 512;
  return { role: 'projector', projectorType: kind.projectorType, maxSide: ggufNumber(header.metadata, 'clip.vision.preproc_image_size') ?? tile * 4 };
}

/** Tells the model from the projector among two picked files, whatever order they were picked in. */
export async function sortGgufPair(files: File[]): Promise<{ model: File; mmproj: File; maxSide: number }> {
  if (files.length !== 2 || files.some((f) => !f.name.toLowerCase().endsWith('.gguf')))
    throw new Error('Pick two .gguf files together: the model and its vision projector (mmproj-…).');
  const roles = await Promise.all(files.map((file) => ggufRole(file, file.name)));
  const model = roles.findIndex((r) => r.role === 'model');
  const projector = roles.findIndex((r) => r.role === 'projector');
  if (model < 0) throw new Error('Neither file is a language model: pick the model’s .gguf beside its mmproj file.');
  if (projector < 0) throw new Error('Neither file is a vision projector: pick the mmproj-….gguf file that belongs to the model.');
  return { model: files[model]!, mmproj: files[projector]!, maxSide: (roles[projector] as Extract<GgufRole, { role: 'projector' }>).maxSide };
}
