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
import { assign, enqueueActions, setup, spawnChild } from 'xstate';
import { isStaleEcho, rememberSent } from './echoes';
import { effects, errorCode, errorMessage, type LiveValue } from './effects';
import { asBoolean, asNumber, observeInvoke } from './observe-invoke';
import type { ReportTo } from './settling';

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
  error: { code: string; message: string } | null;
  reportTo: ReportTo;
  id: string;
}

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

export const TEMPO_RANGE = [20, 999] as const;

/** What the transport reports once every value has come from Live. */
export const TRANSPORT_KEYS: readonly string[] = OBSERVED.map(([key]) => key);

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

export const transportMachine = setup({
  types: {
    context: {} as TransportContext,
    input: {} as TransportInput,
    events: {} as TransportEvent,
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
      const received = context.received.includes(event.key) ? context.received : [...context.received, event.key];
      const boolean = ['playing', 'metronome', 'sessionRecord', 'arrangementRecord'].includes(event.key);
      // Live's tempo, ours confirmed or another's: nothing of ours is pending any more
      const sent = event.key === 'tempo' ? { tempoSent: [] } : {};
      return { received, ...sent, [event.key]: boolean ? asBoolean(event.value) : asNumber(event.value) };
    }),
    toggle: enqueueActions(({ context, event, enqueue }) => {
      const [key, prop] =
        event.type === 'ui.metronome'
          ? (['metronome', 'metronome'] as const)
          : event.type === 'ui.sessionRecord'
            ? (['sessionRecord', 'session_record'] as const)
            : (['arrangementRecord', 'record_mode'] as const);
      enqueue.spawnChild('set', { input: { target: context.song, prop, value: !context[key] } });
    }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
}).createMachine({
  id: 'transport',
  context: ({ input }) => initialTransportContext(input),
  initial: 'live',
  on: { 'live.value': [{ guard: 'isStaleTempoEcho' }, { actions: 'store' }] },
  states: {
    // the observations live here, so a retry starts them again
    live: {
      invoke: OBSERVED.map(([key, prop]) =>
        observeInvoke<TransportContext>(
          { key, prop, target: (c) => c.song },
          {
            target: '#transport.failed',
            actions: assign({
              error: ({ event }: { event: { error: unknown } }) => ({
                code: errorCode(event.error),
                message: errorMessage(event.error),
              }),
            }),
          },
        ),
      ),
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
            'ui.play': {
              actions: spawnChild('call', { input: ({ context }) => ({ target: context.song, fn: 'start_playing' }) }),
            },
            'ui.continue': {
              actions: spawnChild('call', {
                input: ({ context }) => ({ target: context.song, fn: 'continue_playing' }),
              }),
            },
            'ui.stop': {
              actions: spawnChild('call', { input: ({ context }) => ({ target: context.song, fn: 'stop_playing' }) }),
            },
            'ui.tap': {
              actions: spawnChild('call', { input: ({ context }) => ({ target: context.song, fn: 'tap_tempo' }) }),
            },
            'ui.tempo': {
              actions: [
                assign(({ context, event }) => {
                  const tempo = Math.min(TEMPO_RANGE[1], Math.max(TEMPO_RANGE[0], event.bpm));
                  return { tempo, tempoSent: rememberSent(context.tempoSent, tempo) };
                }),
                spawnChild('setLatest', {
                  input: ({ context }) => ({ target: context.song, prop: 'tempo', value: context.tempo }),
                }),
              ],
            },
            'ui.metronome': { actions: 'toggle' },
            'ui.sessionRecord': { actions: 'toggle' },
            'ui.arrangementRecord': { actions: 'toggle' },
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

export type TransportMachine = typeof transportMachine;
