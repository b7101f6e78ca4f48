/** Where a model's files come from: a hub (huggingface.co or a mirror), or a folder the user picked. */
export type ModelSource =
  | { kind: 'hub'; repo: string; host: string; revision?: string }
  /** Files keyed by their path inside the model folder ("config.json", "onnx/decoder_model_merged.onnx"). */
  | { kind: 'files'; name: string; files: Map<string, Blob> };

/** Which SmolVLM to load and how: what the page sends the engine worker with a load request. */
export interface SmolVlmConfig {
  source: ModelSource;
  device: 'webgpu' | 'wasm';
  /** One precision for every sub-model, or one per sub-model (vision_encoder, embed_tokens, decoder_model_merged). */
  dtype: string | Record<string, string>;
}
