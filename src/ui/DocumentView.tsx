import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord, PageRecord } from '../db';
import { selectSelected, useLibrary } from '../store/library';
import { loupe } from '../app/loupe';
import { ENGINE_INFO, isEngineId } from '../engines/registry';
import { FieldsPanel } from './FieldsPanel';
import { PageRangePicker } from './PageRangePicker';
import { selectShown, useHighlight } from '../store/highlight';
import { linesOfField } from '../library/field-lines';
import { useNavigation } from '../store/navigation';
import { DocumentMenu } from './ExportMenus';
import { PinchZoom } from './PinchZoom';
import { CornerEditor, PageTools } from './PageCorrection';

export function DocumentView() {
  const doc = useLibrary(selectSelected);
  if (!doc) return <p className="empty">Select a document to see its pages and text.</p>;
  return <DocumentDetails key={doc.id} doc={doc} />;
}

function DocumentDetails({ doc }: { doc: DocumentRecord }) {
  const pages = usePages(doc);
  const partial = useLibrary((s) => s.progress[doc.id]?.partial);
  const [copied, setCopied] = useState(false);
  const phone = useNavigation((s) => s.phone);
  const fullText = pages.map(pageText).join('\n\n');
  // The fields form is the heaviest part to mount: rendered from deferred values, React builds it in
  // short slices after the urgent update, so the page never freezes when a document finishes.
  const fieldsDoc = useDeferredValue(doc);
  const fieldsText = useDeferredValue(fullText);
  // A highlight belongs to the document it was asked on.
  useEffect(() => () => useHighlight.setState({ focused: undefined, hovered: undefined }), []);

  return (
    <article className="doc-view" aria-labelledby="doc-title" data-testid="doc-view" data-status={doc.status}>
      <header>
        <h2 id="doc-title">{doc.name}</h2>
        <div className="actions">
          <button
            type="button"
            disabled={!fullText}
            onClick={() =>
              void navigator.clipboard.writeText(fullText).then(
                () => setCopied(true),
                () => loupe.notify('The clipboard is not available here; select the text and copy it instead.'),
              )
            }
          >
            {copied ? 'Copied' : 'Copy text'}
          </button>
          {phone ? (
            <DocumentMenu doc={doc} />
          ) : (
            <>
              <button type="button" onClick={() => void loupe.exportDocuments('json', [doc.id])}>
                JSON
              </button>
              <button type="button" onClick={() => void loupe.exportDocuments('markdown', [doc.id])}>
                Markdown
              </button>
              <button type="button" onClick={() => void loupe.exportDocuments('text', [doc.id])}>
                Text
              </button>
            </>
          )}
        </div>
      </header>
      <PageRangePicker doc={doc} />
      <DeferredFieldsPanel doc={fieldsDoc} text={fieldsText} pages={pages} />
      <div data-testid="doc-text" data-text={fullText}>
        {pages.map((page) => (
          // A page read again (after a correction) is a new page: its text box starts from the new text.
          <PageView key={`${page.index}:${pageImageVersion(page)}:${page.timings.total ?? 0}`} doc={doc} page={page} />
        ))}
        {doc.status === 'reading' && !partial && !pages.length && <p className="muted">Reading…</p>}
        {doc.status === 'queued' && <p className="muted">Waiting for the documents before it.</p>}
        {partial && !pages.some((p) => p.index === partial.index) && (
          <section className="page" aria-live="polite" aria-busy="true">
            <p className="muted">Reading page {partial.index + 1}…</p>
            <pre data-testid="partial-text">{partial.text}</pre>
          </section>
        )}
      </div>
    </article>
  );
}

const DeferredFieldsPanel = memo(FieldsPanel);

