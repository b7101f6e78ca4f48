/// <reference types="vite-plugin-pwa/client" />
import { useAppShell } from '../store/app-shell';

let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;

/**
 * The longest the service worker waits for `settled`: a first visit that goes on reading a long batch of
 * documents still becomes offline-ready within seconds.
 */
const REGISTER_WAIT_MS = 30_000;

/**
 * Follows the connection, and registers the service worker once the page has loaded and `settled` (opening's
 * own work: loading the engine, reading the first documents) has resolved, or after REGISTER_WAIT_MS: the
 * worker's install downloads about 60 MB to precache, which on a first visit would compete with the engine
 * for the network and the cores. A waiting update is reported instead of applied: only the user reloads Loupe.
 */
export function registerServiceWorker(settled: Promise<void>): void {
  addEventListener('online', () => useAppShell.setState({ online: true }));
  addEventListener('offline', () => useAppShell.setState({ online: false }));
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const register = async () => {
    const { registerSW } = await import('virtual:pwa-register');
    applyUpdate = registerSW({
      immediate: true,
      onNeedRefresh: () => useAppShell.setState({ updateWaiting: true }),
      onOfflineReady: () => useAppShell.setState({ offlineReady: true }),
    });
    // A page opened when the worker was already installed is offline-ready from the start.
    if ((await navigator.serviceWorker.ready).active) useAppShell.setState({ offlineReady: true });
  };
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => resolve(), { once: true });
  });
  const waited = new Promise<void>((resolve) => setTimeout(resolve, REGISTER_WAIT_MS));
  void loaded.then(() => Promise.race([settled, waited])).then(register);
}

/** Activates the waiting version; the page reloads into it. */
export function installUpdate(): void {
  void applyUpdate?.(true);
}
