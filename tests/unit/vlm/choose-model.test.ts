import { describe, expect, it } from 'vitest';
import { CATALOGUE, SUBMODELS, downloadMegabytes, uniformPlan } from '../../../src/engines/smolvlm/catalogue';
import { recommend, type Capabilities } from '../../../src/engines/smolvlm/capabilities';
import { chooseModel, type PickedModels, type SmolVlmChoice } from '../../../src/engines/smolvlm/choose';
import { GGUF_CATALOGUE, ggufDownloadMegabytes } from '../../../src/engines/smolvlm-gguf/catalogue';
import { folderModelSource } from '../../../src/engines/smolvlm/picked-folder';

const GIB = 1024 ** 3;
const gpu = (patch: Partial<NonNullable<Capabilities['webgpu']>> = {}) => ({
  fallback: false,
  shaderF16: true,
  maxBufferSize: 4 * GIB,
  maxStorageBufferBindingSize: 2 * GIB,
  description: 'apple metal-3',
  ...patch,
});
// Not cross-origin isolated unless a test says so: the ONNX runtime's recommendations.
const caps = (patch: Partial<Capabilities> = {}): Capabilities => ({ webgpu: undefined, deviceMemoryGiB: 8, cores: 8, isolated: false, memory64: true, jspi: true, ...patch });
const auto: SmolVlmChoice = { model: 'auto', repo: '', host: 'https://huggingface.co', device: 'auto', dtype: 'auto', ggufRepo: '', ggufModel: '', ggufMmproj: '' };
const nothing: PickedModels = { folder: undefined, gguf: undefined };

describe('the model catalogue', () => {
  it('lists every model with a size for every sub-model and precision, and repos that load in transformers.js', () => {
    for (const entry of CATALOGUE) {
      expect(entry.repo).toMatch(/^HuggingFaceTB\/SmolVLM/);
      for (const name of SUBMODELS) for (const size of Object.values(entry.megabytes[name])) expect(size).toBeGreaterThan(0);
      if (entry.smaller) expect(CATALOGUE.some((e) => e.id === entry.smaller)).toBe(true);
    }
  });
  it('sums the three files of a plan; 4-bit is a fraction of fp32, and the 2.2B q4 is about 1.6 GB as the hub lists', () => {
    const big = CATALOGUE.find((e) => e.id === 'smolvlm-2b')!;
    expect(downloadMegabytes(big, uniformPlan('q4'))).toBeGreaterThan(1500);
    expect(downloadMegabytes(big, uniformPlan('q4'))).toBeLessThan(1900);
    const small = CATALOGUE.find((e) => e.id === 'smolvlm2-256m')!;
    expect(downloadMegabytes(small, uniformPlan('q4'))).toBeLessThan(downloadMegabytes(small, uniformPlan('fp32')) / 2);
  });
});

describe('recommend', () => {
  it('keeps a device with no WebGPU on WASM with 8-bit/4-bit weights, and says why', () => {
    const r = recommend(caps({ deviceMemoryGiB: 4, cores: 4 }));
    expect(r).toMatchObject({ device: 'wasm', modelId: 'smolvlm2-256m', dtype: { vision_encoder: 'q8', embed_tokens: 'q8', decoder_model_merged: 'q4' } });
    expect(r.reasons.join(' ')).toMatch(/no WebGPU adapter/);
    expect(r.reasons.at(-1)).toMatch(/Download: about \d+ MB/);
  });
  it('gives the CPU the 500M model only where there are many cores and much memory', () => {
    expect(recommend(caps({ deviceMemoryGiB: 16, cores: 2 })).modelId).toBe('smolvlm2-256m');
    expect(recommend(caps({ deviceMemoryGiB: 16, cores: 16 }))).toMatchObject({ modelId: 'smolvlm2-500m', device: 'wasm' });
  });
  it('treats a software adapter like none: WASM is faster than SwiftShader', () => {
    const r = recommend(caps({ webgpu: gpu({ fallback: true, description: 'google swiftshader' }) }));
    expect(r.device).toBe('wasm');
    expect(r.reasons[0]).toMatch(/software one \(google swiftshader\)/);
  });
  it('gives a strong GPU with shader-f16 the 2.2B model in q4f16', () => {
    const r = recommend(caps({ webgpu: gpu() }));
    expect(r).toMatchObject({ device: 'webgpu', modelId: 'smolvlm-2b', dtype: { decoder_model_merged: 'q4f16', embed_tokens: 'fp16' } });
    expect(r.reasons.join(' ')).toMatch(/shader-f16/);
  });
  it('runs a GPU without shader-f16 in 32-bit activations and picks the 500M model', () => {
    const r = recommend(caps({ webgpu: gpu({ shaderF16: false }) }));
    expect(r).toMatchObject({ device: 'webgpu', modelId: 'smolvlm2-500m', dtype: { decoder_model_merged: 'q4', vision_encoder: 'fp32' } });
    expect(r.reasons.join(' ')).toMatch(/lacks shader-f16/);
  });
  it('does not put the 2.2B model on a GPU with small buffers or a phone with little memory', () => {
    expect(recommend(caps({ webgpu: gpu({ maxBufferSize: 256 * 1024 ** 2 }) })).modelId).not.toBe('smolvlm-2b');
    expect(recommend(caps({ webgpu: gpu(), deviceMemoryGiB: 2 })).modelId).toBe('smolvlm2-256m');
  });
});

