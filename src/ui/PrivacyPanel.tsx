import { useEffect } from 'react';
import { DialogButton } from './DialogButton';
import { useAppShell } from '../store/app-shell';
import { storageReport } from '../pwa/storage';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The privacy page, in plain words, with what Loupe stores on this device right now. */
export function PrivacyButton() {
  return (
    <DialogButton label="Privacy & storage" name="privacy" titleId="privacy-title">
      <PrivacyText />
    </DialogButton>
  );
}

function PrivacyText() {
  const storage = useAppShell((s) => s.storage);
  useEffect(() => {
    void storageReport().then((report) => useAppShell.setState({ storage: report }));
  }, []);
  return (
    <div>
      <h2 id="privacy-title">Privacy and storage</h2>
      <h3>What stays on this device</h3>
      <p>
        Every file you add, the page images, the text read from them and your edits are stored in this browser&apos;s
        storage (IndexedDB) for this site only, with a search index of their words that is updated when a document is
        edited or deleted and cleared by <em>Delete all</em>. Reading happens in this browser: the OCR engine and its models are part
        of Loupe and were downloaded from Loupe&apos;s own site, like the rest of the app. No document, image or text is
        uploaded, and Loupe has no analytics, ads or third-party scripts.
      </p>
      <h3>What can leave it, and only if you ask</h3>
      <p>
        The optional Mistral step is off unless you turn it on with your own API key. When on, it sends the extracted
        text of a receipt — never the image — to Mistral&apos;s chat-completions API, and shows you that text before the
        first send. Downloading a SmolVLM model fetches its files from the model host you choose; nothing of yours is
        sent with that request. The browser itself enforces this: when Loupe opens, it tells the browser to allow
        connections only to Loupe&apos;s own site, the model host in Settings and, only while the Mistral step is on,
        Mistral&apos;s endpoint. Anything else is blocked, by the page and by its background workers.
      </p>
      <h3>Space used</h3>
      {storage ? (
        <dl className="storage" data-testid="storage-report">
          <dt>Documents</dt>
          <dd data-testid="storage-documents">{mb(storage.documents)}</dd>
          <dt>App and OCR engine (for offline use)</dt>
          <dd>{mb(storage.app)}</dd>
          <dt>Downloaded models</dt>
          <dd>{mb(storage.models)}</dd>
          <dt>All of Loupe / allowed by the browser</dt>
          <dd>
            {mb(storage.usage)} / {mb(storage.quota)}
          </dd>
          <dt>Protected from automatic clean-up</dt>
          <dd data-testid="storage-persisted">{storage.persisted ? 'Yes' : 'No'}</dd>
        </dl>
      ) : (
        <p>Measuring…</p>
      )}
      <p>
        {storage?.persisted
          ? 'The browser has promised to keep this data until you delete it.'
          : 'The browser may delete this data if the device runs low on space and Loupe has not been used for a while. Installing Loupe as an app usually protects it. Export anything you need to keep.'}
      </p>
      <h3>How to delete it</h3>
      <p>
        Delete one document with its Delete button, or everything with “Delete all”. Clearing this site&apos;s data in
        the browser&apos;s settings removes documents, the cached app and any downloaded model.
      </p>
    </div>
  );
}
