/**
 * A keyboard that plays an instrument in Live through MIDI: fingers (and
 * computer keys) on keys, a pitch bend wheel that springs back, modulation,
 * channel pressure and poly aftertouch, the octave shown and a scale.
 * What each finger does to the notes lives in `keyboard-fingers.ts`.
 */
import { enqueueActions, setup } from 'xstate';
import { songScaleMachine, type SongScaleEvent } from './song-scale';
import type { MidiMessage } from '../protocol/src/index';
import { effects, type MidiSend } from './effects';
import {
  bendValue,
  lift,
  liftAll,
  press,
  pressure,
  seven,
  slide,
  type FingerChange,
  type HeldNote,
} from './keyboard-fingers';
import { HIGHEST_OCTAVE, LOWEST_OCTAVE, pitchClass, type ScaleMode, type ScaleName } from './scales';

/** What the keyboard plays with and what it has sent. */
export interface KeyboardContext {
  /** The MIDI channel played on, 0..15. */
  channel: number;
  /** The octave of the first key shown (and of the computer keys' A), as Live numbers octaves. */
  octave: number;
  /** The scale's root as a pitch class, 0 (C) .. 11 (B). */
  root: number;
  scale: ScaleName;
  scaleMode: ScaleMode;
  /** Every finger down, by pointer id (computer keys below 0). */
  held: HeldNote[];
  /** The pitch bend sent last, -8192..8191. */
  bend: number;
  /** CC 1 sent last, 0..127. */
  modulation: number;
  /** Channel pressure sent last, 0..127. */
  pressure: number;
  /** Whether the root and scale follow the set's (a `songScale` child while they do). */
  followSong: boolean;
}

/** How a keyboard starts; every field has a default (channel 1, octave 3, chromatic, dimmed, its own scale). */
export interface KeyboardInput {
  channel?: number;
  octave?: number;
  root?: number;
  scale?: ScaleName;
  scaleMode?: ScaleMode;
  /** Whether the root and scale follow the set's from the start (a saved setting). */
  followSong?: boolean;
}

/** The events the keyboard takes (see the machine's doc). */
export type KeyboardEvent =
  | { type: 'ui.keyDown'; pointerId: number; note: number; velocity: number }
  | { type: 'ui.keyMove'; pointerId: number; note: number }
  | { type: 'ui.keyUp'; pointerId: number }
  | { type: 'ui.pressure'; pointerId: number; pressure: number }
  | { type: 'ui.bend'; value: number }
  | { type: 'ui.bendRelease' }
  | { type: 'ui.mod'; value: number }
  | { type: 'ui.channelPressure'; value: number }
  | { type: 'ui.octave'; delta: number }
  | { type: 'ui.scale'; root: number; scale: ScaleName }
  | { type: 'ui.scaleMode'; mode: ScaleMode }
  | { type: 'ui.channel'; channel: number }
  | { type: 'ui.followSong'; on: boolean }
  | SongScaleEvent
  | { type: 'ui.allOff' };

/** The octave a keyboard starts on: its A plays C3, middle C, as Live's computer keyboard does. */
export const DEFAULT_OCTAVE = 3;

const clampOctave = (octave: number): number => Math.min(HIGHEST_OCTAVE, Math.max(LOWEST_OCTAVE, Math.round(octave)));
const clampChannel = (channel: number): number => Math.min(15, Math.max(0, Math.round(channel)));

/** What the actions below need of XState's `enqueue`. */
interface Enqueue {
  assign: (values: Partial<KeyboardContext>) => void;
  sendTo: (to: 'midi', event: MidiSend) => void;
}

/** The fingers' new state, and their MIDI to the `midi` effect. */
function applyFingers(enqueue: Enqueue, change: FingerChange): void {
  enqueue.assign({ held: change.held });
  sendMidi(enqueue, change.messages);
}

function sendMidi(enqueue: Enqueue, messages: MidiMessage[]): void {
  if (messages.length > 0) enqueue.sendTo('midi', { type: 'midi.send', messages });
}

