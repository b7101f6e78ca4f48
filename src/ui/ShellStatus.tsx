import { useAppShell } from '../store/app-shell';
import { useLibrary } from '../store/library';
import { installUpdate } from '../pwa/register';

/** Connectivity in the header: offline is a normal state for Loupe, so it is shown, not alarmed. */
export function ConnectionStatus() {
  const online = useAppShell((s) => s.online);
  const offlineReady = useAppShell((s) => s.offlineReady);
  return (
    <span
      className={`pill ${online ? 'online' : 'offline'}`}
      data-testid="connection"
      data-online={online}
      data-offline-ready={offlineReady}
      title={online ? 'Nothing is sent anywhere unless you turn the Mistral step on.' : 'Reading works offline; model downloads and Mistral wait for a connection.'}
    >
      {online ? 'Online' : 'Offline'}
      {offlineReady && ' · works offline'}
    </span>
  );
}

/** A new version is offered, never forced: it waits while documents are being read. */
export function UpdateBanner() {
  const waiting = useAppShell((s) => s.updateWaiting);
  const busy = useLibrary((s) => Boolean(s.queue.current || s.queue.waiting.length));
  if (!waiting) return null;
  return (
    <div className="banner info" role="status" data-testid="update-banner">
      <span>A new version of Loupe is ready.{busy && ' It can be installed when the current reading is finished.'}</span>
      <button type="button" disabled={busy} onClick={installUpdate}>
        Update now
      </button>
    </div>
  );
}
