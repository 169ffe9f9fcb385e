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

/** Which tracks and scenes are in view, from the grid's scroll and its cells' size (pure). */
export function visibleBox(view: {
  scrollLeft: number;
  scrollTop: number;
  viewWidth: number;
  viewHeight: number;
  columnWidth: number;
  rowHeight: number;
  tracks: number;
  scenes: number;
}): SessionBoxArea | null {
  const { tracks, scenes, columnWidth, rowHeight } = view;
  if (tracks < 1 || scenes < 1 || columnWidth <= 0 || rowHeight <= 0) return null;
  // a track or scene counts once at least half of it shows
  const first = (scroll: number, size: number, count: number): number =>
    Math.min(count - 1, Math.max(0, Math.round(scroll / size)));
  const last = (scroll: number, extent: number, size: number, count: number): number =>
    Math.min(count - 1, Math.max(0, Math.round((scroll + extent) / size) - 1));
  const track_offset = first(view.scrollLeft, columnWidth, tracks);
  const scene_offset = first(view.scrollTop, rowHeight, scenes);
  const lastTrack = Math.max(track_offset, last(view.scrollLeft, view.viewWidth, columnWidth, tracks));
  const lastScene = Math.max(scene_offset, last(view.scrollTop, view.viewHeight, rowHeight, scenes));
  return { track_offset, scene_offset, width: lastTrack - track_offset + 1, height: lastScene - scene_offset + 1 };
}
