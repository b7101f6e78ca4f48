import { LoupeError } from '../../errors';

/** What a lost device or an exhausted GPU says, across Chromium (Dawn), onnxruntime's WebGPU EP and Firefox. */
const OUT_OF_MEMORY = /out of memory|OOM|allocation failed|failed to allocate|exceeds the max|maxBufferSize|maxStorageBufferBindingSize/i;
const LOST = /device (was |is )?lost|lost the device|external Instance reference no longer exists|GPUDevice.*destroyed|device.*destroyed/i;

/**
 * Turns an error from a model running on WebGPU into one that says what happened and what to do, so
 * the user is offered a retry on the CPU or on a smaller model instead of a raw runtime message.
 */
export function gpuFailure(error: unknown): LoupeError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (OUT_OF_MEMORY.test(message)) return new LoupeError('gpu-out-of-memory', `The GPU ran out of memory for this model (${trim(message)}). Retry on the CPU (WASM) or with a smaller model.`);
  if (LOST.test(message)) return gpuLost(message);
  return undefined;
}

export function gpuLost(detail: string): LoupeError {
  return new LoupeError('gpu-lost', `The GPU stopped working while reading (${trim(detail) || 'device lost'}). Retry on the CPU (WASM), or reload Loupe to try the GPU again.`);
}

function trim(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}