/** Every note off, and bend and pressure back to rest (modulation stays where it was set, as a wheel would). */
function allOff(context: KeyboardContext): { change: FingerChange; messages: MidiMessage[] } {
  const change = liftAll(context.held, context.channel);
  const messages = [...change.messages];
  if (context.bend !== 0) messages.push({ type: 'pitch_bend', channel: context.channel, value: 0 });
  if (context.pressure !== 0) messages.push({ type: 'channel_pressure', channel: context.channel, pressure: 0 });
  return { change, messages };
}

/** Every default: the input's type for setup. */
const DEFAULTS: KeyboardInput = {};

/**
 * The keyboard machine.
 *
 * States (parallel):
 * - notes: silent, playing (tags `silent`, `playing`): whether a finger holds a note.
 * - bend: centred, bending (tag `bending`): whether the bend wheel is held.
 *
 * Events: `ui.keyDown` {pointerId, note, velocity}, `ui.keyMove` {pointerId, note}
 * (a slide: the old note off, the new one on), `ui.keyUp` {pointerId},
 * `ui.pressure` {pointerId, pressure} (poly aftertouch), `ui.bend` {value},
 * `ui.bendRelease` (back to centre: sends 0), `ui.mod` {value} (CC 1),
 * `ui.channelPressure` {value}, `ui.octave` {delta}, `ui.scale` {root, scale},
 * `ui.scaleMode` {mode}, `ui.followSong` {on} (root and scale follow the
 * set's, from a `songScale` child; a scale chosen by hand ends it),
 * `ui.channel` {channel} (ends what sounds first),
 * `ui.allOff` (every note off, bend and pressure back to rest: on cancel,
 * blur, unmount). Notes count per finger: one sounds while any finger holds it.
 *
 * MIDI goes to the `midi` effect, invoked as `midi` for the machine's life.
 */
