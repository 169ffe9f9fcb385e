/**
 * The fingers on the roll's notes, turned into intents and viewports.
 *
 * Edit mode, one finger:
 * - on empty space: a tap is `add` there; a drag draws a lasso whose notes
 *   are `select`ed (`replace`; `add` after a long press or with Shift);
 * - on a note: a tap `select`s it (`replace`), or `remove`s it when it is
 *   the one note selected (Shift: `toggle`); a long press `select`s it with
 *   `toggle` (several, one by one); a drag is `grab` (its body, or its start
 *   or end edge), `drag`s by beats and semitones from where it landed, and
 *   `release`, or `cancel` on pointercancel or lost capture. A second finger
 *   while a note is dragged makes the drag `free` (no snapping) while it
 *   stays, as Ctrl or Cmd do.
 *
 * Two fingers (any mode; a finger that has not started a drag or is
 * drawing a lasso joins): pinch and pan, time by the fingers' horizontal
 * spread and rows by their vertical spread, independently. Navigate mode
 * (or Live offline): one finger scrolls. Every finger is captured and
 * followed on its own; the gesture state lives only while a finger is down.
 */
import { useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { TAP_SLOP_PX } from '../../touch/drag-math';
import type { PointerHandlers } from '../../touch/pointer-handlers';
import { rowAt, xToBeat, type RollSize, type RowMap } from './geometry';
import { hitNote, lassoKeys, type NoteHandle, type NoteHit, type PixelRect } from './hit-test';
import type { NoteIndex } from './note-index';
import type { RollIntent, RollViewport } from './roll-types';
import { clampViewport, panBy, zoomAt, type RollBounds } from './viewport';

/** A press held this long (ms) without moving is a long press. */
export const LONG_PRESS_MS = 500;
/** Fingers closer than this (px) along an axis when a pinch starts do not zoom that axis. */
export const MIN_PINCH_SPREAD_PX = 40;

/** What the gestures need to know, as of the last render. */
export interface RollGestureOptions {
  mode: 'edit' | 'navigate';
  /** Notes may be changed (not offline, not loading). */
  editable: boolean;
  view: RollViewport;
  size: RollSize;
  bounds: RollBounds;
  index: NoteIndex;
  rows: RowMap;
  onIntent: (intent: RollIntent) => void;
  onViewport: (view: RollViewport) => void;
}

interface Point {
  x: number;
  y: number;
}

type Gesture =
  | { type: 'press'; id: number; down: Point; hit: NoteHit | null; long: boolean; timer: number }
  | { type: 'grab'; id: number; down: Point; last: Point; handle: NoteHandle; helpers: Set<number>; modifier: boolean }
  | { type: 'lasso'; id: number; down: Point; mode: 'replace' | 'add' }
  | { type: 'pan'; id: number; down: Point; from: RollViewport; view: RollViewport }
  | { type: 'pinch'; ids: [number, number]; centre: Point; spread: Point; from: RollViewport; view: RollViewport };

/** The handlers to spread on the notes' surface, the lasso being drawn, and whether a finger is down. */
export interface RollGestures {
  handlers: PointerHandlers;
  lasso: { rect: PixelRect; mode: 'replace' | 'add' } | null;
  /** Whether a finger is on the roll (following the playhead waits for it). */
  holding: () => boolean;
}

type PointerEvent = ReactPointerEvent<HTMLElement>;

const sameView = (a: RollViewport, b: RollViewport): boolean =>
  a.startBeat === b.startBeat && a.pxPerBeat === b.pxPerBeat && a.topRow === b.topRow && a.rowPx === b.rowPx;
const middle = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const spreadOf = (a: Point, b: Point): Point => ({ x: Math.abs(a.x - b.x), y: Math.abs(a.y - b.y) });

/** The roll's gestures on `options` (read when a finger acts, so they are always the last render's). */
export function useRollGestures(options: RollGestureOptions): RollGestures {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const fingers = useRef(new Map<number, Point>());
  const box = useRef<Point>({ x: 0, y: 0 });
  const gesture = useRef<Gesture | null>(null);
  const sent = useRef('');
  const [lasso, setLasso] = useState<RollGestures['lasso']>(null);

  useLayoutEffect(
    () => () => {
      const held = gesture.current;
      if (held?.type === 'press') clearTimeout(held.timer);
      if (held?.type === 'grab') latest.current.onIntent({ type: 'cancel' });
      gesture.current = null;
      fingers.current.clear();
    },
    [],
  );

  const local = (event: PointerEvent): Point => ({
    x: event.clientX - box.current.x,
    y: event.clientY - box.current.y,
  });
  const intent = (value: RollIntent): void => latest.current.onIntent(value);

  const viewport = (next: RollViewport, held: { view: RollViewport }): void => {
    const { bounds, size, onViewport } = latest.current;
    const clamped = clampViewport(next, bounds, size);
    if (sameView(clamped, held.view)) return;
    held.view = clamped;
    onViewport(clamped);
  };

  const drag = (held: Extract<Gesture, { type: 'grab' }>): void => {
    const { view } = latest.current;
    const beats = (held.last.x - held.down.x) / view.pxPerBeat;
    const semitones = held.handle === 'body' ? Math.round((held.down.y - held.last.y) / view.rowPx) || 0 : 0;
    const free = held.helpers.size > 0 || held.modifier;
    const key = `${beats}/${semitones}/${free}`;
    if (key === sent.current) return;
    sent.current = key;
    intent({ type: 'drag', beats, semitones, free });
  };

  const pinch = (a: number, b: number, from: RollViewport): void => {
    const [pa, pb] = [fingers.current.get(a), fingers.current.get(b)];
    if (!pa || !pb) return;
    gesture.current = {
      type: 'pinch',
      ids: [a, b],
      centre: middle(pa, pb),
      spread: spreadOf(pa, pb),
      from,
      view: from,
    };
  };

  const longPress = (held: Extract<Gesture, { type: 'press' }>): void => {
    if (gesture.current !== held) return;
    held.long = true;
    // a small buzz where there is one (Android): the long press took
    navigator.vibrate?.(12);
    if (held.hit?.inside) intent({ type: 'select', keys: [held.hit.note.key], mode: 'toggle' });
  };

  const start = (id: number, at: Point): void => {
    const { mode, editable, view, index, rows } = latest.current;
    if (mode === 'navigate' || !editable) {
      gesture.current = { type: 'pan', id, down: at, from: view, view };
      return;
    }
    const held: Extract<Gesture, { type: 'press' }> = {
      type: 'press',
      id,
      down: at,
      hit: hitNote(index, rows, view, at.x, at.y),
      long: false,
      timer: 0,
    };
    held.timer = window.setTimeout(() => longPress(held), LONG_PRESS_MS);
    gesture.current = held;
  };

  /** Another finger lands while `held` goes on. */
  const join = (held: Gesture, id: number): void => {
    switch (held.type) {
      case 'press':
        clearTimeout(held.timer);
        pinch(held.id, id, latest.current.view);
        return;
      case 'lasso':
        setLasso(null);
        pinch(held.id, id, latest.current.view);
        return;
      case 'pan':
        pinch(held.id, id, held.view);
        return;
      case 'grab':
        held.helpers.add(id);
        drag(held);
        return;
      case 'pinch':
        return;
      default:
        held satisfies never;
    }
  };

  const move = (held: Gesture, id: number, at: Point, event: PointerEvent): void => {
    switch (held.type) {
      case 'press': {
        if (held.id !== id || Math.hypot(at.x - held.down.x, at.y - held.down.y) <= TAP_SLOP_PX) return;
        clearTimeout(held.timer);
        if (held.hit) {
          const grab = {
            type: 'grab' as const,
            id,
            down: held.down,
            last: at,
            handle: held.hit.handle,
            helpers: new Set<number>(),
            modifier: event.ctrlKey || event.metaKey,
          };
          gesture.current = grab;
          sent.current = '';
          intent({ type: 'grab', key: held.hit.note.key, handle: grab.handle, copy: event.altKey });
          drag(grab);
        } else {
          const mode = held.long || event.shiftKey ? 'add' : 'replace';
          gesture.current = { type: 'lasso', id, down: held.down, mode };
          setLasso({ rect: { x0: held.down.x, y0: held.down.y, x1: at.x, y1: at.y }, mode });
        }
        return;
      }
      case 'grab':
        if (held.id !== id) return;
        held.last = at;
        held.modifier = event.ctrlKey || event.metaKey;
        drag(held);
        return;
      case 'lasso':
        if (held.id === id)
          setLasso({ rect: { x0: held.down.x, y0: held.down.y, x1: at.x, y1: at.y }, mode: held.mode });
        return;
      case 'pan':
        if (held.id === id) viewport(panBy(held.from, at.x - held.down.x, at.y - held.down.y), held);
        return;
      case 'pinch': {
        const [pa, pb] = [fingers.current.get(held.ids[0]), fingers.current.get(held.ids[1])];
        if (!held.ids.includes(id) || !pa || !pb) return;
        const [centre, spread] = [middle(pa, pb), spreadOf(pa, pb)];
        const zooms = (axis: 'x' | 'y', other: 'x' | 'y'): boolean =>
          held.spread[axis] >= MIN_PINCH_SPREAD_PX && held.spread[axis] >= 0.4 * held.spread[other];
        const factorX = zooms('x', 'y') ? Math.max(spread.x, 8) / held.spread.x : 1;
        const factorY = zooms('y', 'x') ? Math.max(spread.y, 8) / held.spread.y : 1;
        const zoomed = zoomAt(held.from, held.centre, factorX, factorY);
        viewport(panBy(zoomed, centre.x - held.centre.x, centre.y - held.centre.y), held);
        return;
      }
      default:
        held satisfies never;
    }
  };

  /** A tap: select or remove the note under it, or add one there. */
  const tap = (held: Extract<Gesture, { type: 'press' }>, event: PointerEvent): void => {
    if (held.long) return;
    const { index, rows, view } = latest.current;
    if (held.hit?.inside) {
      const { note } = held.hit;
      if (event.shiftKey) intent({ type: 'select', keys: [note.key], mode: 'toggle' });
      else if (note.selected && index.selected === 1) intent({ type: 'remove', keys: [note.key] });
      else intent({ type: 'select', keys: [note.key], mode: 'replace' });
      return;
    }
    const pitch = rows.pitchOf(rowAt(view, held.down.y));
    if (pitch !== null) intent({ type: 'add', pitch, beat: xToBeat(view, held.down.x) });
  };

  /** A finger leaves: up (`lifted`), or cancelled. */
  const end = (event: PointerEvent, lifted: boolean): void => {
    const id = event.pointerId;
    if (!fingers.current.has(id)) return;
    fingers.current.delete(id);
    if (event.currentTarget.hasPointerCapture?.(id)) event.currentTarget.releasePointerCapture(id);
    const held = gesture.current;
    if (held === null) return;
    switch (held.type) {
      case 'press':
        if (held.id !== id) return;
        clearTimeout(held.timer);
        gesture.current = null;
        if (lifted) tap(held, event);
        return;
      case 'grab':
        if (held.helpers.delete(id)) {
          drag(held);
          return;
        }
        if (held.id !== id) return;
        gesture.current = null;
        intent({ type: lifted ? 'release' : 'cancel' });
        return;
      case 'lasso': {
        if (held.id !== id) return;
        gesture.current = null;
        setLasso(null);
        if (!lifted) return;
        const { x, y } = local(event);
        const { index, rows, view } = latest.current;
        const rect = { x0: held.down.x, y0: held.down.y, x1: x, y1: y };
        intent({ type: 'select', keys: lassoKeys(index, rows, view, rect), mode: held.mode });
        return;
      }
      case 'pan':
        if (held.id === id) gesture.current = null;
        return;
      case 'pinch': {
        if (!held.ids.includes(id)) return;
        const other = held.ids[0] === id ? held.ids[1] : held.ids[0];
        const at = fingers.current.get(other);
        // the finger left on the roll carries on panning from where the pinch left it
        gesture.current = at ? { type: 'pan', id: other, down: at, from: held.view, view: held.view } : null;
        return;
      }
      default:
        held satisfies never;
    }
  };

  return {
    lasso,
    holding: () => fingers.current.size > 0,
    handlers: {
      onPointerDown(event) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        event.currentTarget.setPointerCapture?.(event.pointerId);
        if (fingers.current.size === 0) {
          const rect = event.currentTarget.getBoundingClientRect();
          box.current = { x: rect.left, y: rect.top };
        }
        const at = local(event);
        fingers.current.set(event.pointerId, at);
        const held = gesture.current;
        if (held === null) start(event.pointerId, at);
        else join(held, event.pointerId);
      },
      onPointerMove(event) {
        if (!fingers.current.has(event.pointerId)) return;
        const at = local(event);
        fingers.current.set(event.pointerId, at);
        const held = gesture.current;
        if (held !== null) move(held, event.pointerId, at, event);
      },
      onPointerUp: (event) => end(event, true),
      onPointerCancel: (event) => end(event, false),
      onLostPointerCapture: (event) => end(event, false),
    },
  };
}
