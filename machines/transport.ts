/**
 * The song's transport: play, stop, tempo, metronome, record, song time.
 *
 * States: live {loading (until the first values), ready {stopped, playing}},
 * failed (`ui.retry` starts over). Events: `ui.play`, `ui.continue`,
 * `ui.stop`, `ui.tempo` {bpm}, `ui.tap`, `ui.metronome`, `ui.sessionRecord`,
 * `ui.arrangementRecord`, `ui.retry`;
 * `live.value` from its observations. A tempo being dragged is shown at once
 * and sent latest-wins; echoes of older tempos it sent are not news.
 */
import { assign, enqueueActions, setup, type ErrorActorEvent } from 'xstate';
import { isStaleEcho, rememberSent } from './echoes';
import { effects, type LiveValue } from './effects';
import { asBoolean, asNumber, observeInvoke, withReceived, type ObservedProperty } from './observe-invoke';
import { letGo, rememberedError, toFailed, type ErrorParams, type Failure } from './retry-cycle';
import type { ReportTo } from './settling';

/** The song's transport as Live says it, and what the transport sent. */
export interface TransportContext {
  song: string;
  playing: boolean;
  tempo: number;
  /** Tempos sent since Live last confirmed one (see echoes.ts). */
  tempoSent: number[];
  metronome: boolean;
  sessionRecord: boolean;
  arrangementRecord: boolean;
  songTime: number;
  numerator: number;
  denominator: number;
  received: string[];
  error: Failure | null;
  reportTo: ReportTo;
  id: string;
}

/** The events the transport takes (see the file's doc). */
export type TransportEvent =
  | { type: 'ui.play' }
  | { type: 'ui.continue' }
  | { type: 'ui.stop' }
  | { type: 'ui.tempo'; bpm: number }
  | { type: 'ui.tap' }
  | { type: 'ui.metronome' }
  | { type: 'ui.sessionRecord' }
  | { type: 'ui.arrangementRecord' }
  | { type: 'ui.retry' }
  | LiveValue;

/** The song's functions the transport calls, each its own child (by the function's name). */
const SONG_CALLS = ['start_playing', 'continue_playing', 'stop_playing', 'tap_tempo'] as const;
type SongCall = (typeof SONG_CALLS)[number];
type SongToggle = 'metronome' | 'session_record' | 'record_mode';

/** A command Live refused: the observations keep showing what Live has. */
type CommandError = ErrorActorEvent<unknown, SongCall | SongToggle | 'tempo'>;

const OBSERVED = [
  ['playing', 'is_playing'],
  ['tempo', 'tempo'],
  ['metronome', 'metronome'],
  ['sessionRecord', 'session_record'],
  ['arrangementRecord', 'record_mode'],
  ['songTime', 'current_song_time'],
  ['numerator', 'signature_numerator'],
  ['denominator', 'signature_denominator'],
] as const;

/** Live's tempo range (BPM). */
export const TEMPO_RANGE = [20, 999] as const;

/** The switches the transport toggles, and their properties in Live. */
const TOGGLES = {
  metronome: 'metronome',
  sessionRecord: 'session_record',
  arrangementRecord: 'record_mode',
} as const satisfies Record<string, SongToggle>;
type ToggleKey = keyof typeof TOGGLES;

/** What the transport reports once every value has come from Live. */
export const TRANSPORT_KEYS: readonly string[] = OBSERVED.map(([key]) => key);

/** The song (`live_set`), and whom to tell once it has its first values. */
export type TransportInput = { song?: string; reportTo?: ReportTo; id?: string };

/** A transport before Live said anything: a new set's defaults. */
export function initialTransportContext(input: TransportInput): TransportContext {
  return {
    song: input.song ?? 'live_set',
    playing: false,
    tempo: 120,
    tempoSent: [],
    metronome: false,
    sessionRecord: false,
    arrangementRecord: false,
    songTime: 0,
    numerator: 4,
    denominator: 4,
    received: [],
    error: null,
    reportTo: input.reportTo ?? null,
    id: input.id ?? 'transport',
  };
}

const onSong = (key: string, prop: string): ObservedProperty<TransportContext> => ({
  key,
  prop,
  target: (c) => c.song,
});
// the observations fail the transport whatever the error (`ui.retry` starts over)
const failed = toFailed('#transport.failed');

/** The set's song, reporting to nobody: the input's type for setup (every field has a default). */
const THE_SONG: TransportInput = {};

