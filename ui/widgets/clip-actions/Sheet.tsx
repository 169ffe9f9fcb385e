/**
 * The frame of the grid's small sheets (a slot's actions, a new clip): a
 * modal dialog over the grid, at the foot of a phone, in the middle of a
 * tablet. Escape, the close button or a tap beside it closes it; focus goes
 * into it as it opens and back where it was as it closes. A pure view.
 */
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import './clip-actions.css';

export interface SheetProps {
  title: string;
  /** A line under the title (where the slot is). */
  subtitle?: string;
  /** Live's RGB color of what the sheet is about, as a band on its head. */
  accent?: string | null;
  onClose: () => void;
  children: ReactNode;
}

export function Sheet({ title, subtitle, accent = null, onClose, children }: SheetProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('button:not([disabled]), input')?.focus({ preventScroll: true });
    return () => before?.focus({ preventScroll: true });
  }, []);
  const style = accent ? ({ '--ls-sheet-accent': accent } as CSSProperties) : undefined;
  return (
    <div
      className="ls-sheet-backdrop"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className="ls-sheet"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        style={style}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="ls-sheet-head">
          <div className="ls-sheet-titles">
            <h2 className="ls-sheet-title">{title}</h2>
            {subtitle && <p className="ls-sheet-subtitle">{subtitle}</p>}
          </div>
          <button type="button" className="ls-tool ls-sheet-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
