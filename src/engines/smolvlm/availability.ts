import type { SmolVlmConfig } from './config';
import { listCachedModels, loadsOffline } from './model-cache';
import { hasGgufFiles, listGgufModels } from '../smolvlm-gguf/opfs-store';

/** Whether this configuration can load with no connection: picked files, or every file it needs downloaded. */
export async function modelLoadsOffline(config: SmolVlmConfig): Promise<boolean> {
  if (config.source.kind === 'files') return true;
  if (config.runtime === 'onnx') return loadsOffline(await listCachedModels(), config);
  const { host, repo, model, mmproj } = config.source;
  return hasGgufFiles(await listGgufModels(), host, repo, [model, mmproj]);
}

/** Bytes of these files of a GGUF repo already on the device, finished or not (other quantizations aside). */
export async function storedGgufBytes(host: string, repo: string, files: string[]): Promise<number> {
  const stored = (await listGgufModels()).find((m) => m.repo === repo && m.host === host.replace(/\/+$/, ''));
  return (stored?.files ?? []).filter((f) => files.includes(f.file)).reduce((sum, f) => sum + f.bytes, 0);
}

/**
 * Space check before a download of this size: what is still to come against what the browser offers
 * this origin. Undefined when it fits (or nobody knows); otherwise the sentence to show.
 */
export function spaceShortfall(neededBytes: number, estimate: { quota?: number; usage?: number }): string | undefined {
  if (!estimate.quota || neededBytes <= 0) return undefined;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (free >= neededBytes) return undefined;
  const gb = (bytes: number) => `${(bytes / 1e9).toFixed(bytes < 1e9 ? 2 : 1)} GB`;
  return `This model needs about ${gb(neededBytes)} more space, and this browser lets Loupe store only ${gb(Math.max(0, free))} more. Free space on the device (or delete a downloaded model in Settings), or choose a smaller model.`;
}