/** The transport machine (see the file's doc). */
export const transportMachine = setup({
  types: {
    context: {} as TransportContext,
    input: THE_SONG,
    events: {} as TransportEvent | CommandError,
    children: {} as { [K in SongCall]: 'call' } & { [K in SongToggle]: 'set' } & { tempo: 'setLatest' },
  },
  actors: { call: effects.call, set: effects.set, setLatest: effects.setLatest, observe: effects.observe },
  guards: {
    allReceived: ({ context }) => OBSERVED.every(([key]) => context.received.includes(key)),
    isStaleTempoEcho: ({ context, event }) =>
      event.type === 'live.value' && event.key === 'tempo' && isStaleEcho(context.tempoSent, asNumber(event.value)),
  },
  actions: {
    store: assign(({ context, event }) => {
      if (event.type !== 'live.value') return {};
      const received = withReceived(context.received, event.key);
      const boolean = ['playing', 'metronome', 'sessionRecord', 'arrangementRecord'].includes(event.key);
      // Live's tempo, ours confirmed or another's: nothing of ours is pending any more
      const sent = event.key === 'tempo' ? { tempoSent: [] } : {};
      return { received, ...sent, [event.key]: boolean ? asBoolean(event.value) : asNumber(event.value) };
    }),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    // a command still on its way is let go (its request has gone to Live)
    call: enqueueActions(({ context, enqueue }, params: { fn: SongCall }) => {
      enqueue.stopChild(params.fn);
      enqueue.spawnChild('call', { id: params.fn, input: { target: context.song, fn: params.fn } });
    }),
    toggle: enqueueActions(({ context, enqueue }, params: { key: ToggleKey }) => {
      const prop = TOGGLES[params.key];
      enqueue.stopChild(prop);
      enqueue.spawnChild('set', { id: prop, input: { target: context.song, prop, value: !context[params.key] } });
    }),
    sendTempo: enqueueActions(({ context, enqueue }) => {
      enqueue.stopChild('tempo');
      enqueue.spawnChild('setLatest', {
        id: 'tempo',
        input: { target: context.song, prop: 'tempo', value: context.tempo },
      });
    }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
}).createMachine({
  id: 'transport',
  context: ({ input }) => initialTransportContext(input),
  initial: 'live',
  on: {
    'live.value': [{ guard: 'isStaleTempoEcho' }, { actions: 'store' }],
    // a command Live refused changes nothing: Live's values keep coming through the observations
    ...letGo([...SONG_CALLS, ...Object.values(TOGGLES), 'tempo']),
  },
  states: {
    // the observations live here, so a retry starts them again
    live: {
      invoke: OBSERVED.map(([key, prop]) => observeInvoke(onSong(key, prop), failed)),
      initial: 'loading',
      states: {
        loading: {
          tags: ['loading'],
          always: { guard: 'allReceived', target: 'ready' },
        },
        ready: {
          entry: 'reportSettled',
          initial: 'stopped',
          on: {
            'ui.play': { actions: { type: 'call', params: { fn: 'start_playing' } } },
            'ui.continue': { actions: { type: 'call', params: { fn: 'continue_playing' } } },
            'ui.stop': { actions: { type: 'call', params: { fn: 'stop_playing' } } },
            'ui.tap': { actions: { type: 'call', params: { fn: 'tap_tempo' } } },
            'ui.tempo': {
              actions: [
                assign(({ context, event }) => {
                  const tempo = Math.min(TEMPO_RANGE[1], Math.max(TEMPO_RANGE[0], event.bpm));
                  return { tempo, tempoSent: rememberSent(context.tempoSent, tempo) };
                }),
                'sendTempo',
              ],
            },
            'ui.metronome': { actions: { type: 'toggle', params: { key: 'metronome' } } },
            'ui.sessionRecord': { actions: { type: 'toggle', params: { key: 'sessionRecord' } } },
            'ui.arrangementRecord': { actions: { type: 'toggle', params: { key: 'arrangementRecord' } } },
          },
          states: {
            stopped: { tags: ['stopped'], always: { guard: ({ context }) => context.playing, target: 'playing' } },
            playing: { tags: ['playing'], always: { guard: ({ context }) => !context.playing, target: 'stopped' } },
          },
        },
      },
    },
    failed: {
      tags: ['failed'],
      on: { 'ui.retry': { target: 'live', actions: assign({ error: null, received: [] }) } },
    },
  },
});

/** The transport machine's type, for actor refs and snapshots. */
export type TransportMachine = typeof transportMachine;