function PageView({ doc, page }: { doc: DocumentRecord; page: PageRecord }) {
  const url = usePageImage(doc.id, page.index, pageImageVersion(page));
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(pageText(page));
  const textArea = useRef<HTMLTextAreaElement>(null);
  const selectLine = (line: number) => {
    const area = textArea.current;
    if (!area || !window.getSelection()?.isCollapsed) return;
    // The line's place in the text: after the lines before it, so a line printed twice selects the right one.
    let at = 0;
    for (let i = 0; i <= line && at !== -1; i++) {
      const found = text.indexOf(page.lines[i]!.text, at);
      if (i === line) at = found === -1 ? text.indexOf(page.lines[i]!.text) : found;
      else if (found !== -1) at = found + page.lines[i]!.text.length;
    }
    if (at === -1) return;
    area.focus();
    area.setSelectionRange(at, at + page.lines[line]!.text.length);
  };
  const edited = page.editedText != null;
  const label = `Page ${page.index + 1}`;
  const how =
    page.source === 'text-layer'
      ? 'read from the PDF text layer'
      : `recognized${doc.engine && isEngineId(doc.engine) ? ` by ${ENGINE_INFO[doc.engine].label}` : ''}`;
  return (
    <section className="page" aria-label={label}>
      <figure>
        {editing ? (
          <CornerEditor doc={doc} page={page} onClose={() => setEditing(false)} />
        ) : url ? (
          <PinchZoom>
            <div className="page-image">
              <img src={url} alt={`${label} of ${doc.name}`} />
              <LineLayer doc={doc} page={page} onSelect={selectLine} />
            </div>
          </PinchZoom>
        ) : (
          <div className="muted">Loading image…</div>
        )}
        {!editing && <PageTools doc={doc} page={page} onEdit={() => setEditing(true)} />}
        <figcaption>
          {label} · <span className="source" data-testid="page-source" data-source={page.source}>{how}</span>
          {edited && ' · edited'}
          <GenerationSpeed timings={page.timings} />
          {page.lines.length > 0 && <ShowLinesToggle />}
        </figcaption>
      </figure>
      <label>
        <span className="visually-hidden">Text of {label.toLowerCase()}</span>
        <textarea
          ref={textArea}
          data-testid="page-text"
          value={text}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
            loupe.editPage(doc.id, page.index, event.target.value);
          }}
          onBlur={() => void loupe.flushEdits()}
        />
      </label>
    </section>
  );
}

function ShowLinesToggle() {
  const showLines = useHighlight((s) => s.showLines);
  return (
    <label className="show-lines">
      {' · '}
      <input type="checkbox" data-testid="show-lines" checked={showLines} onChange={(event) => useHighlight.setState({ showLines: event.target.checked })} /> Show lines read
    </label>
  );
}

/**
 * The lines read, laid over the page image where they were found: transparent text that selects and copies like a
 * PDF's text layer, boxes drawn when asked, the shown field's lines highlighted and scrolled to. Screen readers
 * have the same text in the page's text box, so the layer is hidden from them.
 */
function LineLayer({ doc, page, onSelect }: { doc: DocumentRecord; page: PageRecord; onSelect: (line: number) => void }) {
  const showLines = useHighlight((s) => s.showLines);
  const field = useHighlight(selectShown);
  const fields = doc.fields;
  const lit = useMemo(
    () => new Set(field && fields?.source === 'local' ? linesOfField(field, fields.receipt, [page]).map((place) => place.line) : []),
    [field, fields, page],
  );
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    layer.current?.querySelector('[data-highlighted=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [lit]);
  if (!page.width || !page.height) return null;
  const pct = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <div ref={layer} className={`line-layer${showLines ? ' show' : ''}`} aria-hidden="true" data-testid="line-layer">
      {page.lines.map((line, i) => (
        <span
          key={i}
          data-testid="line-box"
          data-line={i}
          data-highlighted={lit.has(i)}
          style={{ left: pct(line.box[0], page.width), top: pct(line.box[1], page.height), width: pct(line.box[2], page.width), height: pct(line.box[3], page.height) }}
          onClick={() => onSelect(i)}
        >
          {line.text}
        </span>
      ))}
    </div>
  );
}

function pageText(page: PageRecord): string {
  return page.editedText ?? page.text;
}

/** Pages of the open document, reloaded from storage whenever the document record changes. */
function usePages(doc: DocumentRecord): PageRecord[] {
  const [pages, setPages] = useState<PageRecord[]>([]);
  useEffect(() => {
    let live = true;
    void loupe.loadPages(doc.id).then((loaded) => {
      if (live) setPages(loaded);
    });
    return () => {
      live = false;
    };
  }, [doc.id, doc.updatedAt]);
  return pages;
}

/** Changes whenever a page is read into a different image (straightened, cropped or turned). */
function pageImageVersion(page: PageRecord): string {
  return `${page.width}x${page.height}:${JSON.stringify(page.geometry ?? null)}`;
}

/** An object URL for a stored page image, revoked when the page leaves the screen or its image changes. */
function usePageImage(docId: string, index: number, version: string): string | undefined {
  const [url, setUrl] = useState<string>();
  const current = useRef<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loupe.loadPageImage(docId, index).then((blob) => {
      if (!live || !blob) return;
      current.current = URL.createObjectURL(blob);
      setUrl(current.current);
    });
    return () => {
      live = false;
      if (current.current) URL.revokeObjectURL(current.current);
    };
  }, [docId, index, version]);
  return url;
}

/** For a page a vision-language model wrote: how long the first token took, and the pace after it. */
function GenerationSpeed({ timings }: { timings: Record<string, number> }) {
  if (!timings.tokens) return null;
  return (
    <span data-testid="page-speed">
      {' · '}first token after {(timings.timeToFirstToken! / 1000).toFixed(1)} s · {timings.tokens} tokens at {timings.tokensPerSecond!.toFixed(1)}/s
    </span>
  );
}
