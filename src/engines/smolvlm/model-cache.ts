import { SUBMODELS, type Dtype } from './catalogue';
import type { OnnxVlmConfig } from './config';

/** transformers.js keeps every downloaded model file here, keyed by the file's full URL. */
export const MODEL_CACHE = 'transformers-cache';

export interface CachedFile {
  url: string;
  bytes: number;
}

/** One downloaded model: every cached file of one repo on one host. */
export interface CachedModel {
  host: string;
  repo: string;
  /** Paths inside the repo ("onnx/decoder_model_merged_q4.onnx"). */
  paths: string[];
  urls: string[];
  bytes: number;
}

/** `<host>/<owner>/<name>/resolve/<revision>/<path>`, the layout of the hub and its mirrors. */
function parseModelUrl(url: string): { host: string; repo: string; path: string } | undefined {
  const match = /^(.+?)\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(url);
  return match ? { host: match[1]!, repo: decodeURIComponent(match[2]!), path: decodeURIComponent(match[3]!) } : undefined;
}

/** Groups cached files by model; files that are not model files (a runtime's wasm) are left out. */
export function groupCachedFiles(files: CachedFile[]): CachedModel[] {
  const models = new Map<string, CachedModel>();
  for (const file of files) {
    const parsed = parseModelUrl(file.url);
    if (!parsed) continue;
    const key = `${parsed.host} ${parsed.repo}`;
    const model = models.get(key) ?? { host: parsed.host, repo: parsed.repo, paths: [], urls: [], bytes: 0 };
    model.paths.push(parsed.path);
    model.urls.push(file.url);
    model.bytes += file.bytes;
    models.set(key, model);
  }
  return [...models.values()].sort((a, b) => a.repo.localeCompare(b.repo) || a.host.localeCompare(b.host));
}

/** The file name transformers.js asks for, per precision. */
const SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };

/** Whether the three sub-models of this plan are all in the cache: enough to load with no connection. */
export function hasModelFiles(model: CachedModel, plan: string | Record<string, string>): boolean {
  return SUBMODELS.every((name) => {
    const dtype = typeof plan === 'string' ? plan : (plan[name] ?? 'fp32');
    const suffix = SUFFIX[dtype as Dtype] ?? `_${dtype}`;
    return model.paths.includes(`onnx/${name}${suffix}.onnx`);
  });
}

export async function listCachedModels(storage: CacheStorage = caches): Promise<CachedModel[]> {
  if (!(await storage.has(MODEL_CACHE))) return [];
  const cache = await storage.open(MODEL_CACHE);
  const files: CachedFile[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const length = Number(response?.headers.get('Content-Length'));
    // A cached response's blob is disk-backed: its size is known without reading it.
    files.push({ url: request.url, bytes: Number.isFinite(length) && length > 0 ? length : ((await response?.blob())?.size ?? 0) });
  }
  return groupCachedFiles(files);
}

/** Frees a downloaded model's space; a model already loaded keeps running until the page closes. */
export async function deleteCachedModel(model: CachedModel, storage: CacheStorage = caches): Promise<void> {
  const cache = await storage.open(MODEL_CACHE);
  await Promise.all(model.urls.map((url) => cache.delete(url)));
}

/** Whether this configuration can load with no connection: a picked folder, or every file it needs cached. */
export function loadsOffline(models: CachedModel[], config: OnnxVlmConfig): boolean {
  const source = config.source;
  if (source.kind === 'files') return true;
  const host = source.host.replace(/\/+$/, '');
  return models.some((m) => m.repo === source.repo && m.host === host && hasModelFiles(m, config.dtype));
}
