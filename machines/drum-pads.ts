/**
 * Drum pads that play a Drum Rack through MIDI: the rack's visible pads
 * with their names and notes from Live (or a plain 4x4 grid of notes from
 * C1 when no rack is bound), every finger independent, and note repeat.
 *
 * Bound to a rack, it observes the rack's `visible_drum_pads` (Live changes
 * them when the rack scrolls) and `name`, and each visible pad's `name`,
 * `mute` and `chains` (all in one child, `padValues`, told which pads as they
 * scroll); each pad's `note`, fixed for a pad's life in Live, is read once
 * (the child `notes`, one read at a time).
 *
 * States (parallel):
 * - source: idle (no rack: plain notes), bound {loading, ready}, failed
 *   (retries with backoff, or at once on `ui.retry`), gone (the rack was
 *   deleted). Pads play in idle and ready; leaving ready lifts every finger.
 * - notes: silent, playing (tags `silent`, `playing`).
 * - repeat: off, on {waiting, pulsing} (tag `repeating`): while on, it
 *   observes `live_set tempo`, and held pads strike again at the rate.
 *   It starts on when the input says so (`repeat`, a saved setting).
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
import { assign, stopChild, type DoneActorEvent, type ErrorActorEvent } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import type { LiveFailed, LiveValue } from './effects';
import { FIRST_PLAIN_NOTE, plainPads, scrolledRow, type DrumPad } from './drum-pad-list';
import type { HeldPad } from './drum-fingers';
import { drumPadsSetup } from './drum-pads-setup';
import { DEFAULT_RATE, isRepeatRate, type RepeatRate } from './note-repeat';
import { lateObservationErrors, observeInvoke, type ObservationError, type ObservedProperty } from './observe-invoke';
import { errorParams, failedState, goneOrFailed, letGo, toFailed, type Failure } from './retry-cycle';

/** How drum pads start: every field has a default (a plain grid on channel 1). */
export interface DrumPadsInput {
  /** The Drum Rack's target (e.g. `id 100`); none for a plain grid of notes. */
  rack?: string | null;
  /** The MIDI channel played on, 0..15. */
  channel?: number;
  /** Note repeat's rate. */
  rate?: RepeatRate;
  /** Whether note repeat starts on (a saved setting). */
  repeat?: boolean;
  /** The row (of four notes) a plain grid starts on; C1's (9) by default. A rack scrolls as Live has it. */
  plainRow?: number;
}

/** What the drum pads hold: the pads shown, the fingers down, the rack's state in Live. */
export interface DrumPadsContext {
  rack: string | null;
  channel: number;
  /** The rack's name in Live. */
  rackName: string;
  /** The pads shown, the first bottom-left. */
  pads: DrumPad[];
  /** The pads whose name, mute and chains are being observed. */
  observed: string[];
  /** The pads whose notes the read in flight (the child `notes`) asks for. */
  reading: string[];
  /** The row a scroll asked Live for, until the rack's new visible pads come back. */
  scrollRow: number | null;
  /** The rack's observations that gave their first value. */
  received: string[];
  held: HeldPad[];
  rate: RepeatRate;
  /** Whether note repeat was on when the pads started (a saved setting). */
  repeatAtStart: boolean;
  /** The song's tempo, while note repeat is on (BPM). */
  tempo: number;
  error: Failure | null;
  retries: number;
}

/** The events the drum pads take (see the file's doc). */
export type DrumPadsEvent =
  | { type: 'ui.padDown'; pointerId: number; pad: number; velocity: number }
  | { type: 'ui.padUp'; pointerId: number }
  | { type: 'ui.pressure'; pointerId: number; pressure: number }
  | { type: 'ui.repeat'; on: boolean }
  /** A `RepeatRate`; anything else (a rate from a saved setting, say) is ignored. */
  | { type: 'ui.rate'; rate: string }
  | { type: 'ui.allOff' }
  | { type: 'ui.retry' }
  | { type: 'ui.scroll'; rows: number }
  | LiveValue;

