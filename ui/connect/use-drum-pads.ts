/**
 * Drum pads on a drum pads actor: what the view shows (selected so the pads
 * re-render only when something they show changes) and the callbacks that
 * become the machine's events; and a drum pads actor that keeps note repeat
 * and a plain grid's row across a reload (`useStoredDrumPads`).
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import type { ActorRefFrom, InspectionEvent, SnapshotFrom } from 'xstate';
import type { DrumPadsMachine } from '../../machines/drum-pads';
import {
  DEFAULT_DRUM_PADS_SETTINGS,
  DrumPadsSettingsSchema,
  drumPadsInputOf,
  drumPadsSettingsOf,
  sameDrumPadsSettings,
} from '../../machines/drum-pads-settings';
import { useStoredState } from '../settings/stored-state';
import type { RepeatRate } from '../../machines/note-repeat';
import type { PadsState, PadStrike, PadView } from '../widgets/pads/Pads';

/** A running drum pads machine. */
export type DrumPadsActor = ActorRefFrom<DrumPadsMachine>;

/** What the pads view shows of the machine. */
export interface DrumPadsView {
  state: PadsState;
  pads: readonly PadView[];
  held: readonly PadStrike[];
  rackName: string;
  repeat: boolean;
  rate: RepeatRate;
  error: string | null;
}

const STATES: readonly PadsState[] = ['loading', 'ready', 'failed', 'gone'];

/** The pads held, each once, at the velocity of the finger that struck it last. */
function strikes(held: readonly { pad: number; velocity: number }[]): PadStrike[] {
  const byPad = new Map<number, number>();
  for (const finger of held) byPad.set(finger.pad, finger.velocity);
  return [...byPad].map(([pad, velocity]) => ({ pad, velocity })).sort((a, b) => a.pad - b.pad);
}

/** The view of a snapshot. */
export function drumPadsView(snapshot: SnapshotFrom<DrumPadsMachine>): DrumPadsView {
  const { context } = snapshot;
  return {
    state: STATES.find((state) => snapshot.hasTag(state)) ?? 'plain',
    pads: context.pads,
    held: strikes(context.held),
    rackName: context.rackName,
    repeat: snapshot.hasTag('repeating'),
    rate: context.rate,
    error: context.error?.message ?? null,
  };
}

const sameStrikes = (a: readonly PadStrike[], b: readonly PadStrike[]): boolean =>
  a.length === b.length &&
  a.every((strike, index) => strike.pad === b[index]?.pad && strike.velocity === b[index]?.velocity);

/** Two views are the same when every field is: the pads by identity (the machine keeps a pad's object until it changes), the strikes one by one. */
export function sameDrumPadsView(a: DrumPadsView, b: DrumPadsView): boolean {
  return (
    a.state === b.state &&
    a.pads === b.pads &&
    sameStrikes(a.held, b.held) &&
    a.rackName === b.rackName &&
    a.repeat === b.repeat &&
    a.rate === b.rate &&
    a.error === b.error
  );
}

/** The view's callbacks, bound to an actor. */
export interface DrumPadsCallbacks {
  onPadDown: (pointerId: number, pad: number, velocity: number) => void;
  onPadUp: (pointerId: number) => void;
  onPressure: (pointerId: number, pressure: number) => void;
  onAllOff: () => void;
  onRepeat: (on: boolean) => void;
  onRate: (rate: RepeatRate) => void;
  onRetry: () => void;
  onScroll: (rows: number) => void;
}

/** Callbacks that send the drum pads machine its `ui.*` events. */
export function drumPadsCallbacks(actor: DrumPadsActor): DrumPadsCallbacks {
  return {
    onPadDown: (pointerId, pad, velocity) => actor.send({ type: 'ui.padDown', pointerId, pad, velocity }),
    onPadUp: (pointerId) => actor.send({ type: 'ui.padUp', pointerId }),
    onPressure: (pointerId, pressure) => actor.send({ type: 'ui.pressure', pointerId, pressure }),
    onAllOff: () => actor.send({ type: 'ui.allOff' }),
    onRepeat: (on) => actor.send({ type: 'ui.repeat', on }),
    onRate: (rate) => actor.send({ type: 'ui.rate', rate }),
    onRetry: () => actor.send({ type: 'ui.retry' }),
    onScroll: (rows) => actor.send({ type: 'ui.scroll', rows }),
  };
}

/** The view of a drum pads actor and callbacks that send to it, for `Pads`. */
export function useDrumPads(actor: DrumPadsActor): DrumPadsView & DrumPadsCallbacks {
  const view = useSelector(actor, drumPadsView, sameDrumPadsView);
  const callbacks = useMemo(() => drumPadsCallbacks(actor), [actor]);
  return { ...view, ...callbacks };
}

/**
 * A drum pads actor on `rack` (none: a plain grid) that starts as the pads
 * saved under `key` were (note repeat and its rate, a plain grid's row) and
 * saves those each time they change.
 */
export function useStoredDrumPads(
  machine: DrumPadsMachine,
  key: string,
  rack: string | null,
  inspect?: (event: InspectionEvent) => void,
): DrumPadsActor {
  const [saved, save] = useStoredState(key, DrumPadsSettingsSchema, DEFAULT_DRUM_PADS_SETTINGS);
  const actor = useActorRef(machine, { input: drumPadsInputOf(saved, rack), inspect });
  const current = useSelector(
    actor,
    (snapshot) => drumPadsSettingsOf(snapshot.context, snapshot.hasTag('repeating'), saved),
    sameDrumPadsSettings,
  );
  useEffect(() => save(current), [current, save]);
  return actor;
}
