/**
 * Drum pads that play a Drum Rack through MIDI: the rack's visible pads
 * with their names and notes from Live (or a plain 4x4 grid of notes from
 * C1 when no rack is bound), every finger independent, and note repeat.
 *
 * Bound to a rack, it observes the rack's `visible_drum_pads` (Live changes
 * them when the rack scrolls) and `name`, and each visible pad's `name`,
 * `mute` and `chains` (child observers `pad.<target>.<prop>`, started and stopped as the
 * pads scroll); each pad's `note`, fixed for a pad's life in Live, is read
 * once (`notes.<n>` children).
 *
 * States (parallel):
 * - source: idle (no rack: plain notes), bound {loading, ready}, failed
 *   (retries with backoff, or at once on `ui.retry`), gone (the rack was
 *   deleted). Pads play in idle and ready; leaving ready lifts every finger.
 * - notes: silent, playing (tags `silent`, `playing`).
 * - repeat: off, on {waiting, pulsing} (tag `repeating`): while on, it
 *   observes `live_set tempo`, and held pads strike again at the rate.
 *
 * Events: `ui.padDown` {pointerId, pad, velocity} (`pad` is the place in the
 * grid, 0 bottom-left), `ui.padUp` {pointerId}, `ui.pressure` {pointerId,
 * pressure} (poly aftertouch, 0..127), `ui.repeat` {on}, `ui.rate` {rate},
 * `ui.allOff` (every note off: on cancel, blur, unmount), `ui.retry`,
 * `ui.scroll` {rows} (the pads shown move by rows of four: the rack's
 * `drum_pads_scroll_position` is set in Live, and its new visible pads come
 * back through the observation; a plain grid moves its notes);
 * `live.value` from its observations.
 *
 * MIDI goes to the `midi` effect, invoked as `midi` for the machine's life.
 */
import { assign, enqueueActions, setup, type EventObject } from 'xstate';
import type { JsonValue, MidiMessage } from '../protocol/src/index';
import { effects, errorCode, errorMessage, type LiveValue, type MidiSend } from './effects';
import {
  PAD_OBSERVED,
  firstRow,
  followPads,
  padKey,
  padObserverId,
  padTargets,
  padsKnown,
  parsePadKey,
  plainPads,
  scrolledRow,
  storeNotes,
  storePadValue,
  type DrumPad,
} from './drum-pad-list';
import { press, release, releaseAll, retrigger, strike, type HeldPad, type PadChange } from './drum-fingers';
import { DEFAULT_RATE, isRepeatRate, repeatIntervalMs, type RepeatRate } from './note-repeat';
import { asNumber, asString, observeInvoke, type ObservedProperty } from './observe-invoke';

export interface DrumPadsInput {
  /** The Drum Rack's target (e.g. `id 100`); none for a plain grid of notes. */
  rack?: string | null;
  /** The MIDI channel played on, 0..15. */
  channel?: number;
  rate?: RepeatRate;
}

export interface DrumPadsContext {
  rack: string | null;
  channel: number;
  /** The rack's name in Live. */
  rackName: string;
  /** The pads shown, the first bottom-left. */
  pads: DrumPad[];
  /** The pads whose name, mute and chains are being observed. */
  observed: string[];
  /** Note reads in flight: child id -> the pads it reads. */
  reading: Record<string, string[]>;
  /** Note reads started, to give each its own id. */
  reads: number;
  /** The row a scroll asked Live for, until the rack's new visible pads come back. */
  scrollRow: number | null;
  /** The rack's observations that gave their first value. */
  received: string[];
  held: HeldPad[];
  rate: RepeatRate;
  /** The song's tempo, while note repeat is on (BPM). */
  tempo: number;
  error: { code: string; message: string } | null;
  retries: number;
}

export type DrumPadsEvent =
  | { type: 'ui.padDown'; pointerId: number; pad: number; velocity: number }
  | { type: 'ui.padUp'; pointerId: number }
  | { type: 'ui.pressure'; pointerId: number; pressure: number }
  | { type: 'ui.repeat'; on: boolean }
  | { type: 'ui.rate'; rate: RepeatRate }
  | { type: 'ui.allOff' }
  | { type: 'ui.retry' }
  | { type: 'ui.scroll'; rows: number }
  | LiveValue;

