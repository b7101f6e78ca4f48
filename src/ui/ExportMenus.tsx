import { useEffect, useState } from 'react';
import type { DocumentRecord } from '../db';
import { loupe } from '../app/loupe';
import { closeDocument } from '../app/document-route';
import type { ExportFormat } from '../app/export-files';
import { Menu } from './Menu';

/** The phone layout's exports of the documents in view and Delete all, in one menu under the list. */
export function LibraryMenu({ scope, disabled, exportAs }: { scope: string; disabled: boolean; exportAs: (format: ExportFormat) => void }) {
  const [armed, arm] = useArmed();
  const exportItem = (label: string, format: ExportFormat) => ({ label, disabled, onSelect: () => exportAs(format) });
  return (
    <div className="actions menu-row">
      <span className="muted" data-testid="export-scope">
        {scope}
      </span>
      <Menu
        label="Export or delete"
        testId="library-menu"
        items={[
          exportItem('Export JSON', 'json'),
          exportItem('Export Markdown', 'markdown'),
          exportItem('Export text', 'text'),
          exportItem('Receipts CSV', 'receipts-csv'),
          exportItem('Line items CSV', 'items-csv'),
          // Two taps instead of a blocking confirm() dialog, as on the desktop's button.
          armed
            ? { label: 'Tap again to delete all', onSelect: () => void loupe.removeAll() }
            : { label: 'Delete all', keepOpen: true, onSelect: arm },
        ]}
      />
    </div>
  );
}

/** The phone layout's exports of the open document, and its deletion (which returns to the list). */
export function DocumentMenu({ doc }: { doc: DocumentRecord }) {
  return (
    <Menu
      label="Export or delete"
      testId="document-menu"
      items={[
        { label: 'Export JSON', onSelect: () => void loupe.exportDocuments('json', [doc.id]) },
        { label: 'Export Markdown', onSelect: () => void loupe.exportDocuments('markdown', [doc.id]) },
        { label: 'Export text', onSelect: () => void loupe.exportDocuments('text', [doc.id]) },
        {
          label: 'Delete this document',
          onSelect: () => {
            closeDocument();
            void loupe.remove(doc.id);
          },
        },
      ]}
    />
  );
}

/** A first tap that arms for four seconds. */
function useArmed(): [boolean, () => void] {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  return [armed, () => setArmed(true)];
}
