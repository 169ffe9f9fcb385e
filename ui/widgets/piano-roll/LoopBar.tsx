/**
 * The ruler over the roll: bar numbers (and beats when zoomed in), the loop
 * region with its start and end handles, and the clip's start and end
 * markers. Drag the loop's body to move it, a handle to move one end, a
 * marker to move it: `loop` (or `markers`) intents in raw beats as the
 * finger goes (the editor snaps), then `release`, or `cancel` on
 * pointercancel. Several fingers at once (both loop ends, say) make one
 * gesture. Each handle is a slider for the keyboard too (arrows by the
 * grid, Shift by the bar).
 */
import { memo, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { beatToX } from './geometry';
import { meter, positionText, rulerLabels } from './grid-lines';
import type { RollClip, RollGrid, RollIntent, RollViewport } from './roll-types';
import './piano-roll.css';

export interface LoopBarProps {
  clip: RollClip;
  /** The roll's viewport: only `startBeat` and `pxPerBeat` matter here. */
  viewport: RollViewport;
  /** The ruler's width (the roll's). */
  width: number;
  grid: RollGrid;
  /** No dragging (Live offline, loading). */
  disabled?: boolean;
  onIntent: (intent: RollIntent) => void;
}

/** What a finger can hold on the ruler. */
export type LoopPart = 'loop' | 'loopStart' | 'loopEnd' | 'start' | 'end';

/** The loop's and the markers' beats. */
export interface LoopValues {
  loopStart: number;
  loopEnd: number;
  start: number;
  end: number;
}

/** The shortest loop or clip the ruler makes (beats). */
export const MIN_LENGTH = 1 / 16;

/** `base` with each held part moved by its finger's beats, the ends kept in order. */
export function moved(base: LoopValues, drags: Iterable<{ part: LoopPart; beats: number }>): LoopValues {
  const next = { ...base };
  for (const { part, beats } of drags) {
    if (part === 'loop') {
      next.loopStart += beats;
      next.loopEnd += beats;
    } else if (part === 'loopStart') next.loopStart = Math.min(base.loopStart + beats, next.loopEnd - MIN_LENGTH);
    else if (part === 'loopEnd') next.loopEnd = Math.max(base.loopEnd + beats, next.loopStart + MIN_LENGTH);
    else if (part === 'start') next.start = Math.min(base.start + beats, next.end - MIN_LENGTH);
    else next.end = Math.max(base.end + beats, next.start + MIN_LENGTH);
  }
  return next;
}

const valuesOf = (clip: RollClip): LoopValues => ({
  loopStart: clip.loop.start,
  loopEnd: clip.loop.end,
  start: clip.start,
  end: clip.end,
});

const PART_NAMES: Record<LoopPart, string> = {
  loop: 'Loop',
  loopStart: 'Loop start',
  loopEnd: 'Loop end',
  start: 'Start marker',
  end: 'End marker',
};

const isPart = (value: string | undefined): value is LoopPart => value !== undefined && value in PART_NAMES;

function LoopBarView({ clip, viewport, width, grid, disabled = false, onIntent }: LoopBarProps) {
  const latest = useRef({ viewport, onIntent, clip });
  useLayoutEffect(() => {
    latest.current = { viewport, onIntent, clip };
  });
  /** The fingers on the ruler, the values when the first landed, and whether anything was sent. */
  const held = useRef<{
    base: LoopValues;
    fingers: Map<number, { part: LoopPart; x: number; beats: number }>;
    sent: boolean;
  } | null>(null);

  const send = (values: LoopValues, parts: Iterable<LoopPart>): void => {
    const kinds = new Set([...parts].map((part) => (part === 'start' || part === 'end' ? 'markers' : 'loop')));
    const state = held.current;
    if (state) state.sent = true;
    if (kinds.has('loop')) latest.current.onIntent({ type: 'loop', start: values.loopStart, end: values.loopEnd });
    if (kinds.has('markers')) latest.current.onIntent({ type: 'markers', start: values.start, end: values.end });
  };

  const finish = (event: PointerEvent<HTMLElement>, lifted: boolean): void => {
    const state = held.current;
    if (!state?.fingers.delete(event.pointerId)) return;
    if (event.currentTarget.hasPointerCapture?.(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    // a cancelled finger cancels the whole gesture (the others' part of it went in the same intents)
    if (!lifted) state.fingers.clear();
    if (state.fingers.size > 0) return;
    held.current = null;
    if (state.sent) latest.current.onIntent({ type: lifted ? 'release' : 'cancel' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const part = (event.target as HTMLElement).dataset.part;
    const direction = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[event.key];
    if (disabled || !isPart(part) || direction === undefined || held.current !== null) return;
    event.preventDefault();
    const step = event.shiftKey ? meter(clip.signature).bar : (grid ?? 0.25);
    send(moved(valuesOf(clip), [{ part, beats: direction * step }]), [part]);
    onIntent({ type: 'release' });
  };

  const x = (beat: number): number => beatToX(viewport, beat);
  const [loopX0, loopX1] = [x(clip.loop.start), x(clip.loop.end)];
  const slider = (part: LoopPart, value: number, left: number) => ({
    role: 'slider',
    tabIndex: disabled ? -1 : 0,
    'data-part': part,
    'aria-label': PART_NAMES[part],
    'aria-valuenow': value,
    'aria-valuetext': positionText(value, clip.signature),
    'aria-disabled': disabled || undefined,
    'aria-orientation': 'horizontal' as const,
    style: { transform: `translateX(${left.toFixed(1)}px)` },
  });

  return (
    <div
      className="ls-control ls-roll-ruler"
      role="group"
      aria-label="Loop and markers"
      aria-disabled={disabled || undefined}
      data-loop={clip.loop.on ? 'on' : 'off'}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        const part = (event.target as HTMLElement).closest<HTMLElement>('[data-part]')?.dataset.part;
        if (disabled || !isPart(part) || (event.pointerType === 'mouse' && event.button !== 0)) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture?.(event.pointerId);
        held.current ??= { base: valuesOf(latest.current.clip), fingers: new Map(), sent: false };
        held.current.fingers.set(event.pointerId, { part, x: event.clientX, beats: 0 });
      }}
      onPointerMove={(event) => {
        const state = held.current;
        const finger = state?.fingers.get(event.pointerId);
        if (!state || !finger) return;
        const beats = (event.clientX - finger.x) / latest.current.viewport.pxPerBeat;
        if (beats === finger.beats) return;
        finger.beats = beats;
        send(moved(state.base, state.fingers.values()), [finger.part]);
      }}
      onPointerUp={(event) => finish(event, true)}
      onPointerCancel={(event) => finish(event, false)}
      onLostPointerCapture={(event) => finish(event, false)}
    >
      <div className="ls-roll-ruler-labels" aria-hidden="true">
        {rulerLabels(viewport, width, clip.signature).map((label) => (
          <span
            key={label.beat}
            className="ls-roll-ruler-label"
            data-bar={label.bar || undefined}
            style={{ transform: `translateX(${label.x.toFixed(1)}px)` }}
          >
            {label.text}
          </span>
        ))}
      </div>
      <div
        {...slider('loop', clip.loop.start, loopX0)}
        className="ls-roll-loop"
        aria-valuetext={`${positionText(clip.loop.start, clip.signature)} to ${positionText(clip.loop.end, clip.signature)}`}
        style={{ transform: `translateX(${loopX0.toFixed(1)}px)`, width: Math.max(0, loopX1 - loopX0) }}
      />
      <div {...slider('loopStart', clip.loop.start, loopX0)} className="ls-roll-handle" data-edge="start" />
      <div {...slider('loopEnd', clip.loop.end, loopX1)} className="ls-roll-handle" data-edge="end" />
      <div {...slider('start', clip.start, x(clip.start))} className="ls-roll-marker" data-edge="start" />
      <div {...slider('end', clip.end, x(clip.end))} className="ls-roll-marker" data-edge="end" />
    </div>
  );
}

const sameBar = (a: LoopBarProps, b: LoopBarProps): boolean =>
  a.clip === b.clip &&
  a.width === b.width &&
  a.grid === b.grid &&
  a.disabled === b.disabled &&
  a.onIntent === b.onIntent &&
  a.viewport.startBeat === b.viewport.startBeat &&
  a.viewport.pxPerBeat === b.viewport.pxPerBeat;

/** The ruler with the loop and the markers (a pan across rows does not re-render it). */
export const LoopBar = memo(LoopBarView, sameBar);
