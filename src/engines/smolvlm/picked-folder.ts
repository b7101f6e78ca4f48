import { LoupeError } from '../../errors';
import type { ModelSource } from './config';

/** A file from a folder picker: its path below the picked folder's parent ("SmolVLM2/onnx/x.onnx"). */
export interface PickedFile {
  path: string;
  file: Blob;
}

/**
 * Turns the files of a picked folder into a model source. The folder must hold the transformers.js
 * layout (config.json at its top, the ONNX files under onnx/); anything else is refused with what is
 * missing, before a download-free "load" fails somewhere deep in the runtime.
 */
export function folderModelSource(picked: PickedFile[]): Extract<ModelSource, { kind: 'files' }> {
  if (!picked.length) throw new LoupeError('engine-load-failed', 'The picked folder is empty.');
  const [top = ''] = picked[0]!.path.split('/');
  const files = new Map<string, Blob>();
  for (const { path, file } of picked) {
    const inner = path.startsWith(`${top}/`) ? path.slice(top.length + 1) : path;
    files.set(inner, file);
  }
  const missing = ['config.json', 'preprocessor_config.json', 'tokenizer.json'].filter((name) => !files.has(name));
  if (missing.length) throw new LoupeError('engine-load-failed', `The folder “${top}” is not a model in the transformers.js layout: ${missing.join(', ')} missing. Pick the folder that holds config.json and onnx/.`);
  if (![...files.keys()].some((name) => name.startsWith('onnx/') && name.endsWith('.onnx')))
    throw new LoupeError('engine-load-failed', `The folder “${top}” has no onnx/ folder with .onnx files: it is not an ONNX export.`);
  return { kind: 'files', name: top, files };
}
