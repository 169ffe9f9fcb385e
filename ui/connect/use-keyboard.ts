/**
 * A keyboard on a keyboard actor: what the view shows (selected so the
 * keyboard re-renders only when something it shows changes) and the
 * callbacks that become the keyboard machine's events; and a keyboard actor
 * that keeps its octave and scale across a reload (`useStoredKeyboard`).
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import type { ActorRefFrom, InspectionEvent, SnapshotFrom } from 'xstate';
import { soundingNotes } from '../../machines/keyboard-fingers';
import type { KeyboardMachine } from '../../machines/keyboard';
import {
  DEFAULT_KEYBOARD_SETTINGS,
  KeyboardSettingsSchema,
  keyboardInputOf,
  keyboardSettingsOf,
  sameKeyboardSettings,
} from '../../machines/keyboard-settings';
import type { ScaleMode, ScaleName } from '../../machines/scales';
import { useStoredState } from '../settings/stored-state';
import type { KeyboardState } from '../widgets/keyboard/Keyboard';

/** A running keyboard machine. */
export type KeyboardActor = ActorRefFrom<KeyboardMachine>;

/** What the keyboard view shows of the machine. */
export interface KeyboardView {
  state: KeyboardState;
  bending: boolean;
  octave: number;
  root: number;
  scale: ScaleName;
  scaleMode: ScaleMode;
  pressed: readonly number[];
  bend: number;
  modulation: number;
  pressure: number;
  followSong: boolean;
}

/** The view of a snapshot: the notes sounding (each once), the wheels, the scale, the tags. */
export function keyboardView(snapshot: SnapshotFrom<KeyboardMachine>): KeyboardView {
  const { context } = snapshot;
  return {
    state: snapshot.hasTag('playing') ? 'playing' : 'silent',
    bending: snapshot.hasTag('bending'),
    octave: context.octave,
    root: context.root,
    scale: context.scale,
    scaleMode: context.scaleMode,
    pressed: soundingNotes(context.held),
    bend: context.bend,
    modulation: context.modulation,
    pressure: context.pressure,
    followSong: context.followSong,
  };
}

/** Two views are the same when every field is; the notes sounding compare note by note. */
export function sameKeyboardView(a: KeyboardView, b: KeyboardView): boolean {
  for (const key of Object.keys(a) as (keyof KeyboardView)[]) {
    if (key === 'pressed') {
      if (a.pressed.length !== b.pressed.length || a.pressed.some((note, index) => note !== b.pressed[index]))
        return false;
    } else if (!Object.is(a[key], b[key])) return false;
  }
  return true;
}

/** The view's callbacks, bound to an actor. */
export interface KeyboardCallbacks {
  onNoteDown: (pointerId: number, note: number, velocity: number) => void;
  onNoteMove: (pointerId: number, note: number) => void;
  onNoteUp: (pointerId: number) => void;
  onPressure: (pointerId: number, pressure: number) => void;
  onOctave: (delta: number) => void;
  onAllOff: () => void;
  onBend: (value: number) => void;
  onBendRelease: () => void;
  onModulation: (value: number) => void;
  onChannelPressure: (value: number) => void;
  onScale: (root: number, scale: ScaleName) => void;
  onScaleMode: (mode: ScaleMode) => void;
  onFollowSong: (on: boolean) => void;
}

/** Callbacks that send the keyboard machine its `ui.*` events. */
export function keyboardCallbacks(actor: KeyboardActor): KeyboardCallbacks {
  return {
    onNoteDown: (pointerId, note, velocity) => actor.send({ type: 'ui.keyDown', pointerId, note, velocity }),
    onNoteMove: (pointerId, note) => actor.send({ type: 'ui.keyMove', pointerId, note }),
    onNoteUp: (pointerId) => actor.send({ type: 'ui.keyUp', pointerId }),
    onPressure: (pointerId, pressure) => actor.send({ type: 'ui.pressure', pointerId, pressure }),
    onOctave: (delta) => actor.send({ type: 'ui.octave', delta }),
    onAllOff: () => actor.send({ type: 'ui.allOff' }),
    onBend: (value) => actor.send({ type: 'ui.bend', value }),
    onBendRelease: () => actor.send({ type: 'ui.bendRelease' }),
    onModulation: (value) => actor.send({ type: 'ui.mod', value }),
    onChannelPressure: (value) => actor.send({ type: 'ui.channelPressure', value }),
    onScale: (root, scale) => actor.send({ type: 'ui.scale', root, scale }),
    onScaleMode: (mode) => actor.send({ type: 'ui.scaleMode', mode }),
    onFollowSong: (on) => actor.send({ type: 'ui.followSong', on }),
  };
}

/** The view of a keyboard actor and callbacks that send to it, for `Keyboard`. */
export function useKeyboard(actor: KeyboardActor): KeyboardView & KeyboardCallbacks {
  const view = useSelector(actor, keyboardView, sameKeyboardView);
  const callbacks = useMemo(() => keyboardCallbacks(actor), [actor]);
  return { ...view, ...callbacks };
}

/**
 * A keyboard actor that starts as the keyboard saved under `key` was (its
 * octave, scale, root, layout, following the set's scale) and saves those
 * each time they change, so a reload finds the keys as they were.
 */
export function useStoredKeyboard(
  machine: KeyboardMachine,
  key: string,
  inspect?: (event: InspectionEvent) => void,
): KeyboardActor {
  const [saved, save] = useStoredState(key, KeyboardSettingsSchema, DEFAULT_KEYBOARD_SETTINGS);
  const actor = useActorRef(machine, { input: keyboardInputOf(saved), inspect });
  const current = useSelector(actor, (snapshot) => keyboardSettingsOf(snapshot.context), sameKeyboardSettings);
  useEffect(() => save(current), [current, save]);
  return actor;
}
