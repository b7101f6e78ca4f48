import { create } from 'zustand';
import type { PickedModels } from '../engines/smolvlm/choose';

/**
 * A model folder (ONNX) or two .gguf files the user picked. Kept in memory only: browsers give a page no
 * lasting access to picked files, so after a reload the user picks them again.
 */
export const usePickedModel = create<PickedModels>()(() => ({ folder: undefined, gguf: undefined }));
