/**
 * A device panel on a device actor: what the panel shows of the device, the
 * parameter actors of its bank (the knobs), and the controls that become
 * the device machine's events.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { bankCount, shownBankCount, type DeviceMachine } from '../../machines/device';
import type { ParameterContext } from '../../machines/parameter';
import type { ControlState } from '../widgets/control-state';
import { sameList, sameView } from './same';
import type { ParameterActor } from './use-parameter';

/** A running device machine. */
export type DeviceActor = ActorRefFrom<DeviceMachine>;
type DeviceSnapshot = SnapshotFrom<DeviceMachine>;

/** What the panel shows of a device. */
export interface DeviceView {
  state: ControlState;
  name: string;
  kind: string;
  active: boolean;
  /** The first bank shown. */
  bank: number;
  banks: number;
  /** How many banks are shown side by side, from `bank`. */
  shown: number;
  /** How many banks the panel fits side by side (more than shown at a device's end). */
  fits: number;
  bankSize: number;
  /** The bank's parameter targets, joined: a new array of the same ids is the same bank. */
  bankActors: string;
}

/** The panel's view of a device snapshot. */
export function deviceView(snapshot: DeviceSnapshot): DeviceView {
  const { context } = snapshot;
  const state: ControlState = snapshot.hasTag('ready')
    ? 'ready'
    : snapshot.hasTag('loading')
      ? 'loading'
      : snapshot.hasTag('gone')
        ? 'gone'
        : 'failed';
  return {
    state,
    name: context.name,
    kind: context.displayName,
    active: context.active,
    bank: context.bank,
    banks: bankCount(context),
    shown: shownBankCount(context),
    fits: context.banksShown,
    bankSize: context.bankSize,
    bankActors: context.bankActors.join('\n'),
  };
}

/** The parameter actors of the device's bank, in order, once it has spawned them. */
export function bankKnobs(snapshot: DeviceSnapshot): ParameterActor[] {
  return snapshot.context.bankActors
    .map((id) => snapshot.children[id] as ParameterActor | undefined)
    .filter((child): child is ParameterActor => child !== undefined);
}

/**
 * A parameter a switch shows better than a knob: quantized with two values
 * (on/off, or two items), as Live's own devices draw them.
 */
export function isSwitchParameter(context: Pick<ParameterContext, 'quantized' | 'min' | 'max'>): boolean {
  return context.quantized && context.max - context.min === 1;
}

/** The panel's controls. */
export interface DeviceCallbacks {
  onToggle: () => void;
  onBank: (index: number) => void;
  /** How many banks the panel fits side by side. */
  onFit: (banks: number) => void;
}

/** The panel's view of a device actor, its bank's parameter actors, and the controls that send to it. */
export function useDevice(actor: DeviceActor): DeviceView & DeviceCallbacks & { knobs: ParameterActor[] } {
  const view = useSelector(actor, deviceView, sameView);
  const knobs = useSelector(actor, bankKnobs, sameList);
  const callbacks = useMemo(
    () => ({
      onToggle: () => actor.send({ type: 'ui.toggle' }),
      onBank: (index: number) => actor.send({ type: 'ui.bank', index }),
      onFit: (banks: number) => actor.send({ type: 'ui.fit', banks }),
    }),
    [actor],
  );
  return { ...view, ...callbacks, knobs };
}
