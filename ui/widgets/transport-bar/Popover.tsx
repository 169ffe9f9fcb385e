/**
 * A button that opens a small panel below it (a chooser, a list, a few
 * steppers), as Live's control bar opens its menus: a tap opens and closes
 * it, a tap anywhere else or Escape closes it, and what is chosen in it may
 * close it (`children` gets `close`). Not modal: the rest of the bar stays
 * usable. A pure view; only whether it is open is its own.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import '../button/button.css';
import './popover.css';

/** A popover's props: its trigger, its panel, and where the panel lies. */
export interface PopoverProps {
  /** The trigger's accessible name. */
  label: string;
  /** What the trigger shows (an icon, a value). */
  face: ReactNode;
  /** The panel's role and accessible name. */
  panelRole?: 'dialog' | 'listbox';
  panelLabel: string;
  /** Not usable now (the transport is loading or failed). */
  disabled?: boolean;
  /** Open at first (stories). */
  defaultOpen?: boolean;
  /** Whether the panel lines up with the trigger's left edge or its right. */
  align?: 'start' | 'end';
  size?: 'small' | 'medium' | 'large';
  className?: string;
  children: (close: () => void) => ReactNode;
}

/** A trigger and its panel (a pure view; open or not is its own). */
export function Popover({
  label,
  face,
  panelRole = 'dialog',
  panelLabel,
  disabled = false,
  defaultOpen = false,
  align = 'start',
  size = 'medium',
  className,
  children,
}: PopoverProps) {
  const [open, setOpen] = useState(defaultOpen && !disabled);
  const wrapper = useRef<HTMLSpanElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const shown = open && !disabled;

  useEffect(() => {
    if (!shown) return undefined;
    // a touch anywhere else closes it, before that touch does its own work
    const outside = (event: PointerEvent): void => {
      if (event.target instanceof Node && wrapper.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [shown]);

  const close = (): void => setOpen(false);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !shown) return;
    event.stopPropagation();
    setOpen(false);
    trigger.current?.focus();
  };

  return (
    <span
      ref={wrapper}
      className={`ls-popover ${className ?? ''}`}
      data-open={shown || undefined}
      onKeyDown={onKeyDown}
    >
      <span className="ls-button-wrap" data-size={size}>
        <button
          ref={trigger}
          type="button"
          className="ls-control ls-button ls-popover-trigger"
          data-on={shown || undefined}
          data-disabled={disabled || undefined}
          aria-label={label}
          aria-haspopup={panelRole}
          aria-expanded={shown}
          aria-controls={shown ? panelId : undefined}
          aria-disabled={disabled || undefined}
          onClick={() => !disabled && setOpen(!open)}
        >
          <span className="ls-button-face">{face}</span>
        </button>
      </span>
      {shown && (
        <div id={panelId} className="ls-popover-panel" data-align={align} role={panelRole} aria-label={panelLabel}>
          {children(close)}
        </div>
      )}
    </span>
  );
}
