/**
 * A track (or a return track, or the master) of the session.
 *
 * States: loading {track, mixer}, ready (parallel regions: strip, arm,
 * clips, mixer {unwatched, watched}, settle), failed, gone.
 *
 * The mixer is loaded only for the views that show it: a page of clips
 * shows no fader, and a track's mixer is a dozen parameters and two meters
 * that move all the time. While a view watches (`ui.watchMixer`, counted,
 * until its `ui.unwatchMixer`), the output meters (left, right) are
 * observed; they are not waited for to call the track settled. The first
 * watch spawns the volume, panning and sends as parameter actors (`volume`,
 * `panning`, `send-0`, ...), so a fader is a parameter like any other
 * (gestures, latest-wins, held updates); they stay once loaded, so a page
 * shown again has its faders at once.
 *
 * A track of the session says at load whether it is a group track
 * (`is_foldable`) and which group holds it (`group_track`): a group's slots
 * launch the clips of its tracks, and hold none of their own.
 *
 * Events: `ui.arm`, `ui.mute`, `ui.solo`, `ui.stopClips`, `ui.watchMixer`,
 * `ui.unwatchMixer`, `ui.retry` (from failed: load again); `live.value`.
 */
import { assign, enqueueActions, not, setup, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { effects, type LiveValue } from './effects';
import {
  asBoolean,
  asNumber,
  asString,
  observeInvoke,
  withReceived,
  type ObservedProperty,
  refTarget,
  refTargets,
} from './observe-invoke';
import { parameterMachine } from './parameter';
import { goneOrFailed, isGone, letGo, rememberedError, type ErrorParams, type Failure } from './retry-cycle';
import type { ReportTo } from './settling';

/** A track of the session, a return track, or the master. */
export type TrackKind = 'track' | 'return' | 'master';

/** Which track, of which kind, and whom to tell once it has its first values. */
export interface TrackInput {
  /** The Track's target, e.g. `id 3`. */
  track: string;
  kind: TrackKind;
  reportTo?: ReportTo;
  /** Its id in the session (for reports). */
  id?: string;
}

/** What a track holds: its values from Live, what it still waits for, what failed. */
export interface TrackContext {
  track: string;
  kind: TrackKind;
  name: string;
  color: number;
  arm: boolean;
  mute: boolean;
  solo: boolean;
  canBeArmed: boolean;
  /** A MIDI track (`has_midi_input`): its clips are MIDI clips, and Live creates empty clips only here. */
  midi: boolean;
  /** A group track (`is_foldable`): its slots hold no clips, they launch its tracks' clips. */
  group: boolean;
  /** The group track that holds this one (`group_track`, e.g. `id 9`); null when none. */
  groupTrack: string | null;
  /** Playing slot index (-2: none), fired slot index (-1: none, -2: stop fired). */
  playingSlot: number;
  firedSlot: number;
  devices: string[];
  /** Output meter levels, left and right (Live's 0..1). */
  meter: [number, number];
  sends: number;
  /** How many views show the mixer now. */
  mixerWatchers: number;
  /** The mixer's parameter actors were spawned (by the first watch since the track loaded). */
  mixerSpawned: boolean;
  received: string[];
  error: Failure | null;
  reportTo: ReportTo;
  id: string;
}

/** The events a track takes (see the file's doc). */
export type TrackEvent =
  | { type: 'ui.arm' }
  | { type: 'ui.mute' }
  | { type: 'ui.solo' }
  | { type: 'ui.stopClips' }
  | { type: 'ui.watchMixer' }
  | { type: 'ui.unwatchMixer' }
  | { type: 'ui.retry' }
  | LiveValue;

type Toggle = 'arm' | 'mute' | 'solo';
/** A toggle or a stop Live refused: the observations keep showing what Live has. */
type CommandError = ErrorActorEvent<unknown, Toggle | 'stopClips'>;

const on = (key: string, prop: string): ObservedProperty<TrackContext> => ({ key, prop, target: (c) => c.track });

/** The observations a track of this kind makes; it is settled when each has given its first value. */
export function expectedKeys(context: Pick<TrackContext, 'kind' | 'canBeArmed'>): string[] {
  const keys = ['name', 'color', 'devices'];
  if (context.kind !== 'master') keys.push('mute', 'solo');
  if (context.canBeArmed) keys.push('arm');
  if (context.kind === 'track') keys.push('playing_slot', 'fired_slot');
  return keys;
}

function stored(context: TrackContext, key: string, value: JsonValue): Partial<TrackContext> {
  switch (key) {
    case 'meter_left':
      return { meter: [asNumber(value), context.meter[1]] };
    case 'meter_right':
      return { meter: [context.meter[0], asNumber(value)] };
    case 'name':
      return { name: asString(value) };
    case 'color':
      return { color: asNumber(value) };
    case 'devices':
      return { devices: refTargets(value) };
    case 'mute':
    case 'solo':
    case 'arm':
      return { [key]: asBoolean(value) };
    case 'playing_slot':
      return { playingSlot: asNumber(value, -2) };
    case 'fired_slot':
      return { firedSlot: asNumber(value, -1) };
    default:
      return {};
  }
}

const goneOrFailedTrack = goneOrFailed('#track.gone', '#track.failed');

/** The track machine (see the file's doc). */
export const trackMachine = setup({
  types: {
    context: {} as TrackContext,
    input: {} as TrackInput,
    events: {} as TrackEvent | CommandError,
    children: {} as { arm: 'set'; mute: 'set'; solo: 'set'; stopClips: 'call' },
  },
  actors: {
    read: effects.read,
    get: effects.get,
    set: effects.set,
    call: effects.call,
    observe: effects.observe,
    parameter: parameterMachine,
  },
  guards: {
    isGone,
    armable: ({ context }) => context.canBeArmed,
    isTrack: ({ context }) => context.kind === 'track',
    hasStrip: ({ context }) => context.kind !== 'master',
    mixerWatched: ({ context }) => context.mixerWatchers > 0,
    allReceived: ({ context }) => expectedKeys(context).every((key) => context.received.includes(key)),
  },
  actions: {
    store: assign(({ context, event }) => {
      if (event.type !== 'live.value') return {};
      const received = withReceived(context.received, event.key);
      return { ...stored(context, event.key, event.value), received };
    }),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    // a command still on its way is let go (its request has gone to Live)
    toggle: enqueueActions(({ context, enqueue }, { prop }: { prop: Toggle }) => {
      enqueue.stopChild(prop);
      enqueue.spawnChild('set', { id: prop, input: { target: context.track, prop, value: !context[prop] } });
    }),
    silenceMeter: assign({ meter: [0, 0] }),
    stopClips: enqueueActions(({ context, enqueue }) => {
      enqueue.stopChild('stopClips');
      enqueue.spawnChild('call', { id: 'stopClips', input: { target: context.track, fn: 'stop_all_clips' } });
    }),
    spawnMixer: enqueueActions(({ context, enqueue }) => {
      if (context.mixerSpawned) return;
      enqueue.assign({ mixerSpawned: true });
      const mixer = `${context.track} mixer_device`;
      enqueue.spawnChild('parameter', { id: 'volume', input: { parameter: `${mixer} volume` } });
      enqueue.spawnChild('parameter', { id: 'panning', input: { parameter: `${mixer} panning` } });
      for (let index = 0; index < context.sends; index += 1) {
        enqueue.spawnChild('parameter', { id: `send-${index}`, input: { parameter: `${mixer} sends ${index}` } });
      }
    }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
}).createMachine({
  id: 'track',
  context: ({ input }) => ({
    track: input.track,
    kind: input.kind,
    name: '',
    color: 0,
    arm: false,
    mute: false,
    solo: false,
    canBeArmed: false,
    midi: false,
    group: false,
    groupTrack: null,
    playingSlot: -2,
    firedSlot: -1,
    devices: [],
    meter: [0, 0],
    sends: 0,
    mixerWatchers: 0,
    mixerSpawned: false,
    received: [],
    error: null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? input.track,
  }),
  initial: 'loading',
  on: {
    // a command Live refused changes nothing: Live's values keep coming through the observations
    ...letGo(['arm', 'mute', 'solo', 'stopClips']),
    'ui.watchMixer': { actions: assign({ mixerWatchers: ({ context }) => context.mixerWatchers + 1 }) },
    'ui.unwatchMixer': { actions: assign({ mixerWatchers: ({ context }) => Math.max(0, context.mixerWatchers - 1) }) },
  },
  states: {
    loading: {
      tags: ['loading'],
      initial: 'track',
      states: {
        track: {
          invoke: {
            id: 'readTrack',
            src: 'read',
            // the name and color too: the grid's headers show them after this first reply, not after
            // the mixer's read and the observations, which queue behind every slot's first request
            input: ({ context }) => ({
              target: context.track,
              props: [
                'can_be_armed',
                'has_midi_input',
                'name',
                'color',
                // only the session's tracks group or are grouped (a return or the master never is)
                ...(context.kind === 'track' ? ['is_foldable', 'group_track'] : []),
              ],
            }),
            onDone: {
              target: 'mixer',
              actions: assign({
                canBeArmed: ({ event }) => event.output.can_be_armed === true,
                midi: ({ event }) => event.output.has_midi_input === true,
                group: ({ event }) => event.output.is_foldable === true,
                groupTrack: ({ event }) => refTarget(event.output.group_track ?? null),
                name: ({ event }) => asString(event.output.name ?? null),
                color: ({ event }) => asNumber(event.output.color ?? null),
              }),
            },
            onError: goneOrFailedTrack,
          },
        },
        mixer: {
          invoke: {
            id: 'readSends',
            src: 'get',
            input: ({ context }) => ({ target: `${context.track} mixer_device`, prop: 'sends' }),
            onDone: {
              target: '#track.ready',
              actions: assign({ sends: ({ event }) => (Array.isArray(event.output) ? event.output.length : 0) }),
            },
            onError: goneOrFailedTrack,
          },
        },
      },
    },
    ready: {
      type: 'parallel',
      invoke: [on('name', 'name'), on('color', 'color'), on('devices', 'devices')].map((observed) =>
        observeInvoke(observed, goneOrFailedTrack),
      ),
      on: {
        'live.value': { actions: 'store' },
        'ui.stopClips': { actions: 'stopClips' },
      },
      states: {
        strip: {
          initial: 'checking',
          states: {
            checking: { always: [{ guard: 'hasStrip', target: 'on' }, { target: 'none' }] },
            on: {
              invoke: [on('mute', 'mute'), on('solo', 'solo')].map((observed) =>
                observeInvoke(observed, goneOrFailedTrack),
              ),
              on: {
                'ui.mute': { actions: { type: 'toggle', params: { prop: 'mute' } } },
                'ui.solo': { actions: { type: 'toggle', params: { prop: 'solo' } } },
              },
            },
            none: {},
          },
        },
        arm: {
          initial: 'checking',
          states: {
            checking: { always: [{ guard: 'armable', target: 'armable' }, { target: 'none' }] },
            armable: {
              invoke: observeInvoke(on('arm', 'arm'), goneOrFailedTrack),
              on: { 'ui.arm': { actions: { type: 'toggle', params: { prop: 'arm' } } } },
            },
            none: {},
          },
        },
        clips: {
          initial: 'checking',
          states: {
            checking: { always: [{ guard: 'isTrack', target: 'slots' }, { target: 'none' }] },
            slots: {
              invoke: [on('playing_slot', 'playing_slot_index'), on('fired_slot', 'fired_slot_index')].map((observed) =>
                observeInvoke(observed, goneOrFailedTrack),
              ),
            },
            none: {},
          },
        },
        mixer: {
          initial: 'unwatched',
          states: {
            unwatched: { always: { guard: 'mixerWatched', target: 'watched' } },
            watched: {
              entry: 'spawnMixer',
              // a meter no view shows stops at silence, and moves from Live's next value when shown again
              exit: 'silenceMeter',
              invoke: [on('meter_left', 'output_meter_left'), on('meter_right', 'output_meter_right')].map(
                // a meter that cannot be read leaves the strip usable: it shows silence
                (observed) => observeInvoke(observed, { actions: 'silenceMeter' }),
              ),
              always: { guard: not('mixerWatched'), target: 'unwatched' },
            },
          },
        },
        settle: {
          initial: 'waiting',
          states: {
            waiting: { always: { guard: 'allReceived', target: 'settled' } },
            settled: { tags: ['settled'], entry: 'reportSettled' },
          },
        },
      },
    },
    failed: {
      tags: ['failed'],
      // the mixer's parameter actors go too: loading spawns them anew
      exit: enqueueActions(({ context, enqueue }) => {
        for (const id of ['volume', 'panning', ...Array.from({ length: context.sends }, (_, index) => `send-${index}`)])
          enqueue.stopChild(id);
        enqueue.assign({ mixerSpawned: false });
      }),
      on: { 'ui.retry': { target: 'loading', actions: assign({ error: null, received: [] }) } },
    },
    gone: { type: 'final', tags: ['gone'] },
  },
});

/** The track machine's type, for actor refs and snapshots. */
export type TrackMachine = typeof trackMachine;
