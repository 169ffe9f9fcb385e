/**
 * The fingers on the automation lane, turned into intents and viewports.
 *
 * Edit mode, one finger (when the lane can be drawn on): a stroke, `start`
 * where it lands (with the tool), `move` as it goes, `end` when it lifts,
 * `cancel` on pointercancel, lost capture, or a second finger landing (the
 * two then zoom). Positions are raw beats and values clamped to the lane.
 *
 * Two fingers (any mode): pinch and pan across time only. Navigate mode,
 * or a lane that cannot be drawn on (offline, loading, no parameter): one
 * finger pans. The mouse wheel pans time; with Ctrl or Cmd (a trackpad's
 * pinch) it zooms about the pointer.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import type { RollSize } from '../piano-roll/geometry';
import type { PointerHandlers } from '../../touch/pointer-handlers';
import type { RollBounds } from '../piano-roll/viewport';
import type { EnvelopeIntent, EnvelopeTool, LaneViewport } from './envelope-types';
import { clampLane, panLane, xToBeat, yToValue, zoomLane, type ValueRange } from './lane-geometry';

/** Fingers closer than this (px) across when a pinch starts only pan (as on the roll). */
export const MIN_PINCH_SPREAD_PX = 40;
/** How much a wheel's pixel zooms with Ctrl (a trackpad pinch sends small deltas). */
const WHEEL_ZOOM_PER_PX = 0.0025;

/** What the gestures need to know, as of the last render. */
export interface LaneGestureOptions {
  mode: 'edit' | 'navigate';
  /** A finger may draw (a parameter, Live online, not loading). */
  drawable: boolean;
  tool: EnvelopeTool;
  view: LaneViewport;
  size: RollSize;
  bounds: RollBounds;
  range: ValueRange | null;
  onIntent: (intent: EnvelopeIntent) => void;
  onViewport: (view: LaneViewport) => void;
}

interface Point {
  x: number;
  y: number;
}

type Gesture =
  | { type: 'draw'; id: number }
  | { type: 'pan'; id: number; down: Point; from: LaneViewport; view: LaneViewport }
  | { type: 'pinch'; ids: [number, number]; centre: number; spread: number; from: LaneViewport; view: LaneViewport };

/** The handlers to spread on the lane, where the drawing finger is (null when none) and whether a finger is down. */
export interface LaneGestures {
  handlers: PointerHandlers;
  drawingAt: Point | null;
  holding: () => boolean;
}

type PointerEvent = ReactPointerEvent<HTMLElement>;

