import { LoupeError } from '../../errors';
import { abortError, type LoadProgress } from '../engine';
import { connectionLost } from '../fetch-with-progress';
import { planResponse, rangeHeader, type StoredPart } from './resume';

/** Where downloaded model files live: OPFS in the browser (`opfs-store.ts`), memory in tests. */
export interface FileStore {
  stat(key: string): Promise<StoredPart | undefined>;
  /** Starts writing at `offset`, dropping anything stored after it; `total` is what the server announced. */
  openWriter(key: string, offset: number, total: number): Promise<FileWriter>;
  /** A complete file as a Blob (disk-backed in the browser: nothing is read into memory). */
  read(key: string): Promise<Blob>;
}

export interface FileWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Makes what was written so far survive a closed tab. */
  flush(): Promise<void>;
  /** Closes the file; `complete` records that it holds every byte. */
  close(complete: boolean): Promise<void>;
}

/** Bytes between flushes: what a closed tab can lose of a download, and how often the disk is synced. */
const FLUSH_BYTES = 8 * 1024 * 1024;

export interface DownloadFileOptions {
  url: string;
  key: string;
  /** Shown in the progress ("SmolVLM2-2.2B-Instruct-Q4_K_M.gguf"). */
  name: string;
  store: FileStore;
  onProgress: (progress: LoadProgress) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/**
 * Downloads one model file into the store, continuing a download that was cut off (HTTP Range) rather
 * than starting again. A file is used only once complete with the size the server announced; a file
 * that changed on the server since its first bytes, or a server that ignores Range, starts over.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<Blob> {
  const { url, key, name, store, onProgress, signal } = options;
  const get = options.fetch ?? fetch;
  const stored = await store.stat(key);
  if (stored?.complete && stored.bytes === stored.total) {
    onProgress({ file: name, loaded: stored.total, total: stored.total, resumed: stored.total });
    return store.read(key);
  }
  let resumeFrom = stored;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (signal?.aborted) throw abortError();
    const headers = rangeHeader(resumeFrom);
    const asked = 'Range' in headers;
    const response = await request(get, url, name, headers, signal);
    const length = response.headers.get('content-length');
    const plan = planResponse(resumeFrom, asked, {
      status: response.status,
      contentRange: response.headers.get('content-range'),
      contentLength: length === null ? null : Number(length),
    });
    if (plan.action === 'restart') {
      await response.body?.cancel().catch(() => undefined);
      resumeFrom = undefined;
      continue;
    }
    if (plan.action === 'complete') {
      await (await store.openWriter(key, plan.total, plan.total)).close(true);
      onProgress({ file: name, loaded: plan.total, total: plan.total, resumed: plan.total });
      return store.read(key);
    }
    if (plan.action === 'fail') throw new LoupeError('engine-load-failed', `Could not download ${name} (HTTP ${plan.status}).`);
    if (plan.total === undefined) throw new LoupeError('engine-load-failed', `The server did not say how large ${name} is, so Loupe cannot tell a complete download from a cut one.`);
    await writeBody(response, store, key, name, plan.offset, plan.total, onProgress, signal);
    return store.read(key);
  }
  throw new LoupeError('engine-load-failed', `The server would not continue the download of ${name}.`);
}

async function request(get: typeof fetch, url: string, name: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await get(url, { headers, signal });
  } catch (error) {
    throw interrupted(error, name, signal);
  }
}

async function writeBody(
  response: Response,
  store: FileStore,
  key: string,
  name: string,
  offset: number,
  total: number,
  onProgress: (progress: LoadProgress) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const writer = await store.openWriter(key, offset, total).catch((error: unknown) => {
    void response.body?.cancel().catch(() => undefined);
    throw storageError(error, name);
  });
  let loaded = offset;
  let unflushed = 0;
  let complete = false;
  const progress = () => onProgress({ file: name, loaded, total, ...(offset && { resumed: offset }) });
  progress();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    if (!response.body) throw new LoupeError('engine-load-failed', `The server sent no body for ${name}.`);
    reader = response.body.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw interrupted(error, name, signal, loaded, total);
      }
      if (chunk.done) break;
      if (loaded + chunk.value.length > total) throw new LoupeError('engine-load-failed', `${name} is larger than the server announced (${total} bytes).`);
      await writer.write(chunk.value).catch((error: unknown) => {
        throw storageError(error, name);
      });
      loaded += chunk.value.length;
      unflushed += chunk.value.length;
      if (unflushed >= FLUSH_BYTES) {
        await writer.flush();
        unflushed = 0;
      }
      progress();
    }
    if (loaded !== total) throw new LoupeError('engine-load-failed', `The download of ${name} stopped at ${megabytes(loaded)} of ${megabytes(total)}. Retry to continue from there.`);
    complete = true;
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    throw error;
  } finally {
    // What arrived is kept either way: a retry continues from it. A failure to close must not hide
    // the reason the download stopped.
    const closed = writer.close(complete);
    if (complete) await closed.catch((error: unknown) => Promise.reject(storageError(error, name)));
    else await closed.catch(() => undefined);
  }
}

/** The disk refusing a write says so plainly; another tab writing the same file too. */
function storageError(error: unknown, name: string): unknown {
  const kind = (error as Error)?.name;
  if (kind === 'QuotaExceededError') return new LoupeError('storage-full', `This device has no room left for ${name}. What arrived is kept; free space (or delete a downloaded model in Settings), then retry.`);
  if (kind === 'NoModificationAllowedError' || kind === 'InvalidStateError') return new LoupeError('engine-load-failed', `${name} is being written by another Loupe tab. Retry once that download ends.`);
  return error;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A lost connection (see connectionLost) as an error that says how far the download got; a cancel as a cancel. */
function interrupted(error: unknown, name: string, signal: AbortSignal | undefined, loaded?: number, total?: number): unknown {
  if (signal?.aborted || (error as Error)?.name === 'AbortError') return abortError();
  if (!(error instanceof TypeError)) return error;
  const where = loaded === undefined || total === undefined ? '' : ` at ${megabytes(loaded)} of ${megabytes(total)}`;
  return new LoupeError('engine-load-failed', `The download of ${name} was interrupted${where} (${connectionLost()}). Retry to continue from there.`);
}
