/**
 * Live's selection as the Devices page follows it and the Devices and Mixer
 * pages change it: the selected track (`live_set view selected_track`,
 * observable and settable) and that track's selected device
 * (`<track> view selected_device`: observable, not settable; a device is
 * selected with `live_set view select_device(device)`). Selecting is no
 * edit: it is not in Live's undo history, and the perform lock allows it.
 *
 * A device chosen on a track Live has not selected selects its track first:
 * Live shows the devices of the selected track only, and `select_device`
 * leaves the selected track alone (live-script/README.md, "Evidence:
 * selecting a device").
 *
 * States: following {changing, waiting, watching} (tag `following`; `watching`
 * observes the selected track's device), failed (retries with backoff, or at
 * once on `ui.retry`). Events: `ui.selectTrack` {track}, `ui.selectDevice`
 * {device, track}, `ui.retry`; `live.value`.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import {
  lateObservationErrors,
  observeInvoke,
  refTarget,
  type ObservationError,
  type ObservedProperty,
} from './observe-invoke';
import {
  errorMessage,
  errorParams,
  failedState,
  goneOrFailed,
  isGone,
  rememberedError,
  retriedLater,
  retryDelay,
  toFailed,
  type ErrorParams,
  type Failure,
} from './retry-cycle';

/** Which song (`live_set` by default). */
export interface DeviceSelectionInput {
  song?: string;
}

/** What Live has selected, as targets (`id 3`), and what went wrong. */
export interface DeviceSelectionContext {
  song: string;
  /** The selected track (a track, a return or the master), or null before Live said. */
  track: string | null;
  /** The selected track's selected device, or null (a track without devices). */
  device: string | null;
  /** Why Live's selection cannot be followed (the observation of the selected track failed). */
  error: Failure | null;
  /** The last selection Live refused, in words; null once one goes through. */
  refused: string | null;
  retries: number;
}

/** The events the selection takes (see the file's doc). */
export type DeviceSelectionEvent =
  | { type: 'ui.selectTrack'; track: string }
  | { type: 'ui.selectDevice'; device: string; track: string | null }
  | { type: 'ui.retry' }
  | LiveValue;

/** A selection Live refused. */
type SelectError = ErrorActorEvent<unknown, 'select.track' | 'select.device'>;

const SELECTED_TRACK: ObservedProperty<DeviceSelectionContext> = {
  key: 'track',
  prop: 'selected_track',
  target: (context) => `${context.song} view`,
};
const SELECTED_DEVICE: ObservedProperty<DeviceSelectionContext> = {
  key: 'device',
  prop: 'selected_device',
  target: (context) => `${context.track ?? ''} view`,
};

/** A Live object as a call's argument: `id 42` -> `{"$ref": 42}`; null for a target that is no id. */
export function refArgument(target: string): { $ref: number } | null {
  const id = /^id ([1-9]\d*)$/.exec(target)?.[1];
  return id === undefined ? null : { $ref: Number(id) };
}

/** The name of the selection machine's song-view target. */
const viewOf = (context: DeviceSelectionContext): string => `${context.song} view`;

/** The song's selection: the input's type for setup (every field has a default). */
const THE_SONG: DeviceSelectionInput = {};

/** The device selection machine (see the file's doc). */
export const deviceSelectionMachine = setup({
  types: {
    context: {} as DeviceSelectionContext,
    input: THE_SONG,
    events: {} as DeviceSelectionEvent | SelectError | ObservationError,
    children: {} as { 'select.track': 'set'; 'select.device': 'call' },
  },
  actors: { observe: effects.observe, set: effects.set, call: effects.call },
  guards: {
    isGone,
    hasTrack: ({ context }) => context.track !== null,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    refused: assign((_, params: ErrorParams) => ({ refused: errorMessage(params.error) })),
    // the latest tap is the one that counts: a selection still on its way has gone to Live already
    selectTrack: enqueueActions(({ context, enqueue }, params: { track: string }) => {
      const track = refArgument(params.track);
      enqueue.assign({ refused: track ? null : `${params.track} cannot be selected in Live` });
      if (!track) return;
      enqueue.stopChild('select.track');
      enqueue.spawnChild('set', {
        id: 'select.track',
        input: { target: viewOf(context), prop: 'selected_track', value: track },
      });
    }),
    selectDevice: enqueueActions(({ context, enqueue }, params: { device: string; track: string | null }) => {
      const device = refArgument(params.device);
      const track = params.track === null ? null : refArgument(params.track);
      enqueue.assign({ refused: device ? null : `${params.device} cannot be selected in Live` });
      if (!device) return;
      if (track && params.track !== context.track) {
        enqueue.stopChild('select.track');
        enqueue.spawnChild('set', {
          id: 'select.track',
          input: { target: viewOf(context), prop: 'selected_track', value: track },
        });
      }
      enqueue.stopChild('select.device');
      enqueue.spawnChild('call', {
        id: 'select.device',
        input: { target: viewOf(context), fn: 'select_device', args: [device] satisfies JsonValue[] },
      });
    }),
  },
  delays: { retryDelay },
}).createMachine({
  id: 'deviceSelection',
  context: ({ input }) => ({
    song: input.song ?? 'live_set',
    track: null,
    device: null,
    error: null,
    refused: null,
    retries: 0,
  }),
  on: {
    'ui.selectTrack': { actions: { type: 'selectTrack', params: ({ event }) => ({ track: event.track }) } },
    'ui.selectDevice': {
      actions: { type: 'selectDevice', params: ({ event }) => ({ device: event.device, track: event.track }) },
    },
    // Live refused: its selection stays what the observations show, and the page says why
    'xstate.error.actor.select.track': { actions: { type: 'refused', params: errorParams } },
    'xstate.error.actor.select.device': { actions: { type: 'refused', params: errorParams } },
    ...lateObservationErrors([SELECTED_TRACK, SELECTED_DEVICE]),
  },
  initial: 'following',
  states: {
    following: {
      tags: ['following'],
      entry: assign({ error: null }),
      invoke: observeInvoke(SELECTED_TRACK, toFailed('#deviceSelection.failed')),
      on: {
        'live.value': [
          {
            guard: ({ event }) => event.key === 'device',
            actions: assign({ device: ({ event }) => refTarget(event.value) }),
          },
          // another track: its own selected device is observed from now on
          {
            guard: ({ context, event }) => refTarget(event.value) !== context.track,
            target: '.changing',
            actions: assign({ track: ({ event }) => refTarget(event.value), device: null, retries: 0 }),
          },
        ],
      },
      // back from failed, the track known before is watched again at once
      initial: 'changing',
      states: {
        waiting: {},
        changing: { always: [{ guard: 'hasTrack', target: 'watching' }, { target: 'waiting' }] },
        watching: {
          // a selected track deleted meanwhile: Live selects another, and this follows it
          invoke: observeInvoke(SELECTED_DEVICE, goneOrFailed('waiting', '#deviceSelection.failed')),
        },
      },
    },
    failed: failedState('#deviceSelection.following'),
  },
});

/** The device selection machine's type, for actor refs and snapshots. */
export type DeviceSelectionMachine = typeof deviceSelectionMachine;
