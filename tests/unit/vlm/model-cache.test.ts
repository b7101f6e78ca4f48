import { describe, expect, it } from 'vitest';
import { groupCachedFiles, hasModelFiles, loadsOffline } from '../../../src/engines/smolvlm/model-cache';

const hub = 'https://huggingface.co/HuggingFaceTB/SmolVLM2-256M-Video-Instruct/resolve/main';
const files = [
  { url: `${hub}/config.json`, bytes: 4000 },
  { url: `${hub}/onnx/vision_encoder_quantized.onnx`, bytes: 95e6 },
  { url: `${hub}/onnx/embed_tokens_quantized.onnx`, bytes: 28e6 },
  { url: `${hub}/onnx/decoder_model_merged_q4.onnx`, bytes: 87e6 },
  { url: 'http://127.0.0.1:8080/mirror/loupe/tiny/resolve/main/onnx/decoder_model_merged.onnx', bytes: 10 },
  { url: 'https://loupe.example/assets/ort-wasm-simd-threaded.asyncify-abc.wasm', bytes: 27e6 },
];

describe('downloaded models', () => {
  it('groups cached files by host and repo with their total size, leaving out runtime files', () => {
    const models = groupCachedFiles(files);
    expect(models.map((m) => [m.host, m.repo, m.bytes])).toEqual([
      ['https://huggingface.co', 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct', 4000 + 95e6 + 28e6 + 87e6],
      ['http://127.0.0.1:8080/mirror', 'loupe/tiny', 10],
    ]);
    expect(models[0]!.paths).toContain('onnx/decoder_model_merged_q4.onnx');
  });

  it('knows whether every sub-model of a precision plan is cached', () => {
    const [model] = groupCachedFiles(files);
    expect(hasModelFiles(model!, { vision_encoder: 'q8', embed_tokens: 'q8', decoder_model_merged: 'q4' })).toBe(true);
    expect(hasModelFiles(model!, 'q4')).toBe(false);
  });

  it('says whether a configuration loads with no connection', () => {
    const models = groupCachedFiles(files);
    const dtype = { vision_encoder: 'q8', embed_tokens: 'q8', decoder_model_merged: 'q4' };
    const hubSource = { kind: 'hub' as const, repo: 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct', host: 'https://huggingface.co/' };
    expect(loadsOffline(models, { runtime: 'onnx', source: hubSource, device: 'wasm', dtype })).toBe(true);
    expect(loadsOffline(models, { runtime: 'onnx', source: { ...hubSource, host: 'https://hf-mirror.example' }, device: 'wasm', dtype })).toBe(false);
    expect(loadsOffline(models, { runtime: 'onnx', source: { kind: 'files', name: 'm', files: new Map() }, device: 'wasm', dtype })).toBe(true);
  });
});
