import type { FileStore, FileWriter } from './download-file';
import type { StoredPart } from './resume';

/**
 * GGUF downloads in the origin private file system, where large files belong in a browser: written in
 * place as they arrive (a sync access handle, so a 1 GB file is never copied to commit it), read back as
 * disk-backed Files. Layout: `loupe-models/<host>/<owner%2Fname>/<file>`, and beside each file a
 * `<file>.loupe.json` with the size the server announced and whether every byte has arrived.
 */
export const MODELS_DIR = 'loupe-models';
const META = '.loupe.json';

interface Meta {
  total: number;
  complete: boolean;
}

/** The store key of one file of one repo on one host. */
export function modelFileKey(host: string, repo: string, file: string): string {
  return [host.replace(/\/+$/, ''), repo, file].map(encodeURIComponent).join('/');
}

/** Only in a dedicated worker; typed here because the page's DOM library does not declare it. */
interface SyncAccessHandle {
  write(buffer: Uint8Array, options?: { at?: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncAccessHandle> };

async function root(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(MODELS_DIR, { create: true });
}

async function folderOf(key: string, create: boolean): Promise<{ dir: FileSystemDirectoryHandle; name: string } | undefined> {
  const parts = key.split('/');
  const name = parts.pop()!;
  let dir = await root();
  try {
    for (const part of parts) dir = await dir.getDirectoryHandle(part, { create });
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
  return { dir, name };
}

async function readMeta(dir: FileSystemDirectoryHandle, name: string): Promise<Meta | undefined> {
  try {
    const meta = JSON.parse(await (await (await dir.getFileHandle(name + META)).getFile()).text()) as Partial<Meta>;
    return typeof meta.total === 'number' ? { total: meta.total, complete: meta.complete === true } : undefined;
  } catch {
    return undefined;
  }
}

async function writeMeta(dir: FileSystemDirectoryHandle, name: string, meta: Meta): Promise<void> {
  const handle = await ((await dir.getFileHandle(name + META, { create: true })) as SyncFileHandle).createSyncAccessHandle();
  try {
    handle.truncate(0);
    handle.write(new TextEncoder().encode(JSON.stringify(meta)), { at: 0 });
    handle.flush();
  } finally {
    handle.close();
  }
}

async function fileSize(dir: FileSystemDirectoryHandle, name: string): Promise<number | undefined> {
  try {
    return (await (await dir.getFileHandle(name)).getFile()).size;
  } catch {
    return undefined;
  }
}

/** The store the engine worker downloads into (writing needs a dedicated worker). */
export const opfsStore: FileStore = {
  async stat(key) {
    const at = await folderOf(key, false);
    if (!at) return undefined;
    const [meta, bytes] = await Promise.all([readMeta(at.dir, at.name), fileSize(at.dir, at.name)]);
    if (!meta || bytes === undefined) return undefined;
    return { bytes, total: meta.total, complete: meta.complete && bytes === meta.total } satisfies StoredPart;
  },

  async openWriter(key, offset, total): Promise<FileWriter> {
    const at = (await folderOf(key, true))!;
    // The data file's handle first: it is the lock, so a second writer fails before it touches anything.
    const handle = await ((await at.dir.getFileHandle(at.name, { create: true })) as SyncFileHandle).createSyncAccessHandle();
    try {
      await writeMeta(at.dir, at.name, { total, complete: false });
      handle.truncate(offset);
    } catch (error) {
      handle.close();
      throw error;
    }
    let position = offset;
    return {
      async write(chunk) {
        position += handle.write(chunk, { at: position });
      },
      async flush() {
        handle.flush();
      },
      async close(complete) {
        try {
          handle.flush();
        } finally {
          // The handle holds the file's lock: it must go even when the flush fails.
          handle.close();
        }
        if (complete) await writeMeta(at.dir, at.name, { total, complete: true });
      },
    };
  },

  async read(key) {
    const at = await folderOf(key, false);
    if (!at) throw new Error(`${key} is not stored.`);
    return (await at.dir.getFileHandle(at.name)).getFile();
  },
};

export interface StoredGgufFile {
  file: string;
  bytes: number;
  total: number;
  complete: boolean;
}

/** One downloaded (or partly downloaded) GGUF model: its files on one host. */
export interface StoredGgufModel {
  host: string;
  repo: string;
  files: StoredGgufFile[];
  bytes: number;
}

async function* entries(dir: FileSystemDirectoryHandle): AsyncGenerator<FileSystemHandle> {
  yield* (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values();
}

/** Every GGUF model with at least one file begun, for Settings' *Downloaded models*. */
export async function listGgufModels(): Promise<StoredGgufModel[]> {
  if (!navigator.storage?.getDirectory) return [];
  const models: StoredGgufModel[] = [];
  for await (const hostDir of entries(await root())) {
    if (hostDir.kind !== 'directory') continue;
    for await (const repoDir of entries(hostDir as FileSystemDirectoryHandle)) {
      if (repoDir.kind !== 'directory') continue;
      const dir = repoDir as FileSystemDirectoryHandle;
      const files: StoredGgufFile[] = [];
      for await (const entry of entries(dir)) {
        if (entry.kind !== 'file' || entry.name.endsWith(META)) continue;
        const [meta, bytes] = await Promise.all([readMeta(dir, entry.name), fileSize(dir, entry.name)]);
        if (!meta || bytes === undefined) continue;
        files.push({ file: decodeURIComponent(entry.name), bytes, total: meta.total, complete: meta.complete && bytes === meta.total });
      }
      if (!files.length) continue;
      files.sort((a, b) => a.file.localeCompare(b.file));
      models.push({ host: decodeURIComponent(hostDir.name), repo: decodeURIComponent(repoDir.name), files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) });
    }
  }
  return models.sort((a, b) => a.repo.localeCompare(b.repo) || a.host.localeCompare(b.host));
}

/** Frees a GGUF model's space, finished files and unfinished ones alike. */
export async function deleteGgufModel(model: Pick<StoredGgufModel, 'host' | 'repo'>): Promise<void> {
  const hosts = await root();
  try {
    const hostDir = await hosts.getDirectoryHandle(encodeURIComponent(model.host.replace(/\/+$/, '')));
    await hostDir.removeEntry(encodeURIComponent(model.repo), { recursive: true });
  } catch (error) {
    if ((error as Error).name !== 'NotFoundError') throw error;
  }
}

/** Whether both files are stored whole: enough to load with no connection. */
export function hasGgufFiles(models: StoredGgufModel[], host: string, repo: string, files: string[]): boolean {
  const model = models.find((m) => m.repo === repo && m.host === host.replace(/\/+$/, ''));
  return files.every((file) => model?.files.some((f) => f.file === file && f.complete));
}
