/**
 * A button in three kinds. `toggle`: each press flips it (mute, solo, arm,
 * a device's on/off). `momentary`: on while held (a sustain, a cue).
 * `trigger`: acts once per press (play, tap tempo, launch), flashing.
 * Touch acts on the finger's down, not on the click that follows it, so a
 * press is as quick as the finger; Enter and Space work as for any button.
 * A pure view: `on` comes in, presses go out.
 */
import {
  memo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { cssColor, textOn } from '../../theme/live-colors';
import { stateText, takesInput, type ControlState } from '../control-state';
import './button.css';

export type ButtonKind = 'toggle' | 'momentary' | 'trigger';

export interface ButtonProps {
  /** The accessible name, and the text shown when there are no children. */
  label: string;
  kind?: ButtonKind;
  /** Whether it is on (toggle, momentary). */
  on?: boolean;
  state?: ControlState;
  /** The color when on: Live's RGB integer, or a theme variable such as `var(--ls-play)`. */
  color?: number | string | null;
  size?: 'small' | 'medium' | 'large';
  /** Not usable now, for a reason the context makes plain (the first bank has no previous). */
  disabled?: boolean;
  /** An icon or other content in place of the label text. */
  children?: ReactNode;
  /** toggle: the new value; momentary: true on press, false on release. */
  onChange?: (on: boolean) => void;
  /** trigger: each press. */
  onTrigger?: () => void;
  onRetry?: () => void;
}

function colorStyle(color: ButtonProps['color']): CSSProperties | undefined {
  if (color === null || color === undefined) return undefined;
  if (typeof color === 'string') return { '--ls-button-on': color } as CSSProperties;
  return { '--ls-button-on': cssColor(color), '--ls-button-on-text': textOn(color) } as CSSProperties;
}

export const Button = memo(function Button({
  label,
  kind = 'toggle',
  on = false,
  state = 'ready',
  color = null,
  size = 'medium',
  disabled = false,
  children,
  onChange,
  onTrigger,
  onRetry,
}: ButtonProps) {
  const live = takesInput(state) && !disabled;
  const holder = useRef<number | null>(null);
  const [flash, setFlash] = useState(0);
  const [held, setHeld] = useState(false);

  const press = (): void => {
    if (kind === 'toggle') onChange?.(!on);
    else if (kind === 'momentary') onChange?.(true);
    else {
      onTrigger?.();
      setFlash((count) => count + 1);
    }
  };
  const release = (): void => {
    setHeld(false);
    if (kind === 'momentary') onChange?.(false);
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>): void => {
    if (!live || holder.current !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    // no text selection or long-press menu; focus by hand, as the default that would is prevented
    event.preventDefault();
    event.currentTarget.focus({ preventScroll: true });
    event.currentTarget.setPointerCapture?.(event.pointerId);
    holder.current = event.pointerId;
    setHeld(true);
    press();
  };
  const onPointerEnd = (event: PointerEvent<HTMLButtonElement>): void => {
    if (event.pointerId !== holder.current) return;
    holder.current = null;
    release();
  };
  // a click with no pointer before it is the keyboard's (detail 0): pointers acted already
  const onClick = (event: { detail: number }): void => {
    if (live && event.detail === 0 && kind !== 'momentary') press();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (kind !== 'momentary' || event.repeat || (event.key !== ' ' && event.key !== 'Enter')) return;
    event.preventDefault();
    if (live) {
      setHeld(true);
      press();
    }
  };
  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (kind === 'momentary' && (event.key === ' ' || event.key === 'Enter')) release();
  };

  const status = stateText(state);
  const pressed = kind === 'trigger' ? undefined : kind === 'momentary' ? on || held : on;
  return (
    <span className="ls-button-wrap" data-size={size}>
      <button
        type="button"
        className="ls-control ls-button"
        data-kind={kind}
        data-state={state}
        data-disabled={disabled || undefined}
        data-on={(kind !== 'trigger' && on) || undefined}
        data-held={held || undefined}
        aria-label={status ? `${label} (${status})` : label}
        aria-pressed={pressed}
        aria-disabled={!live || undefined}
        aria-busy={state === 'loading' || undefined}
        style={colorStyle(color)}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onLostPointerCapture={onPointerEnd}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      >
        {/* keyed by the press count: each trigger restarts the flash */}
        {kind === 'trigger' && flash > 0 && <span key={flash} className="ls-button-flash" aria-hidden="true" />}
        <span className="ls-button-face">{children ?? label}</span>
      </button>
      {state === 'failed' && onRetry && (
        <button type="button" className="ls-retry ls-button-retry" onClick={onRetry} aria-label={`Retry ${label}`}>
          Retry
        </button>
      )}
    </span>
  );
});