/**
 * What the pads hear of their children besides values: a pad's observation
 * that failed (`padValues`), the notes read, a scroll Live refused, an
 * observation's late error.
 */
export type DrumPadsOutcome =
  LiveFailed | DoneActorEvent<JsonValue[], 'notes'> | ErrorActorEvent<unknown, 'notes' | 'scroll'> | ObservationError;

const onRack = (key: string, prop: string): ObservedProperty<DrumPadsContext> => ({
  key,
  prop,
  target: (context) => context.rack ?? '',
});
const RACK_PADS = onRack('pads', 'visible_drum_pads');
const RACK_NAME = onRack('name', 'name');
const TEMPO: ObservedProperty<DrumPadsContext> = { key: 'tempo', prop: 'tempo', target: () => 'live_set' };

const clampChannel = (channel: number): number =>
  Math.min(15, Math.max(0, Math.round(Number.isFinite(channel) ? channel : 0)));
const rackGoneOrFailed = goneOrFailed('#drumPads.source.gone', '#drumPads.source.failed');

/** A pad's observation or notes failed: a pad deleted loads again (the rack's own observations say whether it is still there); anything else fails. */
const padFailure = [
  { guard: { type: 'isGone', params: errorParams }, target: '#drumPads.source.bound', reenter: true },
  toFailed('#drumPads.source.failed'),
] as const;

/** The first note of a plain grid starting on `row` (within the rows there are; C1's when none or not a number). */
function plainRowStart(row: number | undefined): number {
  const wanted = row !== undefined && Number.isFinite(row) ? Math.round(row) : FIRST_PLAIN_NOTE / 4;
  return scrolledRow(wanted, 0) * 4;
}

/** Pads before anything came from Live: a plain grid when there is no rack, nothing held, repeat off. */
export function initialDrumPadsContext(input: DrumPadsInput): DrumPadsContext {
  return {
    rack: input.rack ?? null,
    channel: clampChannel(input.channel ?? 0),
    rackName: '',
    pads: input.rack ? [] : plainPads(plainRowStart(input.plainRow)),
    scrollRow: null,
    observed: [],
    reading: [],
    received: [],
    held: [],
    rate: input.rate && isRepeatRate(input.rate) ? input.rate : DEFAULT_RATE,
    repeatAtStart: input.repeat ?? false,
    tempo: 120,
    error: null,
    retries: 0,
  };
}

/** The drum pads machine (see the file's doc). */
export const drumPadsMachine = drumPadsSetup.createMachine({
  id: 'drumPads',
  context: ({ input }) => initialDrumPadsContext(input),
  invoke: { id: 'midi', src: 'midi' },
  type: 'parallel',
  on: {
    'ui.padUp': { actions: 'release' },
    'ui.pressure': { actions: 'press' },
    'ui.allOff': { actions: 'releaseAll' },
    'ui.rate': { actions: 'setRate' },
    // a scroll Live refused leaves the pads where they are
    ...letGo(['scroll']),
    ...lateObservationErrors([RACK_PADS, RACK_NAME, TEMPO]),
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
          exit: stopChild('notes'),
          invoke: [
            observeInvoke(RACK_PADS, rackGoneOrFailed),
            observeInvoke(RACK_NAME, rackGoneOrFailed),
            { id: 'padValues', src: 'observeMany', onError: padFailure },
          ],
          on: {
            'live.value': [
              { guard: 'isPadList', actions: 'followPads' },
              { guard: 'isRackName', actions: 'storeRackName' },
              { guard: 'isPadValue', actions: 'storePadValue' },
            ],
            'live.failed': padFailure,
            'xstate.done.actor.notes': {
              actions: { type: 'storeNotes', params: ({ event }) => ({ notes: event.output }) },
            },
            'xstate.error.actor.notes': padFailure,
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
        failed: failedState('bound'),
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
      initial: 'start',
      states: {
        start: { always: [{ guard: 'repeatsAtStart', target: 'on' }, { target: 'off' }] },
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

/** The drum pads machine's type, for actor refs and snapshots. */
export type DrumPadsMachine = typeof drumPadsMachine;
