/**
 * The frame of the grid's small sheets (a slot's actions, a new clip, a
 * question before a clip is replaced): a modal dialog over the grid, at the
 * foot of a phone, in the middle of a tablet. Escape, the close button or a
 * tap beside it closes it; focus goes into it as it opens (to a question's
 * safe answer first) and back where it was as it closes. A pure view.
 */
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import './clip-actions.css';

export interface SheetProps {
  title: string;
  /** A line under the title (where the slot is). */
  subtitle?: string;
  /** Live's RGB color of what the sheet is about, as a band on its head. */
  accent?: string | null;
  /** A question that must be answered (`alertdialog`, described by `describedBy`), or a sheet of choices. */
  role?: 'dialog' | 'alertdialog';
  /** The id of what the sheet asks or says (its accessible description). */
  describedBy?: string;
  onClose: () => void;
  children: ReactNode;
}

export function Sheet({ title, subtitle, accent = null, role = 'dialog', describedBy, onClose, children }: SheetProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // a question's safe answer is marked `data-autofocus`: Enter never does the harm by accident
    const first =
      dialog.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.current?.querySelector<HTMLElement>('button:not([disabled]), input');
    first?.focus({ preventScroll: true });
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
        role={role}
        aria-modal="true"
        aria-label={title}
        aria-describedby={describedBy}
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
