/** A device panel on a device actor: its bank's knobs are the device's parameter actors. */
import { useSelector } from '@xstate/react';
import { memo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { bankCount, type DeviceMachine } from '../../../machines/device';
import { sameView, type ParameterActor } from '../../connect/use-parameter';
import type { ControlState } from '../control-state';
import { ParameterKnob } from '../knob/ParameterKnob';
import { DevicePanel } from './DevicePanel';

export type DeviceActor = ActorRefFrom<DeviceMachine>;

export function deviceView(snapshot: SnapshotFrom<DeviceMachine>) {
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
    // joined: a new array of the same ids is the same bank
    bankActors: context.bankActors.join('\n'),
  };
}

export const LiveDevice = memo(function LiveDevice({ actor }: { actor: DeviceActor }) {
  const view = useSelector(actor, deviceView, sameView);
  const knobs = useSelector(
    actor,
    (snapshot) =>
      snapshot.context.bankActors
        .map((id) => snapshot.children[id] as ParameterActor | undefined)
        .filter((child): child is ParameterActor => child !== undefined),
    (a, b) => a.length === b.length && a.every((child, index) => child === b[index]),
  );
  return (
    <DevicePanel
      name={view.name}
      kind={view.kind}
      active={view.active}
      state={view.state}
      bank={view.bank}
      banks={view.banks}
      onToggle={() => actor.send({ type: 'ui.toggle' })}
      onBank={(index) => actor.send({ type: 'ui.bank', index })}
    >
      {knobs.map((knob) => (
        <ParameterKnob key={knob.id} actor={knob} />
      ))}
    </DevicePanel>
  );
});
