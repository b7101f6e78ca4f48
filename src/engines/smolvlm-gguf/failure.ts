import { LoupeError } from '../../errors';
import { gpuFailure } from '../smolvlm/gpu-failure';

/**
 * What a failure of llama.cpp means for the user. Its exceptions are terse ("Model failed to start
 * inference"); the reason is in the log lines before them, so the warnings and errors among the last
 * lines are read too: on WebGPU a lost device or exhausted memory becomes the same error, with the same
 * two retries, as on the ONNX runtime; anything else names what llama.cpp said.
 */
export function llamaFailure(error: unknown, log: readonly string[], device: 'webgpu' | 'wasm', doing: string): unknown {
  if ((error as Error)?.name === 'AbortError' || error instanceof LoupeError) return error;
  const message = (error as Error)?.message ?? String(error);
  const said = log.filter((line) => /^(error|warn):/.test(line));
  if (device === 'webgpu') {
    const gpu = gpuFailure(`${message} ${said.join(' ')}`);
    if (gpu) return gpu;
  }
  const reason = said.slice(-3).map((line) => line.replace(/^(error|warn): /, '')).join(' · ');
  return new LoupeError('engine-failed', `llama.cpp could not ${doing}: ${message}${reason ? ` (${reason})` : ''}`);
}
