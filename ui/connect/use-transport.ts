/**
 * What the views show of a transport actor, in three selections: the
 * transport bar (changes when a button or the tempo does), the song
 * position (changes many times a second while playing, so the position
 * re-renders its readout alone) and the beat the session grid blinks on
 * (changes twice a beat); and the controls that become its events.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { CuePoint, Notice, TransportMachine } from '../../machines/transport';
import type { CueView } from '../widgets/transport-bar/CueControls';
import type { TransportState } from '../widgets/transport-bar/states';
import { formatSongLength, formatSongPosition } from '../widgets/transport-bar/song-position';
import { sameView } from './same';

/** A running transport machine (the session spawns one). */
export type TransportActor = ActorRefFrom<TransportMachine>;
type TransportSnapshot = SnapshotFrom<TransportMachine>;

/** The bar's part of a transport snapshot (the song position apart). */
export interface TransportView {
  state: TransportState;
  tempo: number;
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  quantization: number;
  loop: boolean;
  /** As a song position (`5.1.1`). */
  loopStart: string;
  /** As Live writes a length (`4.0.0`). */
  loopLength: string;
  punchIn: boolean;
  punchOut: boolean;
  canCaptureMidi: boolean;
  canJumpPrev: boolean;
  canJumpNext: boolean;
  /** The same list while the cues and the signature stay the same. */
  cues: readonly CueView[];
  notice: Notice | null;
  error: string | null;
}

/** The cue lists shown, by the machine's list (kept while it is) and the signature they were written in. */
const shownCues = new WeakMap<readonly CuePoint[], { signature: string; views: readonly CueView[] }>();

/** The cues as the list shows them, with their times as song positions; the same array while nothing shown changed. */
export function cueViews(cues: readonly CuePoint[], numerator: number, denominator: number): readonly CueView[] {
  const signature = `${numerator}/${denominator}`;
  const known = shownCues.get(cues);
  if (known?.signature === signature) return known.views;
  const views = cues.map(({ target, name, time }) => ({
    target,
    name,
    position: time === null ? null : formatSongPosition(time, numerator, denominator),
  }));
  shownCues.set(cues, { signature, views });
  return views;
}

/** The machine's state as the bar shows it, from its tags. */
export function transportStateOf(snapshot: TransportSnapshot): TransportState {
  for (const state of ['failed', 'loading', 'playing'] as const) if (snapshot.hasTag(state)) return state;
  return 'stopped';
}

/** The bar's view of a snapshot: it changes with a button or the tempo, never with the song time. */
export function transportView(snapshot: TransportSnapshot): TransportView {
  const { context } = snapshot;
  const { numerator, denominator } = context;
  return {
    state: transportStateOf(snapshot),
    tempo: context.tempo,
    metronome: context.metronome,
    sessionRecord: context.sessionRecord,
    arrangementRecord: context.arrangementRecord,
    quantization: context.quantization,
    loop: context.loop,
    loopStart: formatSongPosition(context.loopStart, numerator, denominator),
    loopLength: formatSongLength(context.loopLength, numerator, denominator),
    punchIn: context.punchIn,
    punchOut: context.punchOut,
    canCaptureMidi: context.canCaptureMidi,
    canJumpPrev: context.canJumpPrev,
    canJumpNext: context.canJumpNext,
    cues: cueViews(context.cues, numerator, denominator),
    notice: context.notice,
    error: context.error?.message ?? null,
  };
}

/** The bar's controls. */
export interface TransportCallbacks {
  onPlay: () => void;
  onStop: () => void;
  onArrangementRecord: () => void;
  onSessionRecord: () => void;
  onMetronome: () => void;
  onTempo: (bpm: number) => void;
  onTap: () => void;
  onStopAllClips: () => void;
  onQuantization: (value: number) => void;
  onUndo: () => void;
  onRedo: () => void;
  onLoop: () => void;
  onLoopStart: (bars: number) => void;
  onLoopLength: (bars: number) => void;
  onPunchIn: () => void;
  onPunchOut: () => void;
  onCaptureMidi: () => void;
  onPrevCue: () => void;
  onNextCue: () => void;
  onJumpToCue: (target: string) => void;
  onSetOrDeleteCue: () => void;
  onDismissNotice: () => void;
  onRetry: () => void;
}

