import { originUrl } from '../engines/vendor-url';

/**
 * Starts a module worker that obeys the Content-Security-Policy of whoever starts it. A worker loaded from
 * its own URL gets only its response's policy (none on a static host); one started from a blob: URL
 * inherits its creator's, narrowed connect-src included. The blob only imports the real script.
 */
export function spawnModuleWorker(scriptUrl: string, name: string): Worker {
  // A worker started this way has a blob: URL, which cannot be a base.
  const script = originUrl(scriptUrl);
  const bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};`], { type: 'text/javascript' }));
  try {
    return new Worker(bootstrap, { type: 'module', name });
  } finally {
    // The worker has its URL; revoking now frees the blob once the worker has fetched it.
    setTimeout(() => URL.revokeObjectURL(bootstrap), 10_000);
  }
}