/** The lane's gestures on `options`; the wheel is listened to on `box` (not passively: it keeps the page still). */
export function useLaneGestures(options: LaneGestureOptions, box: RefObject<HTMLElement | null>): LaneGestures {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const fingers = useRef(new Map<number, Point>());
  const origin = useRef<Point>({ x: 0, y: 0 });
  const gesture = useRef<Gesture | null>(null);
  const [drawingAt, setDrawingAt] = useState<Point | null>(null);

  useLayoutEffect(
    () => () => {
      if (gesture.current?.type === 'draw') latest.current.onIntent({ type: 'cancel' });
      gesture.current = null;
      fingers.current.clear();
    },
    [],
  );

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const onWheel = (event: WheelEvent): void => {
      const { view, size, bounds, onViewport } = latest.current;
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size.width : 1;
      const rect = element.getBoundingClientRect();
      let next: LaneViewport;
      if (event.ctrlKey || event.metaKey) {
        next = zoomLane(view, event.clientX - rect.left, Math.exp(-event.deltaY * scale * WHEEL_ZOOM_PER_PX));
      } else {
        const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
        if (delta === 0) return;
        next = panLane(view, -delta * scale);
      }
      event.preventDefault();
      const clamped = clampLane(next, bounds, size);
      if (clamped.startBeat !== view.startBeat || clamped.pxPerBeat !== view.pxPerBeat) onViewport(clamped);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [box]);

  const local = (event: PointerEvent): Point => ({
    x: event.clientX - origin.current.x,
    y: event.clientY - origin.current.y,
  });

  const valueAt = (at: Point): { beat: number; value: number } => {
    const { view, size, range } = latest.current;
    return { beat: xToBeat(view, at.x), value: range ? yToValue(at.y, range, size.height) : 0 };
  };

  const viewport = (next: LaneViewport, held: { view: LaneViewport }): void => {
    const { bounds, size, onViewport } = latest.current;
    const clamped = clampLane(next, bounds, size);
    if (clamped.startBeat === held.view.startBeat && clamped.pxPerBeat === held.view.pxPerBeat) return;
    held.view = clamped;
    onViewport(clamped);
  };

  const pinch = (a: number, b: number, from: LaneViewport): void => {
    const [pa, pb] = [fingers.current.get(a), fingers.current.get(b)];
    if (!pa || !pb) return;
    gesture.current = {
      type: 'pinch',
      ids: [a, b],
      centre: (pa.x + pb.x) / 2,
      spread: Math.abs(pa.x - pb.x),
      from,
      view: from,
    };
  };

  const start = (id: number, at: Point): void => {
    const { mode, drawable, view, tool, onIntent } = latest.current;
    if (mode === 'navigate' || !drawable) {
      gesture.current = { type: 'pan', id, down: at, from: view, view };
      return;
    }
    gesture.current = { type: 'draw', id };
    setDrawingAt(at);
    onIntent({ type: 'start', tool, ...valueAt(at) });
  };

  /** Another finger lands while `held` goes on: two fingers zoom (a stroke under way is cancelled). */
  const join = (held: Gesture, id: number): void => {
    if (held.type === 'pinch') return;
    if (held.type === 'draw') {
      setDrawingAt(null);
      latest.current.onIntent({ type: 'cancel' });
      pinch(held.id, id, latest.current.view);
      return;
    }
    pinch(held.id, id, held.view);
  };

  const move = (held: Gesture, id: number, at: Point): void => {
    if (held.type === 'draw') {
      if (held.id !== id) return;
      setDrawingAt(at);
      latest.current.onIntent({ type: 'move', ...valueAt(at) });
    } else if (held.type === 'pan') {
      if (held.id === id) viewport(panLane(held.from, at.x - held.down.x), held);
    } else {
      const [pa, pb] = [fingers.current.get(held.ids[0]), fingers.current.get(held.ids[1])];
      if (!held.ids.includes(id) || !pa || !pb) return;
      const centre = (pa.x + pb.x) / 2;
      const factor = held.spread >= MIN_PINCH_SPREAD_PX ? Math.max(Math.abs(pa.x - pb.x), 8) / held.spread : 1;
      viewport(panLane(zoomLane(held.from, held.centre, factor), centre - held.centre), held);
    }
  };

  /** A finger leaves: up (`lifted`), or cancelled. */
  const end = (event: PointerEvent, lifted: boolean): void => {
    const id = event.pointerId;
    if (!fingers.current.has(id)) return;
    fingers.current.delete(id);
    if (event.currentTarget.hasPointerCapture?.(id)) event.currentTarget.releasePointerCapture(id);
    const held = gesture.current;
    if (held === null) return;
    if (held.type === 'draw') {
      if (held.id !== id) return;
      gesture.current = null;
      setDrawingAt(null);
      latest.current.onIntent({ type: lifted ? 'end' : 'cancel' });
    } else if (held.type === 'pan') {
      if (held.id === id) gesture.current = null;
    } else if (held.ids.includes(id)) {
      const other = held.ids[0] === id ? held.ids[1] : held.ids[0];
      const at = fingers.current.get(other);
      // the finger left carries on panning from where the pinch left the view; it does not draw
      gesture.current = at ? { type: 'pan', id: other, down: at, from: held.view, view: held.view } : null;
    }
  };

  return {
    drawingAt,
    holding: () => fingers.current.size > 0,
    handlers: {
      onPointerDown(event) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.focus({ preventScroll: true });
        event.currentTarget.setPointerCapture?.(event.pointerId);
        if (fingers.current.size === 0) {
          const rect = event.currentTarget.getBoundingClientRect();
          origin.current = { x: rect.left, y: rect.top };
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
        if (held !== null) move(held, event.pointerId, at);
      },
      onPointerUp: (event) => end(event, true),
      onPointerCancel: (event) => end(event, false),
      onLostPointerCapture: (event) => end(event, false),
    },
  };
}
