/**
 * Loupe's Content-Security-Policy, in two layers. The build puts a static policy in index.html: own
 * origin for scripts, styles, fonts and workers, and for connections an outer bound (own origin, https,
 * this device). At start-up `connectPolicy` narrows connections to exactly what the settings use: the
 * configured model host, and the Mistral endpoint only while the Mistral step is on. Browsers enforce
 * every policy a page carries, so the narrower one wins and cannot be loosened without a reload.
 */

/** The hub answers downloads with redirects to its storage hosts. */
const HUB = 'https://huggingface.co';
const HUB_STORAGE = ['https://*.huggingface.co', 'https://*.hf.co'];
const THIS_DEVICE = ['http://localhost:*', 'http://127.0.0.1:*'];
const ALWAYS = ["'self'", 'blob:', 'data:'];

export function contentSecurityPolicy(): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Wasm compilation (onnxruntime, tesseract) needs 'wasm-unsafe-eval'; nothing needs eval itself.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // blob: only for the workers' bootstraps (src/workers/spawn.ts), so that they inherit this policy.
    'worker-src': ["'self'", 'blob:'],
    'connect-src': [...ALWAYS, 'https:', ...THIS_DEVICE],
    'img-src': ["'self'", 'blob:', 'data:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The connections these settings need, and nothing else. */
export function connectSources(settings: { modelHost: string; mistralEndpoint: string | undefined }): string[] {
  const model = originOf(settings.modelHost);
  const mistral = settings.mistralEndpoint === undefined ? undefined : originOf(settings.mistralEndpoint);
  return [...ALWAYS, ...(model ? [model] : []), ...(model === HUB ? HUB_STORAGE : []), ...(mistral ? [mistral] : [])];
}

/** Whether `url` matches one of the sources (exact origin, or `https://*.domain` for subdomains). */
export function connectAllowedBy(sources: string[], url: string, self: string): boolean {
  const target = originOf(url);
  if (!target) return false;
  return sources.some((source) => {
    if (source === "'self'") return target === self;
    if (source.includes('*.')) {
      const [scheme, domain] = source.split('://*.');
      const host = new URL(target).hostname;
      return target.startsWith(`${scheme}://`) && host.endsWith(`.${domain}`);
    }
    return source === target;
  });
}
