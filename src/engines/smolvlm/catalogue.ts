/**
 * The SmolVLM models Loupe knows, as data: what to download and how big it is. Anything else in the
 * transformers.js layout loads through the custom entry (a repo id on any host, or a picked folder).
 */

/** The three ONNX sub-models transformers.js loads for image-text-to-text; dtype can differ per file. */
export const SUBMODELS = ['vision_encoder', 'embed_tokens', 'decoder_model_merged'] as const;
export type Submodel = (typeof SUBMODELS)[number];

/** transformers.js precisions and the file suffix each one asks for. */
export const DTYPES = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'] as const;
export type Dtype = (typeof DTYPES)[number];
export type DtypePlan = Record<Submodel, Dtype>;

export interface CatalogueEntry {
  id: string;
  repo: string;
  label: string;
  /** `smolvlm` is SmolVLM2, `idefics3` is SmolVLM v1. */
  family: 'smolvlm' | 'idefics3';
  parameters: string;
  /** The next model down, offered when this one runs out of memory. */
  smaller?: string;
  /** Megabytes per sub-model and precision (decimal MB, as the hub lists them). */
  megabytes: Record<Submodel, Record<Dtype, number>>;
  /**
   * Where the figures come from. The decoder and token-embedding sizes are the hub's file listings;
   * vision-encoder sizes are estimated from the encoder's parameter count with the decoder's ratios
   * between precisions, because its listing was not at hand. The download shows exact bytes.
   */
  note?: string;
}

// SigLIP-B/16 (93 M parameters) is the vision encoder of both SmolVLM2 256M/500M and SmolVLM 256M/500M.
const SIGLIP_B16_MB: Record<Dtype, number> = { fp32: 372, fp16: 186, q8: 95, q4: 60, q4f16: 53 };

const SMOL_256M: CatalogueEntry['megabytes'] = {
  vision_encoder: SIGLIP_B16_MB,
  embed_tokens: { fp32: 114, fp16: 56.8, q8: 28.4, q4: 114, q4f16: 56.8 },
  decoder_model_merged: { fp32: 541, fp16: 271, q8: 138, q4: 86.9, q4f16: 77.4 },
};

const SMOL_500M: CatalogueEntry['megabytes'] = {
  vision_encoder: SIGLIP_B16_MB,
  embed_tokens: { fp32: 189, fp16: 94.6, q8: 47.3, q4: 189, q4f16: 94.6 },
  decoder_model_merged: { fp32: 1430, fp16: 715, q8: 365, q4: 229, q4f16: 204 },
};

const ESTIMATED_VISION = 'Vision-encoder sizes are estimates; the other files are the hub’s listings.';

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'smolvlm2-256m', repo: 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct', label: 'SmolVLM2 256M', family: 'smolvlm', parameters: '256M', megabytes: SMOL_256M, note: ESTIMATED_VISION },
  { id: 'smolvlm2-500m', repo: 'HuggingFaceTB/SmolVLM2-500M-Video-Instruct', label: 'SmolVLM2 500M', family: 'smolvlm', parameters: '500M', smaller: 'smolvlm2-256m', megabytes: SMOL_500M, note: ESTIMATED_VISION },
  { id: 'smolvlm-256m', repo: 'HuggingFaceTB/SmolVLM-256M-Instruct', label: 'SmolVLM 256M (v1)', family: 'idefics3', parameters: '256M', megabytes: SMOL_256M, note: ESTIMATED_VISION },
  { id: 'smolvlm-500m', repo: 'HuggingFaceTB/SmolVLM-500M-Instruct', label: 'SmolVLM 500M (v1)', family: 'idefics3', parameters: '500M', smaller: 'smolvlm-256m', megabytes: SMOL_500M, note: ESTIMATED_VISION },
  {
    id: 'smolvlm-2b',
    repo: 'HuggingFaceTB/SmolVLM-Instruct',
    label: 'SmolVLM 2.2B (v1)',
    family: 'idefics3',
    parameters: '2.2B',
    smaller: 'smolvlm2-500m',
    megabytes: {
      // SigLIP so400m (428 M parameters).
      vision_encoder: { fp32: 1712, fp16: 856, q8: 437, q4: 275, q4f16: 246 },
      embed_tokens: { fp32: 403, fp16: 201, q8: 101, q4: 403, q4f16: 201 },
      decoder_model_merged: { fp32: 6850, fp16: 3420, q8: 1720, q4: 1070, q4f16: 965 },
    },
    note: ESTIMATED_VISION,
  },
];

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

export function catalogueEntryForRepo(repo: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.repo === repo);
}

/** Megabytes to download for this plan, the model's small config and tokenizer files aside. */
export function downloadMegabytes(entry: CatalogueEntry, plan: DtypePlan): number {
  return SUBMODELS.reduce((sum, name) => sum + entry.megabytes[name][plan[name]], 0);
}

export function isDtype(value: unknown): value is Dtype {
  return typeof value === 'string' && (DTYPES as readonly string[]).includes(value);
}

/** The same precision for every sub-model. */
export function uniformPlan(dtype: Dtype): DtypePlan {
  return { vision_encoder: dtype, embed_tokens: dtype, decoder_model_merged: dtype };
}
