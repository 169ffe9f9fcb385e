/** A device panel on a device actor: its bank's knobs are the device's parameter actors. */
import { memo } from 'react';
import { useDevice, type DeviceActor } from '../../connect/use-device';
import { ParameterKnob } from '../knob/ParameterKnob';
import { DevicePanel } from './DevicePanel';

export const LiveDevice = memo(function LiveDevice({ actor }: { actor: DeviceActor }) {
  const device = useDevice(actor);
  return (
    <DevicePanel
      name={device.name}
      kind={device.kind}
      active={device.active}
      state={device.state}
      bank={device.bank}
      banks={device.banks}
      onToggle={device.onToggle}
      onBank={device.onBank}
    >
      {device.knobs.map((knob) => (
        <ParameterKnob key={knob.id} actor={knob} />
      ))}
    </DevicePanel>
  );
});
