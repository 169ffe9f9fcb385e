/**
 * What the transport bar shows of a transport actor, in two selections: the
 * bar itself (changes when a button or the tempo does) and the song
 * position (changes many times a second while playing), so the position
 * re-renders its readout alone.
 */
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { transportMachine } from '../../../machines/transport';
import { formatSongPosition } from './song-position';

type TransportMachine = typeof transportMachine;
/** A running transport machine. */
export type TransportActor = ActorRefFrom<TransportMachine>;
type TransportSnapshot = SnapshotFrom<TransportMachine>;

/** What the bar shows of the machine's states. */
export type TransportState = 'loading' | 'stopped' | 'playing' | 'failed';

/** Every state the bar shows, for stories' controls. */
export const TRANSPORT_STATES: readonly TransportState[] = ['loading', 'stopped', 'playing', 'failed'];

/** The bar's part of a transport snapshot (the song position apart). */
export interface TransportView {
  state: TransportState;
  tempo: number;
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  error: string | null;
}

/** The machine's state as the bar shows it, from its tags. */
export function transportStateOf(snapshot: TransportSnapshot): TransportState {
  for (const state of ['failed', 'loading', 'playing'] as const) if (snapshot.hasTag(state)) return state;
  return 'stopped';
}

/** The bar's view of a snapshot: it changes with a button or the tempo, never with the song time. */
export function transportView(snapshot: TransportSnapshot): TransportView {
  const { context } = snapshot;
  return {
    state: transportStateOf(snapshot),
    tempo: context.tempo,
    metronome: context.metronome,
    sessionRecord: context.sessionRecord,
    arrangementRecord: context.arrangementRecord,
    error: context.error?.message ?? null,
  };
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
