/**
 * The song's transport: play, stop, tempo, metronome, record, song time; and
 * what a musician reaches for beside them: stop all clips, the global launch
 * quantization, Live's undo and redo, the arrangement loop (on/off, start and
 * length by bars), punch in and out, Capture MIDI, and the cue points
 * (previous, next, the list to jump to, set or delete at the song position).
 *
 * States: live {loading (until the first values), ready {stopped, playing}},
 * failed (`ui.retry` starts over). Events: `ui.play`, `ui.continue`,
 * `ui.stop`, `ui.tempo` {bpm}, `ui.tap`, `ui.metronome`, `ui.sessionRecord`,
 * `ui.arrangementRecord`, `ui.stopAllClips`, `ui.quantization` {value},
 * `ui.undo`, `ui.redo`, `ui.loop`, `ui.loopStart` {bars}, `ui.loopLength`
 * {bars}, `ui.punchIn`, `ui.punchOut`, `ui.captureMidi`, `ui.prevCue`,
 * `ui.nextCue`, `ui.jumpToCue` {target}, `ui.setOrDeleteCue`,
 * `ui.dismissNotice`, `ui.retry`; `live.value` from its observations (a
 * cue's name and time from its `cueValues` child). A tempo dragged and a loop
 * stepped are shown at once and sent latest-wins; echoes of older values
 * they sent are not news. Capture MIDI and the cue jumps go only when Live
 * says they can (`can_capture_midi`, `can_jump_to_*_cue`). Live has no
 * listener for `can_undo`/`can_redo`, so undo and redo always go, and what
 * Live answers (its label, or nothing to undo) is told as a notice, as is
 * every command Live refuses; a notice goes after a few seconds.
 */
