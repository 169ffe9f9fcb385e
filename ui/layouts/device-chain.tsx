/**
 * `<DeviceChain />`: the devices of the track around it, in Live's order,
 * each a panel of its banks of knobs and switches, on the layout's shared
 * device actors (a `<Device name>` elsewhere on the page reads the same
 * one). The device Live has selected is outlined, and a tap on a panel's
 * title selects that device in Live (its track first, when Live has
 * another selected). Live's selection is the one a chooser above follows
 * (`<FollowLiveChooser>`); a chain with none above follows it itself.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { createContext, useCallback, useContext } from 'react';
import { useInspect } from '../app/inspect';
import { useDeviceSelection, type DeviceSelectionActor } from '../connect/use-device-selection';
import { DevicePanel } from '../widgets/device-panel/DevicePanel';
import { LiveDevice } from '../widgets/device-panel/LiveDevice';
import { useDeviceAt, useLayoutServices } from './layout-context';
import { whyNot } from './track-widgets';
import { useScopeTrack } from './use-tracks';

const SelectionAbove = createContext<DeviceSelectionActor | null>(null);

/** Gives the device chains inside Live's selection as a chooser follows it (one actor for them all). */
export const DeviceSelectionFor = SelectionAbove.Provider;

/** Live's device selection, running while the component that asks for it shows. */
export function useOwnDeviceSelection(): DeviceSelectionActor {
  const { machines } = useLayoutServices();
  return useActorRef(machines.deviceSelection, { input: {}, inspect: useInspect() });
}

/** One device's panel, on its shared actor (a placeholder for the moment before the actor is taken). */
function ChainDevice({
  device,
  selected,
  onSelect,
}: {
  device: string;
  selected: boolean;
  onSelect: (device: string) => void;
}) {
  const actor = useDeviceAt(device);
  if (actor) return <LiveDevice actor={actor} selected={selected} onSelect={onSelect} />;
  return <DevicePanel name="" kind="" active={false} state="loading" bank={0} banks={0} />;
}

function Chain({ selection }: { selection: DeviceSelectionActor }) {
  const { scope, target, actor: track } = useScopeTrack();
  // one string: the same devices in the same order are the same chain
  const devices = useSelector(track, (snapshot) => snapshot?.context.devices.join('\n') ?? '');
  const live = useDeviceSelection(selection);
  const { selectDevice } = live;
  const select = useCallback((device: string) => selectDevice(device, target), [selectDevice, target]);
  if (!track) return <p className="ls-layout-why">{whyNot(scope)}</p>;
  if (devices === '') return <p className="ls-empty">No devices on this track.</p>;
  return (
    <div className="ls-device-chain">
      {devices.split('\n').map((device) => (
        <ChainDevice key={device} device={device} selected={device === live.device} onSelect={select} />
      ))}
    </div>
  );
}

function ChainFollowingLive() {
  return <Chain selection={useOwnDeviceSelection()} />;
}

export function DeviceChain() {
  const above = useContext(SelectionAbove);
  return above ? <Chain selection={above} /> : <ChainFollowingLive />;
}
