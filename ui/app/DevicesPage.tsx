/**
 * The devices of a track, each as a panel on its own device actor. With
 * "Follow Live" on (kept on this tablet), the page shows the track Live has
 * selected and outlines its selected device, and choosing a track here
 * selects it in Live; off, the page stays on the track chosen here. A tap on
 * a device's title selects it in Live either way.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import type { ProvidedMachines } from '../../machines/provide';
import { useDeviceSelection, type DeviceSelectionActor } from '../connect/use-device-selection';
import { useMixerStrips, type SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { useStoredState } from '../settings/stored-state';
import { Button } from '../widgets/button/Button';
import { LiveDevice } from '../widgets/device-panel/LiveDevice';
import { FollowIcon } from '../widgets/icons';
import { useInspect } from './inspect';
import { TrackPicker } from './TrackPicker';
import './devices-page.css';

/** The setting that keeps "Follow Live" across reloads. */
export const FOLLOW_LIVE_SETTING = 'devices.followLive';

/** The Live track an actor follows (`id 3`): fixed for the actor's life. */
const trackOf = (actor: TrackActor): string => actor.getSnapshot().context.track;

function Device({
  machines,
  device,
  selected,
  onSelect,
}: {
  machines: ProvidedMachines;
  device: string;
  selected: boolean;
  onSelect: (device: string) => void;
}) {
  const actor = useActorRef(machines.device, { input: { device }, inspect: useInspect() });
  return <LiveDevice actor={actor} selected={selected} onSelect={onSelect} />;
}

function DeviceChain({
  machines,
  track,
  selectedDevice,
  onSelect,
}: {
  machines: ProvidedMachines;
  track: TrackActor;
  selectedDevice: string | null;
  onSelect: (device: string) => void;
}) {
  const devices = useSelector(track, (snapshot) => snapshot.context.devices.join('\n'));
  const targets = devices ? devices.split('\n') : [];
  if (targets.length === 0) return <p className="ls-empty">No devices on this track.</p>;
  return (
    <div className="ls-device-chain">
      {targets.map((device) => (
        <Device
          key={device}
          machines={machines}
          device={device}
          selected={device === selectedDevice}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

/**
 * Which track the page shows: Live's selected track while following it,
 * else the one chosen here (where following left it, when turned off).
 */
function useShownTrack(tracks: readonly TrackActor[], selection: DeviceSelectionActor) {
  const [follow, storeFollow] = useStoredState(FOLLOW_LIVE_SETTING, z.boolean(), true);
  const live = useDeviceSelection(selection);
  const [chosen, choose] = useState<TrackActor | undefined>(undefined);
  const followed = follow ? tracks.find((actor) => trackOf(actor) === live.track) : undefined;
  const track = followed ?? (chosen && tracks.includes(chosen) ? chosen : tracks[0]);
  const onChoose = (actor: TrackActor): void => {
    choose(actor);
    if (follow) live.selectTrack(trackOf(actor));
  };
  const setFollow = (next: boolean): void => {
    if (!next) choose(track);
    storeFollow(next);
  };
  return { live, track, follow, setFollow, onChoose };
}

export function DevicesPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  // every track a device can be on: the tracks, the returns, the master
  const tracks = useMixerStrips(session).map((strip) => strip.actor);
  const selection = useActorRef(machines.deviceSelection, { input: {}, inspect: useInspect() });
  const { live, track, follow, setFollow, onChoose } = useShownTrack(tracks, selection);
  const shown = track ? trackOf(track) : null;
  const { selectDevice: select } = live;
  const selectDevice = useCallback((device: string) => select(device, shown), [select, shown]);
  return (
    <div className="ls-page">
      <div className="ls-devices-bar">
        <TrackPicker label="Track" tracks={tracks} chosen={track} onChoose={onChoose} />
        <span className="ls-follow-live">
          <Button kind="toggle" label="Follow Live" on={follow} size="small" onChange={setFollow}>
            <FollowIcon />
            <span>Follow Live</span>
          </Button>
        </span>
      </div>
      {live.problem && (
        <p className="ls-devices-problem" role="status">
          {live.problem}
        </p>
      )}
      {track && (
        <DeviceChain
          key={track.id}
          machines={machines}
          track={track}
          selectedDevice={live.device}
          onSelect={selectDevice}
        />
      )}
    </div>
  );
}
