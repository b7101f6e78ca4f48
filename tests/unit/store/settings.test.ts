import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The persisted settings as an older Loupe wrote them, read by this one. */
async function loadWith(stored: unknown) {
  const items = new Map<string, string>([['loupe-settings', JSON.stringify(stored)]]);
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  // zustand's persist reads window.localStorage.
  vi.stubGlobal('window', { localStorage });
  vi.resetModules();
  const { useSettings } = await import('../../../src/store/settings');
  return useSettings.getState();
}

describe('settings written by an older version', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('turns the old default SmolVLM repo and q4 into the device-based recommendation', async () => {
    const state = await loadWith({ version: 2, state: { engine: 'smolvlm', smolvlm: { repo: 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct', host: 'https://huggingface.co', device: 'auto', dtype: 'q4' } } });
    expect(state.engine).toBe('smolvlm');
    expect(state.smolvlm).toMatchObject({ model: 'auto', dtype: 'auto', device: 'auto' });
  });

  it('keeps a repo the user typed, as a catalogue entry when it is one and as a custom model otherwise', async () => {
    expect((await loadWith({ version: 2, state: { smolvlm: { repo: 'HuggingFaceTB/SmolVLM-500M-Instruct', dtype: 'fp16' } } })).smolvlm).toMatchObject({ model: 'smolvlm-500m', dtype: 'fp16' });
    const custom = (await loadWith({ version: 2, state: { smolvlm: { repo: 'me/my-vlm', host: 'http://127.0.0.1:9000', device: 'wasm', dtype: 'fp32' } } })).smolvlm;
    expect(custom).toEqual({ model: 'custom', repo: 'me/my-vlm', host: 'http://127.0.0.1:9000', device: 'wasm', dtype: 'fp32', ggufRepo: '', ggufModel: '', ggufMmproj: '' });
  });

  it('falls back to defaults for damaged values', async () => {
    const state = await loadWith({ version: 3, state: { engine: 'nope', smolvlm: { model: 'gone-model', device: 'tpu', host: 42 } } });
    expect(state.engine).toBe('paddle');
    expect(state.smolvlm).toEqual({ model: 'auto', repo: '', host: 'https://huggingface.co', device: 'auto', dtype: 'auto', ggufRepo: '', ggufModel: '', ggufMmproj: '' });
  });

  it('keeps a GGUF choice: a catalogue entry, or a repo with its two files', async () => {
    expect((await loadWith({ version: 3, state: { smolvlm: { model: 'smolvlm2-2b-gguf' } } })).smolvlm.model).toBe('smolvlm2-2b-gguf');
    const custom = (await loadWith({ version: 3, state: { smolvlm: { model: 'custom-gguf', ggufRepo: ' me/x-GGUF ', ggufModel: 'x.gguf', ggufMmproj: 'mmproj-x.gguf' } } })).smolvlm;
    expect(custom).toMatchObject({ model: 'custom-gguf', ggufRepo: 'me/x-GGUF', ggufModel: 'x.gguf', ggufMmproj: 'mmproj-x.gguf' });
    expect((await loadWith({ version: 3, state: { smolvlm: { model: 'gguf-files', ggufRepo: 7 } } })).smolvlm).toMatchObject({ model: 'gguf-files', ggufRepo: '' });
  });
});
