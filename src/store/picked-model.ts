import { create } from 'zustand';
import type { ModelSource } from '../engines/smolvlm/config';

/**
 * A model folder the user picked. Kept in memory only: browsers give a page no lasting access to a
 * picked folder, so after a reload the user picks it again.
 */
export const usePickedModel = create<{ folder: Extract<ModelSource, { kind: 'files' }> | undefined }>()(() => ({ folder: undefined }));
