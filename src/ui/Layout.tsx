import type { ReactNode } from 'react';
import { useLibrary } from '../store/library';
import { useNavigation } from '../store/navigation';
import { closeDocument } from '../app/document-route';

/**
 * The desktop shows the list and the open document side by side; a phone shows one of them at a time, the
 * document with a Back button of its own (an installed app has no browser back button).
 */
export function Layout({ library, document }: { library: ReactNode; document: ReactNode }) {
  const phone = useNavigation((s) => s.phone);
  const openId = useNavigation((s) => s.openId);
  // A document not (yet) stored shows the list: the route closes itself once the stored documents are known.
  const docOpen = useLibrary((s) => openId !== undefined && s.selectedId === openId && s.documents.some((doc) => doc.id === openId));
  if (!phone)
    return (
      <main className="layout">
        <div className="panel" key="library">
          {library}
        </div>
        <div className="panel" key="document">
          {document}
        </div>
      </main>
    );
  return (
    <main className="layout phone" data-view={docOpen ? 'document' : 'library'}>
      {docOpen ? (
        <div className="panel" key="document">
          <div className="back-bar">
            <button type="button" className="back" data-testid="back" onClick={closeDocument}>
              <span aria-hidden="true">←</span> Documents
            </button>
          </div>
          {document}
        </div>
      ) : (
        <div className="panel" key="library">
          {library}
        </div>
      )}
    </main>
  );
}
