import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** The menu stays open after it (a first tap that asks for a second). */
  keepOpen?: boolean;
  testId?: string;
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or the arrow keys open it on an item; the arrows, Home and
 * End move between items; Escape closes it back onto its button; Tab or a tap elsewhere closes it.
 */
export function Menu({ label, items, testId }: { label: string; items: MenuItem[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const [focusOn, setFocusOn] = useState<'first' | 'last'>('first');
  const [up, setUp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  // A menu at the foot of the page opens upwards, when there is more room above its button than below.
  useLayoutEffect(() => {
    if (!open || !list.current || !button.current) return setUp(false);
    const { top, bottom } = button.current.getBoundingClientRect();
    setUp(bottom + list.current.offsetHeight > innerHeight && top > innerHeight - bottom);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const found = itemsOf(list.current);
    (focusOn === 'last' ? found.at(-1) : found[0])?.focus();
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, focusOn]);

  const openOn = (where: 'first' | 'last') => {
    setFocusOn(where);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onListKey = (event: KeyboardEvent) => {
    const found = itemsOf(list.current);
    const at = found.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number | undefined> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: found.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
    else if (move[event.key] !== undefined && found.length) {
      event.preventDefault();
      found[(move[event.key]! + found.length) % found.length]!.focus();
    }
  };
  return (
    <div className="menu" ref={root} data-testid={testId}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? setOpen(false) : openOn('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openOn(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div ref={list} id={id} role="menu" aria-label={label} className={`menu-list${up ? ' up' : ''}`} onKeyDown={onListKey}>
          {items.map((item, i) => (
            <button
              key={i}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              data-testid={item.testId}
              onClick={() => {
                item.onSelect();
                if (!item.keepOpen) close();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

const itemsOf = (list: HTMLElement | null) => [...(list?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not(:disabled)') ?? [])];
