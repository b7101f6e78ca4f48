/// <reference types="vite-plugin-pwa/client" />
import { useAppShell } from '../store/app-shell';

let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;

/**
 * Registers the service worker after the page has loaded (it must not compete with the first paint)
 * and reports a waiting update instead of applying it: only the user reloads Loupe.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  addEventListener('online', () => useAppShell.setState({ online: true }));
  addEventListener('offline', () => useAppShell.setState({ online: false }));
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
