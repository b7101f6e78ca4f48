/// <reference types="vite-plugin-pwa/client" />
import { useAppShell } from '../store/app-shell';

let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;

/**
 * Follows the connection, and registers the service worker after the page has loaded (it must not
 * compete with the first paint), reporting a waiting update instead of applying it: only the user reloads Loupe.
 */
export function registerServiceWorker(): void {
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
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}

/** Activates the waiting version; the page reloads into it. */
export function installUpdate(): void {
  void applyUpdate?.(true);
}