/** Callbacks that send the transport machine its `ui.*` events. */
export function transportCallbacks(actor: TransportActor): TransportCallbacks {
  return {
    onPlay: () => actor.send({ type: 'ui.play' }),
    onStop: () => actor.send({ type: 'ui.stop' }),
    onArrangementRecord: () => actor.send({ type: 'ui.arrangementRecord' }),
    onSessionRecord: () => actor.send({ type: 'ui.sessionRecord' }),
    onMetronome: () => actor.send({ type: 'ui.metronome' }),
    onTempo: (bpm) => actor.send({ type: 'ui.tempo', bpm }),
    onTap: () => actor.send({ type: 'ui.tap' }),
    onStopAllClips: () => actor.send({ type: 'ui.stopAllClips' }),
    onQuantization: (value) => actor.send({ type: 'ui.quantization', value }),
    onUndo: () => actor.send({ type: 'ui.undo' }),
    onRedo: () => actor.send({ type: 'ui.redo' }),
    onLoop: () => actor.send({ type: 'ui.loop' }),
    onLoopStart: (bars) => actor.send({ type: 'ui.loopStart', bars }),
    onLoopLength: (bars) => actor.send({ type: 'ui.loopLength', bars }),
    onPunchIn: () => actor.send({ type: 'ui.punchIn' }),
    onPunchOut: () => actor.send({ type: 'ui.punchOut' }),
    onCaptureMidi: () => actor.send({ type: 'ui.captureMidi' }),
    onPrevCue: () => actor.send({ type: 'ui.prevCue' }),
    onNextCue: () => actor.send({ type: 'ui.nextCue' }),
    onJumpToCue: (target) => actor.send({ type: 'ui.jumpToCue', target }),
    onSetOrDeleteCue: () => actor.send({ type: 'ui.setOrDeleteCue' }),
    onDismissNotice: () => actor.send({ type: 'ui.dismissNotice' }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
  };
}

/** The bar's view of a transport actor and the controls that send to it, for `TransportBar`. */
export function useTransport(actor: TransportActor): TransportView & TransportCallbacks {
  const view = useSelector(actor, transportView, sameView);
  const callbacks = useMemo(() => transportCallbacks(actor), [actor]);
  return { ...view, ...callbacks };
}

/** The position readout's part of a transport snapshot. */
export interface PositionView {
  state: TransportState;
  /** bars.beats.sixteenths */
  text: string;
}

/** The song position as text: a new value only when the sixteenth (or the state) changes. */
export function positionView(snapshot: TransportSnapshot): PositionView {
  const { songTime, numerator, denominator } = snapshot.context;
  return { state: transportStateOf(snapshot), text: formatSongPosition(songTime, numerator, denominator) };
}

/** The song position of a transport actor, for `SongPosition`. */
export function useSongPosition(actor: TransportActor): PositionView {
  return useSelector(actor, positionView, sameView);
}

/** Which half of the beat the song is in, or null when the transport is stopped. */
export type Beat = 'on' | 'off' | null;

/** Which half of the beat the song is in; null when the transport is not playing. */
export function beatOf(snapshot: TransportSnapshot): Beat {
  if (!snapshot.hasTag('playing')) return null;
  return Math.floor(snapshot.context.songTime * 2) % 2 === 0 ? 'on' : 'off';
}

/** The beat of a transport actor: a new value twice a beat while it plays. */
export function useBeat(actor: TransportActor): Beat {
  return useSelector(actor, beatOf);
}