const onRack = (key: string, prop: string): ObservedProperty<DrumPadsContext> => ({
  key,
  prop,
  target: (context) => context.rack ?? '',
});
const TEMPO: ObservedProperty<DrumPadsContext> = { key: 'tempo', prop: 'tempo', target: () => 'live_set' };
const RACK_KEYS = ['pads', 'name'];

const DONE_ACTOR = 'xstate.done.actor.';
const DONE_NOTES = `${DONE_ACTOR}notes.`;
const FAILED_CHILD = ['xstate.error.actor.pad.', 'xstate.error.actor.notes.'];
// a scroll Live refused leaves the pads where they are
const OWN_CHILD_ERROR = [...FAILED_CHILD, 'xstate.error.actor.observe.', 'xstate.error.actor.scroll'];

const clampChannel = (channel: number): number =>
  Math.min(15, Math.max(0, Math.round(Number.isFinite(channel) ? channel : 0)));
const retryDelay = (retries: number): number => Math.min(30_000, 1000 * 2 ** retries);
const errorOf = (event: EventObject): unknown => (event as unknown as { error: unknown }).error;
const failedChild = (event: EventObject): boolean => FAILED_CHILD.some((prefix) => event.type.startsWith(prefix));
const liveKey = (event: EventObject): string | null => (event.type === 'live.value' ? (event as LiveValue).key : null);

/** What the actions below need of XState's `enqueue`. */
interface Enqueue {
  assign: (values: Partial<DrumPadsContext>) => void;
  sendTo: (to: 'midi', event: MidiSend) => void;
}

function play(enqueue: Enqueue, messages: MidiMessage[]): void {
  if (messages.length > 0) enqueue.sendTo('midi', { type: 'midi.send', messages });
}

function applyFingers(enqueue: Enqueue, change: PadChange): void {
  enqueue.assign({ held: change.held });
  play(enqueue, change.messages);
}

const rackGoneOrFailed = [
  { guard: 'isGone' as const, target: '#drumPads.source.gone' },
  { target: '#drumPads.source.failed', actions: 'rememberError' as const },
];

/** Pads before anything came from Live: a plain grid when there is no rack, nothing held, repeat off. */
export function initialDrumPadsContext(input: DrumPadsInput): DrumPadsContext {
  return {
    rack: input.rack ?? null,
    channel: clampChannel(input.channel ?? 0),
    rackName: '',
    pads: input.rack ? [] : plainPads(),
    scrollRow: null,
    observed: [],
    reading: {},
    reads: 0,
    received: [],
    held: [],
    rate: input.rate && isRepeatRate(input.rate) ? input.rate : DEFAULT_RATE,
    tempo: 120,
    error: null,
    retries: 0,
  };
}

