import { useEffect, useRef, useState } from 'react';
import { ScanWithCamera } from './ScanWithCamera';

/** Drag and drop anywhere on the page, a file picker, paste from the clipboard and the camera all feed `onFiles`. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) onFiles(files);
    };
    const paste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('textarea, input')) return;
      const files = [...(event.clipboardData?.files ?? [])];
      if (!files.length) return;
      event.preventDefault();
      onFiles(files.map((file, i) => (file.name && file.name !== 'image.png' ? file : renamePasted(file, i))));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, [onFiles]);

  return (
    <section className={dragging ? 'dropzone dragging' : 'dropzone'} aria-label="Add documents">
      <p>
        <strong>Drop receipts, photos or PDFs here</strong>, paste an image, or{' '}
        <button type="button" className="link" onClick={() => input.current?.click()}>
          choose files
        </button>
        .
      </p>
      <ScanWithCamera onFiles={onFiles} />
      <p className="muted">Everything is read on this device. Nothing is uploaded.</p>
      <input
        ref={input}
        data-testid="file-input"
        type="file"
        multiple
        accept="image/*,application/pdf,.pdf"
        className="visually-hidden"
        aria-label="Choose files to read"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop to read</div>}
    </section>
  );
}

/** Clipboard images all arrive as "image.png"; give each a name the user can tell apart. */
function renamePasted(file: File, index: number): File {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const extension = file.type.split('/')[1] ?? 'png';
  return new File([file], `pasted-${stamp}${index ? `-${index + 1}` : ''}.${extension}`, { type: file.type });
}