describe('chooseModel', () => {
  it('follows the recommendation by default', () => {
    const chosen = chooseModel(auto, caps({ deviceMemoryGiB: 4, cores: 4 }), nothing);
    expect(chosen.config).toEqual({
      runtime: 'onnx',
      source: { kind: 'hub', repo: 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct', host: 'https://huggingface.co' },
      device: 'wasm',
      dtype: { vision_encoder: 'q8', embed_tokens: 'q8', decoder_model_merged: 'q4' },
    });
    expect(chosen.label).toBe('SmolVLM2 256M on WASM');
  });
  it('lets the user override model, device and precision', () => {
    const chosen = chooseModel({ ...auto, model: 'smolvlm-500m', device: 'webgpu', dtype: 'fp32' }, caps(), nothing);
    expect(chosen.config).toMatchObject({ source: { repo: 'HuggingFaceTB/SmolVLM-500M-Instruct' }, device: 'webgpu', dtype: uniformPlan('fp32') });
    // Forcing WebGPU on a device without shader-f16 keeps automatic precision in 32-bit activations.
    expect(chooseModel({ ...auto, device: 'webgpu' }, caps(), nothing).config).toMatchObject({ dtype: { decoder_model_merged: 'q4', embed_tokens: 'fp32' } });
  });
  it('loads any repo on any host through the custom entry (a SmolVLM2-2.2B export included)', () => {
    const chosen = chooseModel({ ...auto, model: 'custom', repo: 'someone/SmolVLM2-2.2B-Instruct-ONNX', host: 'http://mirror.lan:8080' }, caps(), nothing);
    expect(chosen.config.source).toEqual({ kind: 'hub', repo: 'someone/SmolVLM2-2.2B-Instruct-ONNX', host: 'http://mirror.lan:8080' });
    expect(chosen.entry).toBeUndefined();
  });
  it('loads a picked folder, and asks for it again after a reload', () => {
    const folder = folderModelSource(['config.json', 'preprocessor_config.json', 'tokenizer.json', 'onnx/decoder_model_merged.onnx'].map((p) => ({ path: `My model/${p}`, file: new Blob(['x']) })));
    expect(chooseModel({ ...auto, model: 'folder' }, caps(), { folder, gguf: undefined })).toMatchObject({ config: { source: { kind: 'files', name: 'My model' } }, label: 'My model (local folder) on WASM' });
    expect(() => chooseModel({ ...auto, model: 'folder' }, caps(), nothing)).toThrow(/Pick the model folder again/);
  });
});

describe('the GGUF models (llama.cpp)', () => {
  const isolated = (patch: Partial<Capabilities> = {}) => caps({ isolated: true, ...patch });
  it('lists SmolVLM2 2.2B, 500M and 256M as ggml-org publishes them, a model and a projector each', () => {
    for (const entry of GGUF_CATALOGUE) {
      expect(entry.repo).toMatch(/^ggml-org\/SmolVLM2-.+-GGUF$/);
      expect(entry.model.file).toMatch(/\.gguf$/);
      expect(entry.mmproj.file).toMatch(/^mmproj-.+\.gguf$/);
      if (entry.smaller) expect(GGUF_CATALOGUE.some((e) => e.id === entry.smaller)).toBe(true);
    }
    const big = GGUF_CATALOGUE.find((e) => e.id === 'smolvlm2-2b-gguf')!;
    expect(ggufDownloadMegabytes(big)).toBe(1040 + 565);
  });
  it('recommends SmolVLM2 2.2B GGUF on a hardware GPU with memory, when the page is isolated, and says why', () => {
    const r = recommend(isolated({ webgpu: gpu({ shaderF16: false }) }));
    expect(r).toMatchObject({ modelId: 'smolvlm2-2b-gguf', runtime: 'gguf', device: 'webgpu' });
    expect(r.reasons.join(' ')).toMatch(/llama\.cpp runs the model .*every layer on the GPU/);
    expect(r.reasons.at(-1)).toBe('Download: about 1.6 GB, once.');
  });
  it('otherwise recommends the 500M GGUF where there is room, and the 256M on a small CPU', () => {
    expect(recommend(isolated({ webgpu: gpu(), deviceMemoryGiB: 4 }))).toMatchObject({ modelId: 'smolvlm2-500m-gguf', device: 'webgpu' });
    expect(recommend(isolated({ deviceMemoryGiB: 16, cores: 16 }))).toMatchObject({ modelId: 'smolvlm2-500m-gguf', device: 'wasm' });
    expect(recommend(isolated({ webgpu: gpu({ fallback: true }), deviceMemoryGiB: 8, cores: 2 }))).toMatchObject({ modelId: 'smolvlm2-256m-gguf', device: 'wasm' });
  });
  it('keeps to ONNX where the page is not isolated, and says so', () => {
    const r = recommend(caps({ webgpu: gpu() }));
    expect(r).toMatchObject({ runtime: 'onnx', modelId: 'smolvlm-2b' });
    expect(r.reasons.join(' ')).toMatch(/llama\.cpp \(the GGUF runtime\) cannot run here, so onnxruntime serves the model: the page is not cross-origin isolated/);
  });
  it('keeps to ONNX in a browser without WebAssembly Memory64 (Safari) or JSPI, and says so', () => {
    const r = recommend(isolated({ memory64: false }));
    expect(r.runtime).toBe('onnx');
    expect(r.reasons.join(' ')).toMatch(/lacks WebAssembly Memory64/);
    expect(recommend(isolated({ jspi: false })).reasons.join(' ')).toMatch(/lacks WebAssembly JSPI/);
  });
  it('turns a GGUF entry into its two files on the configured host, with the next model down', () => {
    const chosen = chooseModel({ ...auto, model: 'smolvlm2-2b-gguf', host: 'http://mirror.lan' }, isolated(), nothing);
    expect(chosen.config).toEqual({
      runtime: 'gguf',
      device: 'wasm',
      source: { kind: 'hub', repo: 'ggml-org/SmolVLM2-2.2B-Instruct-GGUF', host: 'http://mirror.lan', model: 'SmolVLM2-2.2B-Instruct-Q4_K_M.gguf', mmproj: 'mmproj-SmolVLM2-2.2B-Instruct-Q8_0.gguf' },
    });
    expect(chosen.label).toBe('SmolVLM2 2.2B (GGUF) on WASM');
    expect(chosen.smaller).toEqual({ id: 'smolvlm2-500m-gguf', label: 'SmolVLM2 500M (GGUF)' });
  });
  it('takes any GGUF repo and file names, or two picked files, and asks for the files again after a reload', () => {
    const custom = chooseModel({ ...auto, model: 'custom-gguf', ggufRepo: 'me/Vlm-GGUF', ggufModel: 'm.gguf', ggufMmproj: 'mmproj-m.gguf' }, isolated(), nothing);
    expect(custom.config.source).toEqual({ kind: 'hub', repo: 'me/Vlm-GGUF', host: 'https://huggingface.co', model: 'm.gguf', mmproj: 'mmproj-m.gguf' });
    const model = new File(['m'], 'model.gguf');
    const mmproj = new File(['p'], 'mmproj.gguf');
    const picked = chooseModel({ ...auto, model: 'gguf-files', device: 'webgpu' }, isolated(), { folder: undefined, gguf: { kind: 'files', name: 'model.gguf 1 mmproj.gguf 1', model, mmproj } });
    expect(picked).toMatchObject({ config: { runtime: 'gguf', device: 'webgpu', source: { kind: 'files', model, mmproj } }, label: 'model.gguf (files on this device) on WebGPU' });
    expect(() => chooseModel({ ...auto, model: 'gguf-files' }, isolated(), nothing)).toThrow(/Pick the model’s two \.gguf files again/);
    expect(() => chooseModel({ ...auto, model: 'custom-gguf', ggufRepo: 'me/Vlm-GGUF', ggufModel: 'm.gguf' }, isolated(), nothing)).toThrow(/names of both its files/);
  });
});

describe('folderModelSource', () => {
  const file = (path: string) => ({ path, file: new Blob([path]) });
  it('keys files by their path inside the picked folder', () => {
    const source = folderModelSource([file('m/config.json'), file('m/preprocessor_config.json'), file('m/tokenizer.json'), file('m/onnx/embed_tokens.onnx')]);
    expect([...source.files.keys()].sort()).toEqual(['config.json', 'onnx/embed_tokens.onnx', 'preprocessor_config.json', 'tokenizer.json']);
  });
  it('names what is missing from a folder that is not a transformers.js model', () => {
    expect(() => folderModelSource([file('photos/a.jpg')])).toThrow(/config\.json, preprocessor_config\.json, tokenizer\.json missing/);
    expect(() => folderModelSource([file('m/config.json'), file('m/preprocessor_config.json'), file('m/tokenizer.json'), file('m/model.safetensors')])).toThrow(/no onnx\/ folder/);
    expect(() => folderModelSource([])).toThrow(/empty/);
  });
});
