// First: the connections the settings allow are fixed before any other module runs.
import './pwa/connect-policy';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { loupe } from './app/loupe';
import { useLibrary } from './store/library';
import { registerServiceWorker } from './pwa/register';
import { receiveLaunchedFiles } from './pwa/launch';
import { startDocumentRoute } from './app/document-route';

declare global {
  interface Window {
    /** Read-only automation surface for scripts (README: "For scripts"). */
    loupe: { exportJson: () => Promise<unknown> };
  }
}

window.loupe = { exportJson: () => loupe.exportJson() };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

const started = loupe.start();
registerServiceWorker(loupe.settled);
startDocumentRoute(started);
started
  .then(() => receiveLaunchedFiles((files) => void loupe.addFiles(files)))
  .catch((error: unknown) => {
  useLibrary.setState({
    notice: `Loupe could not open its storage on this device: ${error instanceof Error ? error.message : String(error)}. Private windows and some browser settings block IndexedDB.`,
  });
});
