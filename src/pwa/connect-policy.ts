import { useSettings } from '../store/settings';
import { connectAllowedBy, connectSources } from './csp';

/** What the settings needed when the page opened: the policy in force until the next reload. */
let applied: string[] | undefined;

function sourcesFor(state = useSettings.getState()): string[] {
  return connectSources({ modelHost: state.smolvlm.host, mistralEndpoint: state.mistral.enabled ? state.mistral.baseUrl : undefined });
}

/**
 * Adds the narrowed connect-src to the page, once, before anything connects: main.tsx imports this
 * module first, so it runs before every other module of the app.
 */
function applyConnectPolicy(): void {
  if (applied || typeof document === 'undefined') return;
  applied = sourcesFor();
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src ${applied.join(' ')}`;
  document.head.append(meta);
}

/** Whether the page may connect to `url` now; false means the settings changed and a reload is due. */
export function connectAllowed(url: string): boolean {
  return !applied || connectAllowedBy(applied, url, location.origin);
}

/** The hosts the current settings need that the policy in force does not allow yet. */
export function hostsAwaitingReload(state = useSettings.getState()): string[] {
  if (!applied) return [];
  return sourcesFor(state).filter((source) => source.startsWith('http') && !source.includes('*') && !connectAllowed(source));
}

applyConnectPolicy();
