import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { DocumentRecord, PageRecord } from '../db';
import { loupe } from '../app/loupe';
import type { PageCorrection, Rotation } from '../protocol';
import { isConvex, wholeImage, type Point, type Quad } from '../pipeline/image/capture/quad';
import { correctionSummary, cornerAfterKey, pageSourceSize } from './page-correction-state';
import './page-correction.css';

const CORNER_NAMES = ['Top-left', 'Top-right', 'Bottom-right', 'Bottom-left'] as const;

/**
 * What was done to a page (straightened, cropped, turned) and the tools to change it: the corner editor, rotate
 * both ways and Undo. Every change reads the page again; the hook element carries the corners for scripts and tests.
 */
export function PageTools({ doc, page, onEdit }: { doc: DocumentRecord; page: PageRecord; onEdit: () => void }) {
  const history = doc.corrections?.[page.index] ?? [];
  const busy = (doc.status === 'queued' || doc.status === 'reading') && doc.rereadPage === page.index;
  const geometry = page.geometry;
  const corners = geometry?.corners ?? geometry?.detected ?? null;
  const turn = (by: 90 | 270) => void loupe.correctPage(doc.id, page.index, (c) => ({ ...c, rotation: ((c.rotation + by) % 360) as Rotation }));
  return (
    <div
      className="page-tools"
      data-testid="page-corners"
      data-corners={corners ? JSON.stringify(corners.map(({ x, y }) => ({ x: Math.round(x), y: Math.round(y) }))) : ''}
      data-corrected={String(Boolean(geometry?.corners))}
    >
      {corners && geometry && <CornersPreview doc={doc} page={page} corners={corners} onEdit={onEdit} />}
      <span className="muted" aria-live="polite" data-testid="correction-summary">
        {busy ? 'Reading this page again…' : correctionSummary(geometry)}
      </span>
      <span className="page-tools-buttons">
        <button type="button" data-testid="edit-corners" disabled={busy} onClick={onEdit}>
          Corners and crop
        </button>
        <button type="button" data-testid="rotate-left" disabled={busy} aria-label="Turn the page a quarter to the left" onClick={() => turn(270)}>
          ⟲ Rotate
        </button>
        <button type="button" data-testid="rotate-right" disabled={busy} aria-label="Turn the page a quarter to the right" onClick={() => turn(90)}>
          Rotate ⟳
        </button>
        <button type="button" data-testid="undo-correction" disabled={busy || !history.length} onClick={() => void loupe.undoCorrection(doc.id, page.index)}>
          Undo
        </button>
      </span>
    </div>
  );
}

/** The photo as taken, small, with the corners found (or set) drawn on it; a click opens the editor. */
function CornersPreview({ doc, page, corners, onEdit }: { doc: DocumentRecord; page: PageRecord; corners: Quad; onEdit: () => void }) {
  const url = usePageSource(doc.id, page.index, JSON.stringify(page.geometry));
  const size = pageSourceSize(page);
  if (!url) return null;
  return (
    <button type="button" className="corners-preview" onClick={onEdit} aria-label={`Photo as taken, with the page's corners; opens the corner editor`}>
      <img src={url} alt="" />
      <svg viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" aria-hidden="true">
        <polygon points={corners.map((p) => `${p.x},${p.y}`).join(' ')} vectorEffect="non-scaling-stroke" className={page.geometry?.corners ? '' : 'kept'} />
      </svg>
    </button>
  );
}

/**
 * The page before correction with its four corners to drag (mouse, touch, or the arrow keys on a focused corner).
 * Applying cuts the page out along them and reads it again; *Keep the whole page* reads it uncut.
 */
export function CornerEditor({ doc, page, onClose }: { doc: DocumentRecord; page: PageRecord; onClose: () => void }) {
  const size = pageSourceSize(page);
  const url = usePageSource(doc.id, page.index, JSON.stringify(page.geometry));
  const [quad, setQuad] = useState<Quad>(() => page.geometry?.corners ?? page.geometry?.detected ?? wholeImage(size.width, size.height));
  const frame = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const dragging = useRef<number | null>(null);
  const convex = isConvex(quad);
  useEffect(() => first.current?.focus(), [url]);

  const apply = (corners: Quad | null | 'auto') => {
    onClose();
    void loupe.correctPage(doc.id, page.index, (c): PageCorrection => ({ corners, rotation: c.rotation }));
  };
  const moveTo = (corner: number, point: Point) =>
    setQuad((q) => q.map((p, i) => (i === corner ? { x: clamp(point.x, 0, size.width), y: clamp(point.y, 0, size.height) } : p)) as Quad);
  const fromPointer = (event: PointerEvent) => {
    const box = frame.current!.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * size.width, y: ((event.clientY - box.top) / box.height) * size.height };
  };
  const pct = (value: number, of: number) => `${(value / of) * 100}%`;

  return (
    <div className="corner-editor" role="group" aria-labelledby={`corner-editor-${page.index}`}>
      <p id={`corner-editor-${page.index}`} className="muted">
        Drag the corners onto the page's corners (or focus one and use the arrow keys; Shift moves faster). The page is cut out along them, made
        upright and read again.
      </p>
      <div
        ref={frame}
        className="corner-frame"
        onPointerMove={(event) => {
          if (dragging.current !== null) moveTo(dragging.current, fromPointer(event));
        }}
        onPointerUp={() => (dragging.current = null)}
        onPointerCancel={() => (dragging.current = null)}
      >
        {url ? <img src={url} alt={`Page ${page.index + 1} before correction`} draggable={false} /> : <div className="muted">Loading image…</div>}
        <svg viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" aria-hidden="true">
          <polygon points={quad.map((p) => `${p.x},${p.y}`).join(' ')} className={convex ? '' : 'crossed'} vectorEffect="non-scaling-stroke" />
        </svg>
        {quad.map((point, i) => (
          <button
            key={i}
            ref={i === 0 ? first : undefined}
            type="button"
            className="corner-handle"
            data-testid="corner-handle"
            data-corner={i}
            style={{ left: pct(point.x, size.width), top: pct(point.y, size.height) }}
            aria-label={`${CORNER_NAMES[i]} corner, ${Math.round((point.x / size.width) * 100)}% from the left, ${Math.round((point.y / size.height) * 100)}% from the top`}
            onPointerDown={(event) => {
              event.preventDefault();
              frame.current?.setPointerCapture(event.pointerId);
              dragging.current = i;
            }}
            onKeyDown={(event: KeyboardEvent) => {
              const next = cornerAfterKey(point, event.key, event.shiftKey, size);
              if (!next) return;
              event.preventDefault();
              moveTo(i, next);
            }}
          />
        ))}
      </div>
      {!convex && (
        <p className="field-error" role="alert">
          The corners cross: move them so they outline the page.
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="apply-corners" disabled={!convex} onClick={() => apply(quad)}>
          Straighten and read again
        </button>
        <button type="button" data-testid="keep-whole" onClick={() => apply(null)}>
          Keep the whole page
        </button>
        {doc.kind === 'image' && (
          <button type="button" data-testid="find-corners" onClick={() => apply('auto')}>
            Find the corners again
          </button>
        )}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** An object URL for the page before correction, revoked when it leaves the screen or the page is corrected again. */
function usePageSource(docId: string, index: number, version: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    let made: string | undefined;
    void loupe.loadPageSource(docId, index).then((blob) => {
      if (!live || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [docId, index, version]);
  return url;
}