export const keyboardMachine = setup({
  types: {
    context: {} as KeyboardContext,
    input: DEFAULTS,
    events: {} as KeyboardEvent,
  },
  actors: { midi: effects.midi, songScale: songScaleMachine },
  guards: {
    someHeld: ({ context }) => context.held.length > 0,
    noneHeld: ({ context }) => context.held.length === 0,
    anotherChannel: ({ context, event }) =>
      event.type === 'ui.channel' && clampChannel(event.channel) !== context.channel,
  },
  actions: {
    press: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.keyDown')
        applyFingers(enqueue, press(context.held, event.pointerId, event.note, event.velocity, context.channel));
    }),
    slide: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.keyMove')
        applyFingers(enqueue, slide(context.held, event.pointerId, event.note, context.channel));
    }),
    lift: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.keyUp') applyFingers(enqueue, lift(context.held, event.pointerId, context.channel));
    }),
    pressure: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'ui.pressure')
        applyFingers(enqueue, pressure(context.held, event.pointerId, event.pressure, context.channel));
    }),
    bend: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ui.bend') return;
      const value = bendValue(event.value);
      if (value === context.bend) return;
      enqueue.assign({ bend: value });
      sendMidi(enqueue, [{ type: 'pitch_bend', channel: context.channel, value }]);
    }),
    centreBend: enqueueActions(({ context, enqueue }) => {
      if (context.bend === 0) return;
      enqueue.assign({ bend: 0 });
      sendMidi(enqueue, [{ type: 'pitch_bend', channel: context.channel, value: 0 }]);
    }),
    modulation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ui.mod' || seven(event.value) === context.modulation) return;
      enqueue.assign({ modulation: seven(event.value) });
      sendMidi(enqueue, [{ type: 'cc', channel: context.channel, controller: 1, value: seven(event.value) }]);
    }),
    channelPressure: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ui.channelPressure' || seven(event.value) === context.pressure) return;
      enqueue.assign({ pressure: seven(event.value) });
      sendMidi(enqueue, [{ type: 'channel_pressure', channel: context.channel, pressure: seven(event.value) }]);
    }),
    allOff: enqueueActions(({ context, enqueue }) => {
      const { change, messages } = allOff(context);
      enqueue.assign({ held: change.held, bend: 0, pressure: 0 });
      sendMidi(enqueue, messages);
    }),
    octave: enqueueActions(({ context, event, enqueue }) => {
      // fingers down keep their notes: each lifts the note it played
      if (event.type === 'ui.octave') enqueue.assign({ octave: clampOctave(context.octave + event.delta) });
    }),
    scale: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'ui.scale') return;
      // a scale chosen by hand ends following the set's
      if (context.followSong) enqueue.stopChild('songScale');
      enqueue.assign({ root: pitchClass(Math.round(event.root)), scale: event.scale, followSong: false });
    }),
    followSong: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'ui.followSong' || event.on === context.followSong) return;
      if (event.on) enqueue.spawnChild('songScale', { id: 'songScale', input: { reportTo: self } });
      else enqueue.stopChild('songScale');
      enqueue.assign({ followSong: event.on });
    }),
    /** The set's scale changed: its root always, its scale when the keyboard offers it (else every key is in it). */
    songScale: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'song.scale' && context.followSong)
        enqueue.assign({ root: pitchClass(event.root), scale: event.scale ?? 'chromatic' });
    }),
    scaleMode: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'ui.scaleMode') enqueue.assign({ scaleMode: event.mode });
    }),
    channel: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'ui.channel') enqueue.assign({ channel: clampChannel(event.channel) });
    }),
  },
}).createMachine({
  id: 'keyboard',
  // every field has a default (XState's types still ask for an input, `{}` will do)
  context: ({ input = {} }) => ({
    channel: clampChannel(input.channel ?? 0),
    octave: clampOctave(input.octave ?? DEFAULT_OCTAVE),
    root: pitchClass(input.root ?? 0),
    scale: input.scale ?? 'chromatic',
    scaleMode: input.scaleMode ?? 'dim',
    held: [],
    bend: 0,
    modulation: 0,
    pressure: 0,
    followSong: input.followSong ?? false,
  }),
  invoke: { id: 'midi', src: 'midi' },
  // a keyboard saved following the set's scale follows it again from the start
  entry: enqueueActions(({ context, enqueue, self }) => {
    if (context.followSong) enqueue.spawnChild('songScale', { id: 'songScale', input: { reportTo: self } });
  }),
  type: 'parallel',
  on: {
    'ui.keyDown': { actions: 'press' },
    'ui.keyMove': { actions: 'slide' },
    'ui.keyUp': { actions: 'lift' },
    'ui.pressure': { actions: 'pressure' },
    'ui.mod': { actions: 'modulation' },
    'ui.channelPressure': { actions: 'channelPressure' },
    'ui.octave': { actions: 'octave' },
    'ui.scale': { actions: 'scale' },
    'ui.scaleMode': { actions: 'scaleMode' },
    'ui.followSong': { actions: 'followSong' },
    'song.scale': { actions: 'songScale' },
    'ui.allOff': { target: ['.notes.silent', '.bend.centred'], actions: 'allOff' },
    // notes already played end on the channel they began on
    'ui.channel': {
      guard: 'anotherChannel',
      target: ['.notes.silent', '.bend.centred'],
      actions: ['allOff', 'channel'],
    },
  },
  states: {
    notes: {
      initial: 'silent',
      states: {
        silent: { tags: ['silent'], always: { guard: 'someHeld', target: 'playing' } },
        playing: { tags: ['playing'], always: { guard: 'noneHeld', target: 'silent' } },
      },
    },
    bend: {
      initial: 'centred',
      states: {
        centred: { on: { 'ui.bend': { target: 'bending', actions: 'bend' } } },
        bending: {
          tags: ['bending'],
          on: {
            'ui.bend': { actions: 'bend' },
            'ui.bendRelease': { target: 'centred', actions: 'centreBend' },
          },
        },
      },
    },
  },
});

/** The keyboard machine's type, for actor refs and snapshots. */
export type KeyboardMachine = typeof keyboardMachine;
