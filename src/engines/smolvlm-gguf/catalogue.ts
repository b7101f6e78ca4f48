/**
 * The SmolVLM models published as GGUF (llama.cpp's format), as data: the repo, the model and vision
 * projector files, and their sizes. Anything else loads through "Another GGUF model" or picked files.
 */

export interface GgufFile {
  file: string;
  /** Decimal megabytes, as the hub lists them; the download shows exact bytes. */
  megabytes: number;
}

export interface GgufCatalogueEntry {
  id: string;
  repo: string;
  label: string;
  parameters: string;
  model: GgufFile;
  /** The vision projector (`mmproj-…`): SigLIP and the connector, which llama.cpp reads as `idefics3`. */
  mmproj: GgufFile;
  /** The next model down, offered when this one runs out of memory. */
  smaller?: string;
  note?: string;
}

export const GGUF_CATALOGUE: readonly GgufCatalogueEntry[] = [
  {
    id: 'smolvlm2-2b-gguf',
    repo: 'ggml-org/SmolVLM2-2.2B-Instruct-GGUF',
    label: 'SmolVLM2 2.2B (GGUF)',
    parameters: '2.2B',
    model: { file: 'SmolVLM2-2.2B-Instruct-Q4_K_M.gguf', megabytes: 1040 },
    mmproj: { file: 'mmproj-SmolVLM2-2.2B-Instruct-Q8_0.gguf', megabytes: 565 },
    smaller: 'smolvlm2-500m-gguf',
  },
  {
    id: 'smolvlm2-500m-gguf',
    repo: 'ggml-org/SmolVLM2-500M-Video-Instruct-GGUF',
    label: 'SmolVLM2 500M (GGUF)',
    parameters: '500M',
    model: { file: 'SmolVLM2-500M-Video-Instruct-Q8_0.gguf', megabytes: 437 },
    mmproj: { file: 'mmproj-SmolVLM2-500M-Video-Instruct-Q8_0.gguf', megabytes: 109 },
    smaller: 'smolvlm2-256m-gguf',
  },
  {
    id: 'smolvlm2-256m-gguf',
    repo: 'ggml-org/SmolVLM2-256M-Video-Instruct-GGUF',
    label: 'SmolVLM2 256M (GGUF)',
    parameters: '256M',
    model: { file: 'SmolVLM2-256M-Video-Instruct-Q8_0.gguf', megabytes: 175 },
    mmproj: { file: 'mmproj-SmolVLM2-256M-Video-Instruct-Q8_0.gguf', megabytes: 104 },
    // Estimated from the parameter counts at 8 bits (SigLIP-B/16 is the 500M's projector too).
    note: 'Sizes are estimates from the parameter counts; the download shows exact bytes.',
  },
];

export function ggufCatalogueEntry(id: string): GgufCatalogueEntry | undefined {
  return GGUF_CATALOGUE.find((entry) => entry.id === id);
}

export function ggufDownloadMegabytes(entry: GgufCatalogueEntry): number {
  return entry.model.megabytes + entry.mmproj.megabytes;
}
