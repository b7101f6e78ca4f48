/** Where a model's files come from: a hub (huggingface.co or a mirror), or a folder the user picked. */
export type ModelSource =
  | { kind: 'hub'; repo: string; host: string; revision?: string }
  /** Files keyed by their path inside the model folder ("config.json", "onnx/decoder_model_merged.onnx"). */
  | { kind: 'files'; name: string; files: Map<string, Blob> };

/** A SmolVLM in the transformers.js layout, run by onnxruntime-web. */
export interface OnnxVlmConfig {
  runtime: 'onnx';
  source: ModelSource;
  device: 'webgpu' | 'wasm';
  /** One precision for every sub-model, or one per sub-model (vision_encoder, embed_tokens, decoder_model_merged). */
  dtype: string | Record<string, string>;
}

/** A GGUF model and its vision projector: two files on a hub, or two files the user picked. */
export type GgufSource =
  | { kind: 'hub'; repo: string; host: string; revision?: string; model: string; mmproj: string }
  /** `name` tells two picks apart (file names and sizes): Files themselves do not survive JSON. */
  | { kind: 'files'; name: string; model: File; mmproj: File };

/** A SmolVLM as GGUF, run by llama.cpp (wllama); the quantization is in the files, so there is no dtype. */
export interface GgufVlmConfig {
  runtime: 'gguf';
  source: GgufSource;
  device: 'webgpu' | 'wasm';
}

/** Which SmolVLM to load and how: what the page sends the engine worker with a load request. */
export type SmolVlmConfig = OnnxVlmConfig | GgufVlmConfig;
