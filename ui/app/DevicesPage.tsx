/** The devices of a chosen track, each as a panel of knobs on its own device actor. */
import { useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import type { ProvidedMachines } from '../../machines/provide';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { LiveDevice } from '../widgets/device-panel/LiveDevice';
import { useInspect } from './inspect';
import { TrackPicker } from './TrackPicker';

function Device({ machines, device }: { machines: ProvidedMachines; device: string }) {
  const actor = useActorRef(machines.device, { input: { device }, inspect: useInspect() });
  return <LiveDevice actor={actor} />;
}

function DeviceChain({ machines, track }: { machines: ProvidedMachines; track: TrackActor }) {
  const devices = useSelector(track, (snapshot) => snapshot.context.devices.join('\n'));
  const targets = devices ? devices.split('\n') : [];
  if (targets.length === 0) return <p className="ls-empty">No devices on this track.</p>;
  return (
    <div className="ls-device-chain">
      {targets.map((device) => (
        <Device key={device} machines={machines} device={device} />
      ))}
    </div>
  );
}

export function DevicesPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  const tracks = useTrackActors(session);
  const [chosen, choose] = useState<TrackActor | undefined>(undefined);
  const track = chosen && tracks.includes(chosen) ? chosen : tracks[0];
  return (
    <div className="ls-page">
      <TrackPicker label="Track" tracks={tracks} chosen={track} onChoose={choose} />
      {track && <DeviceChain key={track.id} machines={machines} track={track} />}
    </div>
  );
}
