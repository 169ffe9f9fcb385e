/**
 * What the drum pads' chart (`drum-pads.ts`) names: its effects, guards,
 * actions and delays, typed by its context and events.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { JsonValue, MidiMessage } from '../protocol/src/index';
import type { DrumPadsOutcome, DrumPadsContext, DrumPadsEvent, DrumPadsInput } from './drum-pads';
import { effects, type MidiSend } from './effects';
import {
  firstRow,
  followPads,
  padObservations,
  padTargets,
  padsKnown,
  parsePadKey,
  plainPads,
  scrolledRow,
  storeNotes,
  storePadValue,
} from './drum-pad-list';
import { press, release, releaseAll, retrigger, strike, type PadChange } from './drum-fingers';
import { isRepeatRate, repeatIntervalMs } from './note-repeat';
import { asNumber, asString, withReceived } from './observe-invoke';
import { isGone, rememberedError, retriedLater, retryDelay, type ErrorParams } from './retry-cycle';

const RACK_KEYS = ['pads', 'name'];

const liveKey = (event: DrumPadsEvent | DrumPadsOutcome): string | null =>
  event.type === 'live.value' ? event.key : null;

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

/** No rack, channel 1: the input's type for setup (every field has a default). */
const PLAIN: DrumPadsInput = {};

/** The drum pads' setup: `drumPadsSetup.createMachine(...)` is the machine. */
export const drumPadsSetup = setup({
  types: {
    context: {} as DrumPadsContext,
    input: PLAIN,
    events: {} as DrumPadsEvent | DrumPadsOutcome,
    children: {} as { midi: 'midi'; padValues: 'observeMany'; notes: 'readEach'; scroll: 'set' },
  },
  actors: {
    observe: effects.observe,
    observeMany: effects.observeMany,
    readEach: effects.readEach,
    midi: effects.midi,
    set: effects.set,
  },
  guards: {
    hasRack: ({ context }) => context.rack !== null,
    repeatsAtStart: ({ context }) => context.repeatAtStart,
    isGone,
    allKnown: ({ context }) => RACK_KEYS.every((key) => context.received.includes(key)) && padsKnown(context.pads),
    someHeld: ({ context }) => context.held.length > 0,
    noneHeld: ({ context }) => context.held.length === 0,
    isPadList: ({ event }) => liveKey(event) === 'pads',
    isRackName: ({ event }) => liveKey(event) === 'name',
    isPadValue: ({ event }) => parsePadKey(liveKey(event) ?? '') !== null,
    isTempo: ({ event }) => liveKey(event) === 'tempo',
    turnsOn: ({ event }) => event.type === 'ui.repeat' && event.on,
    turnsOff: ({ event }) => event.type === 'ui.repeat' && !event.on,
  },
  actions: {
    rememberError: assign((_, params: ErrorParams) => rememberedError(params)),
    retryLater: assign(({ context }) => retriedLater(context)),
    retryNow: assign({ retries: 0 }),
    resetRack: assign({ pads: [], observed: [], reading: [], received: [], error: null }),
    /** The rack scrolled (or first said its pads): observe the pads in view, read the notes of those new in view. */
    followPads: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'live.value') return;
      const targets = padTargets(event.value);
      const { pads, start } = followPads(context.pads, context.observed, targets);
      enqueue.sendTo('padValues', { type: 'observe.many', observations: padObservations(targets) });
      let { reading } = context;
      if (start.length > 0) {
        // one read at a time: one still in flight is let go, and its pads still in view are read with the new ones
        reading = [...reading.filter((target) => targets.includes(target)), ...start];
        enqueue.stopChild('notes');
        enqueue.spawnChild('readEach', { id: 'notes', input: { targets: reading, prop: 'note' } });
      }
      const received = withReceived(context.received, 'pads');
      enqueue.assign({ pads, observed: targets, reading, received, scrollRow: null });
    }),
    storeRackName: assign(({ context, event }) => ({
      rackName: event.type === 'live.value' ? asString(event.value) : context.rackName,
      received: withReceived(context.received, 'name'),
    })),
    storePadValue: assign(({ context, event }) => {
      const pad = parsePadKey(liveKey(event) ?? '');
      return pad && event.type === 'live.value'
        ? { pads: storePadValue(context.pads, pad.target, pad.prop, event.value) }
        : {};
    }),
    storeNotes: assign(({ context }, params: { notes: JsonValue[] }) => ({
      pads: storeNotes(context.pads, context.reading, params.notes),
      reading: [],
    })),
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
    retryDelay,
    repeatInterval: ({ context }) => repeatIntervalMs(context.rate, context.tempo),
  },
});
