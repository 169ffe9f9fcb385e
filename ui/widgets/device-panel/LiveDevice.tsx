/**
 * A device panel on a device actor: the banks shown are the device's
 * parameter actors, each a knob, or a switch for a two-value parameter
 * (on/off, two items) as Live draws them. Selected and selecting come from
 * the page, which follows Live's selection.
 */
import { useSelector } from '@xstate/react';
import { memo, useCallback } from 'react';
import { isSwitchParameter, useDevice, type DeviceActor } from '../../connect/use-device';
import type { ParameterActor } from '../../connect/use-parameter';
import { ParameterToggle } from '../button/ParameterToggle';
import { ParameterKnob } from '../knob/ParameterKnob';
import { DevicePanel } from './DevicePanel';

/** A knob, or a switch once the parameter says it has two values. */
const DeviceControl = memo(function DeviceControl({ actor }: { actor: ParameterActor }) {
  const isSwitch = useSelector(actor, (snapshot) => isSwitchParameter(snapshot.context));
  return isSwitch ? <ParameterToggle actor={actor} /> : <ParameterKnob actor={actor} />;
});

/** A device panel's props: the device actor, and Live's selection as the page knows it. */
export interface LiveDeviceProps {
  actor: DeviceActor;
  /** Whether Live has selected this device. */
  selected?: boolean;
  /** The title was tapped: select this device (its target) in Live. */
  onSelect?: (device: string) => void;
}

export const LiveDevice = memo(function LiveDevice({ actor, selected = false, onSelect }: LiveDeviceProps) {
  const device = useDevice(actor);
  const target = useSelector(actor, (snapshot) => snapshot.context.device);
  const select = useCallback(() => onSelect?.(target), [onSelect, target]);
  return (
    <DevicePanel
      name={device.name}
      kind={device.kind}
      active={device.active}
      state={device.state}
      bank={device.bank}
      banks={device.banks}
      shown={device.shown}
      fits={device.fits}
      bankSize={device.bankSize}
      selected={selected}
      onToggle={device.onToggle}
      onBank={device.onBank}
      onFit={device.onFit}
      onSelect={onSelect ? select : undefined}
    >
      {device.knobs.map((knob) => (
        <DeviceControl key={knob.id} actor={knob} />
      ))}
    </DevicePanel>
  );
});