import { assign, cancel, enqueueActions, setup, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { isStaleEcho, rememberSent } from './echoes';
import { effects, type LiveFailed, type LiveValue } from './effects';
import { asBoolean, asNumber, observeInvoke, withReceived, type ObservedProperty } from './observe-invoke';
import { rememberedError, toFailed, type ErrorParams } from './retry-cycle';
import {
  LATEST,
  TOGGLES,
  historyWords,
  refusals,
  type CommandId,
  type HistoryCall,
  type LatestProp,
  type SongCall,
  type SongToggle,
  type ToggleKey,
} from './transport-commands';
import {
  BOOLEAN_KEYS,
  OBSERVED,
  TEMPO_RANGE,
  cueObservations,
  cuesOf,
  initialTransportContext,
  isCueKey,
  isQuantization,
  steppedLoopLength,
  steppedLoopStart,
  withCueValue,
  type Notice,
  type SentKey,
  type TransportContext,
  type TransportInput,
} from './transport-model';

export {
  QUANTIZATIONS,
  TEMPO_RANGE,
  TRANSPORT_KEYS,
  barBeats,
  initialTransportContext,
  type CuePoint,
  type Notice,
  type TransportContext,
  type TransportInput,
} from './transport-model';

/** How long a notice stays (ms). */
export const NOTICE_MS = 4000;

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
  | { type: 'ui.stopAllClips' }
  | { type: 'ui.quantization'; value: number }
  | { type: 'ui.undo' }
  | { type: 'ui.redo' }
  | { type: 'ui.loop' }
  | { type: 'ui.loopStart'; bars: number }
  | { type: 'ui.loopLength'; bars: number }
  | { type: 'ui.punchIn' }
  | { type: 'ui.punchOut' }
  | { type: 'ui.captureMidi' }
  | { type: 'ui.prevCue' }
  | { type: 'ui.nextCue' }
  | { type: 'ui.jumpToCue'; target: string }
  | { type: 'ui.setOrDeleteCue' }
  | { type: 'ui.dismissNotice' }
  | { type: 'ui.retry' }
  | { type: 'notice.expired' }
  | LiveValue
  | LiveFailed;

/** A command Live refused. */
type CommandError = ErrorActorEvent<unknown, CommandId>;
/** What Live's undo or redo answered (its label). */
type HistoryDone = DoneActorEvent<JsonValue, HistoryCall>;

const onSong = (key: string, prop: string): ObservedProperty<TransportContext> => ({
  key,
  prop,
  target: (c) => c.song,
});
// the observations fail the transport whatever the error (`ui.retry` starts over)
const failed = toFailed('#transport.failed');

/** The set's song, reporting to nobody: the input's type for setup (every field has a default). */
const THE_SONG: TransportInput = {};

const isEcho = (context: TransportContext, key: string, value: JsonValue): boolean =>
  key in LATEST && isStaleEcho(context.sent[key as SentKey], asNumber(value));

/** The transport machine (see the file's doc). */
export const transportMachine = setup({
  types: {
    context: {} as TransportContext,
    input: THE_SONG,
    events: {} as TransportEvent | CommandError | HistoryDone,
    children: {} as { [K in SongCall | HistoryCall | 'jump']: 'call' } & {
      [K in SongToggle | 'clip_trigger_quantization']: 'set';
    } & { [K in LatestProp]: 'setLatest' } & { cueValues: 'observeMany' },
  },
  actors: {
    call: effects.call,
    set: effects.set,
    setLatest: effects.setLatest,
    observe: effects.observe,
    observeMany: effects.observeMany,
  },
  guards: {
    allReceived: ({ context }) => OBSERVED.every(([key]) => context.received.includes(key)),
    isStaleEcho: ({ context, event }) => event.type === 'live.value' && isEcho(context, event.key, event.value),
    canCapture: ({ context }) => context.canCaptureMidi,
    canJumpPrev: ({ context }) => context.canJumpPrev,
    canJumpNext: ({ context }) => context.canJumpNext,
    isQuantization: ({ event }) => event.type === 'ui.quantization' && isQuantization(event.value),
  },
  actions: {
    store: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'live.value') return;
      if (isCueKey(event.key)) {
        enqueue.assign({ cues: withCueValue(context.cues, event.key, event.value) });
        return;
      }
      const received = withReceived(context.received, event.key);
      if (event.key === 'cuePoints') {
        const cues = cuesOf(event.value, context.cues);
        enqueue.assign({ received, cues });
        enqueue.sendTo('cueValues', { type: 'observe.many', observations: cueObservations(cues) });
        return;
      }
      // Live's value, ours confirmed or another's: nothing of ours is pending any more
      const sent = event.key in LATEST ? { sent: { ...context.sent, [event.key]: [] } } : {};
      const value = BOOLEAN_KEYS.has(event.key) ? asBoolean(event.value) : asNumber(event.value);
      enqueue.assign({ received, ...sent, [event.key]: value });
    }),
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    // a command still on its way is let go (its request has gone to Live)
    call: enqueueActions(({ context, enqueue }, params: { fn: SongCall | HistoryCall }) => {
      enqueue.stopChild(params.fn);
      enqueue.spawnChild('call', { id: params.fn, input: { target: context.song, fn: params.fn } });
    }),
    jumpToCue: enqueueActions(({ enqueue }, params: { target: string }) => {
      enqueue.stopChild('jump');
      enqueue.spawnChild('call', { id: 'jump', input: { target: params.target, fn: 'jump' } });
    }),
    toggle: enqueueActions(({ context, enqueue }, params: { key: ToggleKey }) => {
      const prop = TOGGLES[params.key];
      enqueue.stopChild(prop);
      enqueue.spawnChild('set', { id: prop, input: { target: context.song, prop, value: !context[params.key] } });
    }),
    setQuantization: enqueueActions(({ context, enqueue }, params: { value: number }) => {
      enqueue.stopChild('clip_trigger_quantization');
      enqueue.spawnChild('set', {
        id: 'clip_trigger_quantization',
        input: { target: context.song, prop: 'clip_trigger_quantization', value: params.value },
      });
    }),
    // shown at once, remembered as sent, and sent latest-wins
    sendLatest: enqueueActions(({ context, enqueue }, params: { key: SentKey; value: number }) => {
      const prop = LATEST[params.key];
      enqueue.assign({
        [params.key]: params.value,
        sent: { ...context.sent, [params.key]: rememberSent(context.sent[params.key], params.value) },
      });
      enqueue.stopChild(prop);
      enqueue.spawnChild('setLatest', { id: prop, input: { target: context.song, prop, value: params.value } });
    }),
    tell: enqueueActions(({ context, enqueue }, params: Omit<Notice, 'id'>) => {
      enqueue.assign({ notice: { ...params, id: (context.notice?.id ?? 0) + 1 } });
      enqueue.cancel('noticeTimer');
      enqueue.raise({ type: 'notice.expired' }, { id: 'noticeTimer', delay: NOTICE_MS });
    }),
    forgetNotice: assign({ notice: null }),
    reportSettled: enqueueActions(({ context, enqueue }) => {
      if (context.reportTo) enqueue.sendTo(context.reportTo, { type: 'child.settled', id: context.id });
    }),
  },
}).createMachine({
  id: 'transport',
  context: ({ input }) => initialTransportContext(input),
  initial: 'live',
  on: {
    // a cue deleted in Live ends its observations: the cue list that follows leaves it out
    'live.failed': {},
    ...refusals(),
    'xstate.done.actor.undo': {
      actions: { type: 'tell', params: ({ event }) => ({ text: historyWords('undo', event.output), kind: 'info' }) },
    },
    'xstate.done.actor.redo': {
      actions: { type: 'tell', params: ({ event }) => ({ text: historyWords('redo', event.output), kind: 'info' }) },
    },
    'notice.expired': { actions: 'forgetNotice' },
    'ui.dismissNotice': { actions: ['forgetNotice', cancel('noticeTimer')] },
  },
  states: {
    // the observations live here, so a retry starts them again
    live: {
      on: { 'live.value': [{ guard: 'isStaleEcho' }, { actions: 'store' }] },
      invoke: [
        ...OBSERVED.map(([key, prop]) => observeInvoke(onSong(key, prop), failed)),
        // the cues' names and times, told which cues as Live's list changes
        { id: 'cueValues', src: 'observeMany' },
      ],
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
            'ui.stopAllClips': { actions: { type: 'call', params: { fn: 'stop_all_clips' } } },
            'ui.undo': { actions: { type: 'call', params: { fn: 'undo' } } },
            'ui.redo': { actions: { type: 'call', params: { fn: 'redo' } } },
            'ui.captureMidi': { guard: 'canCapture', actions: { type: 'call', params: { fn: 'capture_midi' } } },
            'ui.prevCue': { guard: 'canJumpPrev', actions: { type: 'call', params: { fn: 'jump_to_prev_cue' } } },
            'ui.nextCue': { guard: 'canJumpNext', actions: { type: 'call', params: { fn: 'jump_to_next_cue' } } },
            'ui.setOrDeleteCue': { actions: { type: 'call', params: { fn: 'set_or_delete_cue' } } },
            'ui.jumpToCue': { actions: { type: 'jumpToCue', params: ({ event }) => ({ target: event.target }) } },
            'ui.tempo': {
              actions: {
                type: 'sendLatest',
                params: ({ event }) => ({
                  key: 'tempo',
                  value: Math.min(TEMPO_RANGE[1], Math.max(TEMPO_RANGE[0], event.bpm)),
                }),
              },
            },
            'ui.loopStart': {
              actions: {
                type: 'sendLatest',
                params: ({ context, event }) => ({ key: 'loopStart', value: steppedLoopStart(context, event.bars) }),
              },
            },
            'ui.loopLength': {
              actions: {
                type: 'sendLatest',
                params: ({ context, event }) => ({ key: 'loopLength', value: steppedLoopLength(context, event.bars) }),
              },
            },
            'ui.quantization': {
              guard: 'isQuantization',
              actions: { type: 'setQuantization', params: ({ event }) => ({ value: event.value }) },
            },
            'ui.metronome': { actions: { type: 'toggle', params: { key: 'metronome' } } },
            'ui.sessionRecord': { actions: { type: 'toggle', params: { key: 'sessionRecord' } } },
            'ui.arrangementRecord': { actions: { type: 'toggle', params: { key: 'arrangementRecord' } } },
            'ui.loop': { actions: { type: 'toggle', params: { key: 'loop' } } },
            'ui.punchIn': { actions: { type: 'toggle', params: { key: 'punchIn' } } },
            'ui.punchOut': { actions: { type: 'toggle', params: { key: 'punchOut' } } },
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
