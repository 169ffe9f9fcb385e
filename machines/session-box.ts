/**
 * The session box: the part of the session grid this tablet shows, outlined
 * in Live's Session view as hardware controllers' "red box" is, so the
 * musician at the computer sees what the tablet plays. The grid tells each
 * scroll (`box.moved`); the `sessionBox` effect sends the latest to Live;
 * when the grid goes away (this actor stops), the box is hidden. With several
 * tablets, the bridge shows the box of the one that scrolled last.
 */
import { sendTo, setup } from 'xstate';
import type { SessionBoxArea } from '../protocol/src/index';
import { effects } from './effects';

export interface SessionBoxMovedEvent {
  type: 'box.moved';
  /** Tracks and scenes in view; `null` when none is (an empty set). */
  box: SessionBoxArea | null;
}

export const sessionBoxMachine = setup({
  types: { events: {} as SessionBoxMovedEvent },
  actors: { sessionBox: effects.sessionBox },
}).createMachine({
  id: 'sessionBox',
  invoke: { id: 'outline', src: 'sessionBox' },
  on: {
    'box.moved': { actions: sendTo('outline', ({ event }) => ({ type: 'session.box' as const, box: event.box })) },
  },
});

export type SessionBoxMachine = typeof sessionBoxMachine;

/** A box on the screen (what `getBoundingClientRect` gives), for `visibleBox`. */
export interface ScreenSpan {
  start: number;
  end: number;
}

/**
 * Which tracks and scenes are in view (pure): `view` is the part of the screen
 * the grid shows (its scroller within the window), `columns` the tracks'
 * horizontal spans and `rows` the scenes' vertical spans, in order. A track or
 * scene counts when at least half of it shows; null when none does.
 */
export function visibleBox(
  view: { x: ScreenSpan; y: ScreenSpan },
  columns: readonly ScreenSpan[],
  rows: readonly ScreenSpan[],
): SessionBoxArea | null {
  const shown = (spans: readonly ScreenSpan[], within: ScreenSpan): number[] =>
    spans.flatMap((span, index) => {
      const size = span.end - span.start;
      const overlap = Math.min(span.end, within.end) - Math.max(span.start, within.start);
      return size > 0 && overlap >= size / 2 ? [index] : [];
    });
  const tracks = shown(columns, view.x);
  const scenes = shown(rows, view.y);
  const [firstTrack, lastTrack, firstScene, lastScene] = [tracks[0], tracks.at(-1), scenes[0], scenes.at(-1)];
  if (firstTrack === undefined || lastTrack === undefined || firstScene === undefined || lastScene === undefined)
    return null;
  return {
    track_offset: firstTrack,
    scene_offset: firstScene,
    width: lastTrack - firstTrack + 1,
    height: lastScene - firstScene + 1,
  };
}
