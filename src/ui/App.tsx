import { useLibrary } from '../store/library';
import { engineFromUrl } from '../store/settings';
import { loupe } from '../app/loupe';
import { DropZone } from './DropZone';
import { DocumentList } from './DocumentList';
import { DocumentView } from './DocumentView';
import { EngineStatus } from './EngineStatus';
import { QueueBar } from './QueueBar';
import { ModelDownload } from './ModelDownload';
import { ErrorBoundary } from './ErrorBoundary';
import { ConnectionStatus, UpdateBanner } from './ShellStatus';
import { PrivacyButton } from './PrivacyPanel';
import { SettingsButton } from './SettingsPanel';
import { LibraryBar } from './LibraryBar';
import { Overview } from './Overview';
import { useShownDocuments } from './use-shown-documents';
import { useView } from '../store/view';
import { isFiltered } from '../library/query';
import type { ExportFormat } from '../app/export-files';
import { useNavigation } from '../store/navigation';
import { Layout } from './Layout';
import { LibraryMenu } from './ExportMenus';
import './app.css';
// After app.css, so the phone layout's rules win over the desktop's.
import './phone.css';

const urlEngine = engineFromUrl(location.search);
const addFiles = (files: File[]) => void loupe.addFiles(files);

export function App() {
  const notice = useLibrary((s) => s.notice);
  return (
    <ErrorBoundary>
      <header className="app-header">
        <h1>Loupe</h1>
        <EngineStatus override={urlEngine} />
        <div className="tools">
          <ConnectionStatus />
          <SettingsButton />
          <PrivacyButton />
        </div>
      </header>
      <UpdateBanner />
      <ModelDownload />
      {notice && (
        <div className="banner error" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => useLibrary.setState({ notice: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      <Layout
        library={
          <>
            <DropZone onFiles={addFiles} />
            <QueueBar />
            <Library />
          </>
        }
        document={
          <ErrorBoundary>
            <DocumentView />
          </ErrorBoundary>
        }
      />
    </ErrorBoundary>
  );
}

/** Search and filters, the overview, the list, and the exports of what is in view. */
function Library() {
  const count = useLibrary((s) => s.documents.length);
  const shown = useShownDocuments();
  // What the list shows: the filters now, the search as last answered.
  const filtered = useView((s) => isFiltered({ ...s.query, q: s.matchedQuery }));
  const ids = filtered ? shown.map((doc) => doc.id) : undefined;
  const exportAs = (format: ExportFormat) => void loupe.exportDocuments(format, ids);
  const phone = useNavigation((s) => s.phone);
  const scope = filtered ? `The ${shown.length} in view:` : 'All documents:';
  return (
    <>
      <LibraryBar shown={shown.length} />
      {count > 0 && <Overview documents={shown} />}
      <DocumentList shown={shown} />
      {count > 0 && phone && <LibraryMenu scope={scope} disabled={filtered && !shown.length} exportAs={exportAs} />}
      {count > 0 && !phone && (
        <div className="actions" style={{ marginTop: '0.75rem' }}>
          <span className="muted" data-testid="export-scope">
            {scope}
          </span>
          <button type="button" disabled={filtered && !shown.length} onClick={() => exportAs('json')}>
            Export JSON
          </button>
          <button type="button" disabled={filtered && !shown.length} onClick={() => exportAs('markdown')}>
            Markdown
          </button>
          <button type="button" disabled={filtered && !shown.length} onClick={() => exportAs('text')}>
            Text
          </button>
          <button type="button" disabled={filtered && !shown.length} onClick={() => exportAs('receipts-csv')}>
            Receipts CSV
          </button>
          <button type="button" disabled={filtered && !shown.length} onClick={() => exportAs('items-csv')}>
            Line items CSV
          </button>
          <DeleteAll />
        </div>
      )}
    </>
  );
}

function DeleteAll() {
  return (
    <button
      type="button"
      onClick={(event) => {
        const button = event.currentTarget;
        // Two clicks instead of a blocking confirm() dialog.
        if (button.dataset.armed === 'true') void loupe.removeAll();
        else {
          button.dataset.armed = 'true';
          button.textContent = 'Click again to delete all';
          setTimeout(() => {
            button.dataset.armed = 'false';
            button.textContent = 'Delete all';
          }, 4000);
        }
      }}
    >
      Delete all
    </button>
  );
}
