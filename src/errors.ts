/** Errors that reach the user carry a code (for tests and retry logic) and a human message. */
export type ErrorCode =
  | 'empty-file'
  | 'unsupported-type'
  | 'corrupt-image'
  | 'corrupt-pdf'
  | 'password-pdf'
  | 'engine-load-failed'
  | 'engine-failed'
  | 'worker-crashed'
  /** The WebGPU device was lost (driver reset, GPU process crash, tab in the background on some phones). */
  | 'gpu-lost'
  | 'gpu-out-of-memory'
  /** WebGPU was asked for, but the runtime found no device it can use (llama.cpp falls back to the CPU silently). */
  | 'gpu-unavailable'
  | 'storage-full'
  | MistralErrorCode;

/** Why the optional Mistral step failed; the document keeps its local fields in every case. */
export type MistralErrorCode =
  | 'mistral-auth'
  | 'mistral-model-retired'
  | 'mistral-model-unknown'
  | 'mistral-bad-request'
  | 'mistral-rate-limited'
  | 'mistral-server'
  | 'mistral-timeout'
  | 'mistral-offline'
  | 'mistral-truncated'
  | 'mistral-invalid';

export class LoupeError extends Error {
  override name = 'LoupeError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What crosses a postMessage boundary: keeps `name` so an AbortError stays an AbortError. */
export interface SerializedError {
  name: string;
  message: string;
  code?: ErrorCode;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof LoupeError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.code) return new LoupeError(error.code, error.message);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