export const drumPadsMachine = setup({
  types: {
    context: {} as DrumPadsContext,
    input: {} as DrumPadsInput,
    events: {} as DrumPadsEvent,
  },
  actors: { observe: effects.observe, readEach: effects.readEach, midi: effects.midi, set: effects.set },
  guards: {
    hasRack: ({ context }) => context.rack !== null,
    isGone: ({ event }) => errorCode(errorOf(event)) === 'gone',
    allKnown: ({ context }) => RACK_KEYS.every((key) => context.received.includes(key)) && padsKnown(context.pads),
    someHeld: ({ context }) => context.held.length > 0,
    noneHeld: ({ context }) => context.held.length === 0,
    isPadList: ({ event }) => liveKey(event) === 'pads',
    isRackName: ({ event }) => liveKey(event) === 'name',
    isPadValue: ({ event }) => parsePadKey(liveKey(event) ?? '') !== null,
    isTempo: ({ event }) => liveKey(event) === 'tempo',
    notesRead: ({ event }) => event.type.startsWith(DONE_NOTES),
    padGone: ({ event }) => failedChild(event) && errorCode(errorOf(event)) === 'gone',
    padFailed: ({ event }) => failedChild(event),
    ownChildError: ({ event }) => OWN_CHILD_ERROR.some((prefix) => event.type.startsWith(prefix)),
    turnsOn: ({ event }) => event.type === 'ui.repeat' && event.on,
    turnsOff: ({ event }) => event.type === 'ui.repeat' && !event.on,
  },
  actions: {
    rememberError: assign(({ event }) => ({
      error: { code: errorCode(errorOf(event)), message: errorMessage(errorOf(event)) },
    })),
    resetRack: assign({ pads: [], observed: [], reading: {}, received: [], error: null }),
    /** The rack scrolled (or first said its pads): observe the pads that came into view, stop those that left. */
    followPads: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'live.value') return;
      const targets = padTargets(event.value);
      const { pads, stop, start } = followPads(context.pads, context.observed, targets);
      for (const target of stop) for (const prop of PAD_OBSERVED) enqueue.stopChild(padObserverId(target, prop));
      for (const target of start) {
        for (const prop of PAD_OBSERVED)
          enqueue.spawnChild('observe', {
            id: padObserverId(target, prop),
            input: { target, prop, key: padKey(target, prop) },
          });
      }
      let { reading, reads } = context;
      if (start.length > 0) {
        const id = `notes.${reads}`;
        enqueue.spawnChild('readEach', { id, input: { targets: start, prop: 'note' } });
        reading = { ...reading, [id]: start };
        reads += 1;
      }
      const received = context.received.includes('pads') ? context.received : [...context.received, 'pads'];
      enqueue.assign({ pads, observed: targets, reading, reads, received, scrollRow: null });
    }),
    stopPadChildren: enqueueActions(({ context, enqueue }) => {
      for (const target of context.observed)
        for (const prop of PAD_OBSERVED) enqueue.stopChild(padObserverId(target, prop));
      for (const id of Object.keys(context.reading)) enqueue.stopChild(id);
    }),
    storeRackName: assign(({ context, event }) => ({
      rackName: event.type === 'live.value' ? asString(event.value) : context.rackName,
      received: context.received.includes('name') ? context.received : [...context.received, 'name'],
    })),
    storePadValue: assign(({ context, event }) => {
      const pad = parsePadKey(liveKey(event) ?? '');
      return pad && event.type === 'live.value'
        ? { pads: storePadValue(context.pads, pad.target, pad.prop, event.value) }
        : {};
    }),
    storeNotes: assign(({ context, event }) => {
      const id = event.type.slice(DONE_ACTOR.length);
      const targets = context.reading[id];
      if (!targets) return {};
      const { [id]: _, ...reading } = context.reading;
      return { pads: storeNotes(context.pads, targets, (event as unknown as { output: JsonValue }).output), reading };
    }),
    storeTempo: assign({
      tempo: ({ context, event }) =>
        event.type === 'live.value' ? asNumber(event.value, context.tempo) : context.tempo,
    }),
    strike: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ui.padDown') return;
      const note = context.pads[event.pad]?.note ?? null;
      applyFingers(enqueue, strike(context.held, event.pointerId, event.pad, note, event.velocity, context.channel));
    }),
    release: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.padUp') applyFingers(enqueue, release(context.held, event.pointerId, context.channel));
    }),
    press: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.pressure')
        applyFingers(enqueue, press(context.held, event.pointerId, event.pressure, context.channel));
    }),
    releaseAll: enqueueActions(({ context, enqueue }) =>
      applyFingers(enqueue, releaseAll(context.held, context.channel)),
    ),
    retrigger: enqueueActions(({ context, enqueue }) => play(enqueue, retrigger(context.held, context.channel))),
    /** A plain grid's notes move by rows; nothing held changes (its note off matches its note on). */
    scrollPlain: assign({
      pads: ({ context, event }) => {
        const row = firstRow(context.pads);
        return event.type === 'ui.scroll' && row !== null ? plainPads(scrolledRow(row, event.rows) * 4) : context.pads;
      },
    }),
    /** The rack's pads move in Live: the new visible pads come back through the observation. */
    scrollRack: enqueueActions(({ context, event, enqueue }) => {
      const row = context.scrollRow ?? firstRow(context.pads);
      if (event.type !== 'ui.scroll' || row === null || context.rack === null) return;
      const to = scrolledRow(row, event.rows);
      if (to === row) return;
      // only the latest scroll matters: one before it still in flight is let go
      enqueue.stopChild('scroll');
      enqueue.spawnChild('set', {
        id: 'scroll',
        input: { target: `${context.rack} view`, prop: 'drum_pads_scroll_position', value: to },
      });
      enqueue.assign({ scrollRow: to });
    }),
    setRate: assign({
      rate: ({ context, event }) => (event.type === 'ui.rate' && isRepeatRate(event.rate) ? event.rate : context.rate),
    }),
  },
  delays: {
    retryDelay: ({ context }) => retryDelay(context.retries),
    repeatInterval: ({ context }) => repeatIntervalMs(context.rate, context.tempo),
  },
}).createMachine({
  id: 'drumPads',
  context: ({ input }) => initialDrumPadsContext(input),
  invoke: { id: 'midi', src: 'midi' },
  type: 'parallel',
  on: {
    'ui.padUp': { actions: 'release' },
    'ui.pressure': { actions: 'press' },
    'ui.allOff': { actions: 'releaseAll' },
    'ui.rate': { actions: 'setRate' },
    // an observation's error already on its way when the state that made it was left: nothing to do
    '*': { guard: 'ownChildError' },
  },
  states: {
    source: {
      initial: 'start',
      states: {
        start: { always: [{ guard: 'hasRack', target: 'bound' }, { target: 'idle' }] },
        idle: {
          tags: ['idle'],
          on: { 'ui.padDown': { actions: 'strike' }, 'ui.scroll': { actions: 'scrollPlain' } },
        },
        bound: {
          initial: 'loading',
          entry: 'resetRack',
          exit: 'stopPadChildren',
          invoke: [
            observeInvoke(onRack('pads', 'visible_drum_pads'), rackGoneOrFailed),
            observeInvoke(onRack('name', 'name'), rackGoneOrFailed),
          ],
          on: {
            'live.value': [
              { guard: 'isPadList', actions: 'followPads' },
              { guard: 'isRackName', actions: 'storeRackName' },
              { guard: 'isPadValue', actions: 'storePadValue' },
            ],
            // the pads' own children: notes read, or an observation that ended
            '*': [
              { guard: 'notesRead', actions: 'storeNotes' },
              // a pad deleted: load again, and the rack's own observations say whether it is still there
              { guard: 'padGone', target: 'bound', reenter: true },
              { guard: 'padFailed', target: 'failed', actions: 'rememberError' },
            ],
          },
          states: {
            loading: {
              tags: ['loading'],
              always: { guard: 'allKnown', target: 'ready' },
            },
            ready: {
              tags: ['ready'],
              entry: assign({ retries: 0 }),
              // no note may hang once the pads stop taking fingers
              exit: 'releaseAll',
              on: { 'ui.padDown': { actions: 'strike' }, 'ui.scroll': { actions: 'scrollRack' } },
            },
          },
        },
        failed: {
          tags: ['failed'],
          after: {
            retryDelay: { target: 'bound', actions: assign({ retries: ({ context }) => context.retries + 1 }) },
          },
          on: { 'ui.retry': { target: 'bound', actions: assign({ retries: 0 }) } },
        },
        gone: { tags: ['gone'] },
      },
    },
    notes: {
      initial: 'silent',
      states: {
        silent: { tags: ['silent'], always: { guard: 'someHeld', target: 'playing' } },
        playing: { tags: ['playing'], always: { guard: 'noneHeld', target: 'silent' } },
      },
    },
    repeat: {
      initial: 'off',
      states: {
        off: { on: { 'ui.repeat': { guard: 'turnsOn', target: 'on' } } },
        on: {
          tags: ['repeating'],
          // an unreadable tempo leaves the last one in place: the pads keep repeating
          invoke: observeInvoke(TEMPO, {}),
          on: {
            'ui.repeat': { guard: 'turnsOff', target: 'off' },
            'live.value': { guard: 'isTempo', actions: 'storeTempo' },
          },
          initial: 'waiting',
          states: {
            waiting: { always: { guard: 'someHeld', target: 'pulsing' } },
            pulsing: {
              always: { guard: 'noneHeld', target: 'waiting' },
              after: { repeatInterval: { target: 'pulsing', reenter: true, actions: 'retrigger' } },
            },
          },
        },
      },
    },
  },
});

export type DrumPadsMachine = typeof drumPadsMachine;
