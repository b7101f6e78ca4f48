import { describe, expect, it } from 'vitest';
import { llamaFailure } from '../../../src/engines/smolvlm-gguf/failure';
import { LoupeError } from '../../../src/errors';

const terse = new Error('Model failed to start inference');

describe('llamaFailure', () => {
  it('reads a lost WebGPU device or exhausted memory from llama.cpp’s log, as on the ONNX runtime', () => {
    expect(llamaFailure(terse, ['debug: load_tensors: ok', 'error: ggml_webgpu: Device lost! Reason: 2, Message: GPU process crashed'], 'webgpu', 'read the page')).toMatchObject({ code: 'gpu-lost' });
    expect(llamaFailure(terse, ['error: ggml_backend_webgpu_buffer_type_alloc_buffer: failed to allocate buffer of size 1073741824'], 'webgpu', 'load the model')).toMatchObject({ code: 'gpu-out-of-memory' });
  });

  it('does not blame the GPU on WASM, nor for words in debug lines', () => {
    expect(llamaFailure(terse, ['error: failed to allocate buffer'], 'wasm', 'load the model')).toMatchObject({ code: 'engine-failed' });
    expect(llamaFailure(terse, ['debug: device lost handler installed'], 'webgpu', 'load the model')).toMatchObject({ code: 'engine-failed' });
  });

  it('names what llama.cpp said, and leaves cancels and Loupe’s own errors as they are', () => {
    const failed = llamaFailure(terse, ['info: loading', 'warn: clip_model_loader: tensor v.post_ln.weight not found', 'error: failed to load mmproj'], 'wasm', 'load the model') as LoupeError;
    expect(failed.message).toBe('llama.cpp could not load the model: Model failed to start inference (clip_model_loader: tensor v.post_ln.weight not found · failed to load mmproj)');
    const abort = Object.assign(new Error('Operation aborted'), { name: 'AbortError' });
    expect(llamaFailure(abort, [], 'wasm', 'read the page')).toBe(abort);
    const own = new LoupeError('gpu-unavailable', 'x');
    expect(llamaFailure(own, [], 'webgpu', 'read the page')).toBe(own);
  });
});
