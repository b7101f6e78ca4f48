import { describe, expect, it } from 'vitest';
import { ggufRole, sortGgufPair } from '../../../src/engines/smolvlm-gguf/gguf-files';
import { makeTinyGgufSmolVlm, TINY_GGUF_MMPROJ_FILE, TINY_GGUF_MODEL_FILE, TINY_GGUF_VISION } from '../../fixtures/tiny-gguf-smolvlm/make-tiny-gguf-smolvlm';

const { model, mmproj } = makeTinyGgufSmolVlm();
const modelFile = new File([model as Uint8Array<ArrayBuffer>], TINY_GGUF_MODEL_FILE);
const mmprojFile = new File([mmproj as Uint8Array<ArrayBuffer>], TINY_GGUF_MMPROJ_FILE);

describe('picked GGUF files', () => {
  it('tells the model from the projector by their headers, in either order', async () => {
    for (const files of [[modelFile, mmprojFile], [mmprojFile, modelFile]]) {
      const pair = await sortGgufPair(files);
      expect(pair.model.name).toBe(TINY_GGUF_MODEL_FILE);
      expect(pair.mmproj.name).toBe(TINY_GGUF_MMPROJ_FILE);
      // The projector says how large a page its processor makes: no bigger image is worth passing.
      expect(pair.maxSide).toBe(TINY_GGUF_VISION.preprocImageSize);
    }
  });

  it('names a model by its architecture and a projector by its type', async () => {
    expect(await ggufRole(modelFile, 'm')).toEqual({ role: 'model', architecture: 'llama' });
    expect(await ggufRole(mmprojFile, 'p')).toMatchObject({ role: 'projector', projectorType: 'idefics3' });
  });

  it('refuses anything but a model and its projector, saying which file is wrong', async () => {
    await expect(sortGgufPair([modelFile])).rejects.toThrow('Pick two .gguf files together');
    await expect(sortGgufPair([modelFile, new File(['hello'], 'notes.gguf')])).rejects.toThrow(/notes\.gguf is not a GGUF file Loupe can read \(.*\)/);
    await expect(sortGgufPair([modelFile, modelFile])).rejects.toThrow('Neither file is a vision projector');
    await expect(sortGgufPair([mmprojFile, mmprojFile])).rejects.toThrow('Neither file is a language model');
    await expect(sortGgufPair([modelFile, new File(['x'], 'photo.jpg')])).rejects.toThrow('Pick two .gguf files together');
    // A damaged length must not make Loupe read a whole model into memory to find the header's end.
    const damaged = model.slice(0, 4096);
    new DataView(damaged.buffer).setBigUint64(24, 2n ** 40n, true);
    await expect(ggufRole(new File([damaged], 'damaged.gguf'), 'damaged.gguf')).rejects.toThrow(/damaged\.gguf is not a GGUF file Loupe can read/);
  });
});
