import type { LoadProgress } from './engine';
import { LoupeError } from '../errors';

/** Why a download stopped when fetch reports a lost connection (a bare TypeError, before or during the body). */
export const connectionLost = () => (globalThis.navigator?.onLine === false ? 'this device is offline' : 'the connection failed');

/** Downloads a file whole, reporting bytes as they arrive; a missing file is an error, never a partial body. */
export async function fetchWithProgress(
  url: string,
  file: string,
  onProgress: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await download(url, file, onProgress, signal);
  } catch (error) {
    if (error instanceof TypeError) throw new LoupeError('engine-load-failed', `The download of ${file} was interrupted (${connectionLost()}). Retry to download it again.`);
    throw error;
  }
}

async function download(url: string, file: string, onProgress: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new LoupeError('engine-load-failed', `Could not load ${file} (HTTP ${response.status}).`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress({ file, loaded, total: Math.max(total, loaded) });
  }
  if (total && loaded !== total) throw new LoupeError('engine-load-failed', `${file} arrived incomplete (${loaded} of ${total} bytes).`);
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  onProgress({ file, loaded, total: loaded });
  return bytes;
}
