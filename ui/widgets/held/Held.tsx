/**
 * A control another tablet holds: outlined in that tablet's color with its
 * name, and its own touches do nothing, except a long press (held still for
 * `TAKEOVER_MS`), which takes it over deliberately; the other tablet sees
 * that. Around any control without changing its layout (the wrapper has no
 * box of its own). A pure view: the timer is the gesture's.
 */
import { useEffect, useRef, type CSSProperties, type PointerEvent, type ReactNode } from 'react';
import './held.css';

/** The tablet that holds a control: its name and color. */
export interface Holder {
  name: string;
  color: string;
}

/** How long a finger rests on a held control to take it over. */
export const TAKEOVER_MS = 700;
/** How far (px) the finger may wander and still be resting. */
const STILL_PX = 12;

export function Held({
  heldBy,
  onTakeover,
  children,
}: {
  heldBy: Holder | null;
  onTakeover: () => void;
  children: ReactNode;
}) {
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const cancel = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  };
  useEffect(() => cancel, []);
  useEffect(() => {
    if (heldBy === null) cancel();
  }, [heldBy]);
  const down = (event: PointerEvent) => {
    if (heldBy === null) return;
    cancel();
    press.current = {
      x: event.clientX,
      y: event.clientY,
      timer: setTimeout(() => {
        press.current = null;
        onTakeover();
      }, TAKEOVER_MS),
    };
  };
  const move = (event: PointerEvent) => {
    const at = press.current;
    if (at && Math.hypot(event.clientX - at.x, event.clientY - at.y) > STILL_PX) cancel();
  };
  const style = heldBy
    ? ({
        '--ls-held-color': heldBy.color,
        '--ls-held-name': JSON.stringify(`${heldBy.name} holds it`),
      } as CSSProperties)
    : undefined;
  return (
    <div
      className="ls-held"
      data-held={heldBy ? '' : undefined}
      style={style}
      title={heldBy ? `${heldBy.name} holds this: press and hold to take it over` : undefined}
      onPointerDownCapture={down}
      onPointerMoveCapture={move}
      onPointerUpCapture={cancel}
      onPointerCancelCapture={cancel}
    >
      {children}
      {heldBy && (
        <span className="ls-visually-hidden" role="status">
          {heldBy.name} holds this control
        </span>
      )}
    </div>
  );
}
