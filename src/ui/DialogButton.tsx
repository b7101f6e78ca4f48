import { useRef, useState, type ReactNode } from 'react';

/**
 * A header button that opens a modal dialog (focus, Escape and the backdrop handled by the browser);
 * its content mounts only while open, so what it measures or loads is fresh each time.
 */
export function DialogButton({ label, name, titleId, children }: { label: string; name: string; titleId: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        data-testid={`${name}-open`}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="sheet" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid={name}>
        {open && children}
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
