/**
 * Live's selection on a device selection actor: the selected track and
 * device as the Devices page follows them, why it cannot (or why Live
 * refused a selection), and the selections a page makes.
 */
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { DeviceSelectionMachine } from '../../machines/device-selection';
import { sameView } from './same';

/** A running device selection machine. */
export type DeviceSelectionActor = ActorRefFrom<DeviceSelectionMachine>;

/** What a page shows of Live's selection. */
export interface DeviceSelectionView {
  /** Whether Live's selection is followed now (false while it cannot be: `problem` says why). */
  following: boolean;
  track: string | null;
  device: string | null;
  /** Why the selection cannot be followed, or the selection Live refused last. */
  problem: string | null;
}

/** The view of a selection snapshot. */
export function deviceSelectionView(snapshot: SnapshotFrom<DeviceSelectionMachine>): DeviceSelectionView {
  const { context } = snapshot;
  const following = snapshot.hasTag('following');
  return {
    following,
    track: context.track,
    device: context.device,
    problem: following ? context.refused : (context.error?.message ?? 'Live’s selection cannot be followed'),
  };
}

/** The selections a page makes in Live. */
export interface DeviceSelectionCallbacks {
  selectTrack: (track: string) => void;
  /** A device, and its track (selected first when Live has another); null when the page does not know it. */
  selectDevice: (device: string, track: string | null) => void;
  retry: () => void;
}

/** Live's selection, and the callbacks that change it. */
export function useDeviceSelection(actor: DeviceSelectionActor): DeviceSelectionView & DeviceSelectionCallbacks {
  const view = useSelector(actor, deviceSelectionView, sameView);
  const callbacks = useMemo(
    (): DeviceSelectionCallbacks => ({
      selectTrack: (track) => actor.send({ type: 'ui.selectTrack', track }),
      selectDevice: (device, track) => actor.send({ type: 'ui.selectDevice', device, track }),
      retry: () => actor.send({ type: 'ui.retry' }),
    }),
    [actor],
  );
  return { ...view, ...callbacks };
}
