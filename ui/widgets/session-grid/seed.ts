/**
 * Snapshots of the real clip slot, track and scene machines in a chosen
 * state, for the static stories and the view tests (`resolveState` starts
 * no effects), and the views the connected cells would make of them.
 */
import { getInitialSnapshot } from 'xstate';
import { clipSlotMachine, type ClipSlotContext } from '../../../machines/clip-slot';
import { inertEffects } from '../../../fake-live/fake-live';
import { sceneMachine, type SceneContext } from '../../../machines/scene';
import { trackMachine, type TrackContext } from '../../../machines/track';
import { clipCellView, type ClipCellView } from '../../connect/use-clip-slot';
import { sceneLaunchView, type SceneLaunchView } from '../../connect/use-scene';
import { stopCellView, type StopCellView } from '../../connect/use-track';
import { LIVE_PALETTE } from '../../theme/live-colors';
import type { ClipCellState, SceneLaunchState, StopCellState } from './states';

type ClipSlotStateValue = Parameters<typeof clipSlotMachine.resolveState>[0]['value'];

const readyWith = (
  play: 'stopped' | 'triggered' | 'playing' | 'recording',
  health: 'complete' | 'degraded' = 'complete',
): ClipSlotStateValue => ({
  ready: { setup: 'done', play, health, settle: 'settled' },
});

/** The machine's state for each state a clip cell shows. */
export const CLIP_STATE_VALUES: Record<ClipCellState, ClipSlotStateValue> = {
  empty: { empty: 'settled' },
  checking: 'checking',
  creating: 'creating',
  loading: 'loadingClip',
  stopped: readyWith('stopped'),
  triggered: readyWith('triggered'),
  playing: readyWith('playing'),
  recording: readyWith('recording'),
  failed: 'failed',
  gone: 'gone',
};

/** What Live says of a slot in each state (the context agrees with the state). */
const CLIP_STATE_CONTEXT: Partial<Record<ClipCellState, Partial<ClipSlotContext>>> = {
  triggered: { triggered: true },
  playing: { playingStatus: 1, playingPosition: 3 },
  recording: { playingStatus: 2, playingPosition: 6 },
  failed: { error: { code: 'timeout', message: 'Live did not answer within 30 s' }, retries: 2 },
};

/** A slot holding Beat A, an 8-beat clip in Live's red. */
export const CLIP_CONTEXT: ClipSlotContext = {
  ...getInitialSnapshot(clipSlotMachine.provide({ actors: inertEffects() }), { slot: 'id 1010' }).context,
  clip: 'id 2010',
  name: 'Beat A',
  color: LIVE_PALETTE[14] as number,
  loopStart: 0,
  loopEnd: 8,
  received: ['has_clip', 'playing_status', 'triggered', 'name', 'color', 'loop_start', 'loop_end', 'notes'],
};

const PLAY_STATES = ['stopped', 'triggered', 'playing', 'recording'] as const;
const isPlayState = (state: ClipCellState): state is (typeof PLAY_STATES)[number] =>
  (PLAY_STATES as readonly string[]).includes(state);

/** The slot in `state`; `degraded` (a clip's state only) also when an optional step failed. */
export function clipSlotSnapshot(
  state: ClipCellState,
  context: Partial<ClipSlotContext> = {},
  options: { degraded?: boolean } = {},
) {
  const value = options.degraded && isPlayState(state) ? readyWith(state, 'degraded') : CLIP_STATE_VALUES[state];
  return clipSlotMachine.resolveState({
    value,
    context: { ...CLIP_CONTEXT, ...CLIP_STATE_CONTEXT[state], ...context },
  });
}

/** The clip cell's props for the machine in `state`, as `ClipSlotCell` would pass them. */
export function seedClipCell(
  state: ClipCellState,
  context: Partial<ClipSlotContext> = {},
  options: { degraded?: boolean } = {},
): ClipCellView {
  return clipCellView(clipSlotSnapshot(state, context, options));
}

const TRACK_CONTEXT: TrackContext = {
  ...getInitialSnapshot(trackMachine.provide({ actors: inertEffects() }), { track: 'id 1', kind: 'track' }).context,
  name: 'Drums',
  color: LIVE_PALETTE[15] as number,
  canBeArmed: true,
};

const TRACK_STATE: Record<
  StopCellState,
  { value: Parameters<typeof trackMachine.resolveState>[0]['value']; context?: Partial<TrackContext> }
> = {
  loading: { value: 'loading' },
  stopped: { value: 'ready' },
  playing: { value: 'ready', context: { playingSlot: 0 } },
  stopping: { value: 'ready', context: { playingSlot: 0, firedSlot: -2 } },
  failed: { value: 'failed', context: { error: { code: 'live_error', message: 'Track unreadable' } } },
  gone: { value: 'gone' },
};

/** The Drums track in the state that shows as the stop cell's `state`. */
export function trackSnapshot(state: StopCellState, context: Partial<TrackContext> = {}) {
  const seeded = TRACK_STATE[state];
  return trackMachine.resolveState({
    value: seeded.value,
    context: { ...TRACK_CONTEXT, ...seeded.context, ...context },
  });
}

/** The stop cell's props for the track in `state`, as `TrackStopCell` would pass them. */
export function seedStopCell(state: StopCellState, context: Partial<TrackContext> = {}): StopCellView {
  return stopCellView(trackSnapshot(state, context));
}

const SCENE_CONTEXT: SceneContext = {
  ...getInitialSnapshot(sceneMachine.provide({ actors: inertEffects() }), { scene: 'id 41' }).context,
  name: 'Chorus',
  color: LIVE_PALETTE[22] as number,
};

const SCENE_STATE: Record<
  SceneLaunchState,
  { value: Parameters<typeof sceneMachine.resolveState>[0]['value']; context?: Partial<SceneContext> }
> = {
  loading: { value: 'loading' },
  idle: { value: { ready: 'idle' } },
  triggered: { value: { ready: 'triggered' }, context: { triggered: true } },
  failed: { value: 'failed', context: { error: { code: 'unavailable', message: 'Live is offline' } } },
  gone: { value: 'gone' },
};

/** The Chorus scene in `state`. */
export function sceneSnapshot(state: SceneLaunchState, context: Partial<SceneContext> = {}) {
  const seeded = SCENE_STATE[state];
  return sceneMachine.resolveState({
    value: seeded.value,
    context: { ...SCENE_CONTEXT, ...seeded.context, ...context },
  });
}

/** The button's props for the scene in `state`, as `SceneLaunchButton` would pass them. */
export function seedSceneLaunch(state: SceneLaunchState, context: Partial<SceneContext> = {}): SceneLaunchView {
  return sceneLaunchView(sceneSnapshot(state, context));
}
