import { useSettings } from '../store/settings';
import { hostsAwaitingReload } from '../pwa/connect-policy';
import { loupe } from '../app/loupe';

/**
 * The page's Content-Security-Policy is fixed when it opens; hosts the settings now need (a new model
 * host, Mistral just turned on) are allowed from the next start. Says so, with a reload that keeps edits.
 */
export function ReloadForHosts() {
  const waiting = useSettings((s) => hostsAwaitingReload(s).join(' '));
  if (!waiting) return null;
  return (
    <div className="banner info" role="status" data-testid="reload-for-hosts">
      <span>Loupe may connect to {waiting.split(' ').join(', ')} after a reload (its security policy is set when the page opens).</span>
      <button type="button" onClick={() => void loupe.flushEdits().then(() => location.reload())}>
        Reload now
      </button>
    </div>
  );
}
