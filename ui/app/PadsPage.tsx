/**
 * The drum pads, on a chosen track's Drum Rack: the pads named from Live
 * when the track has one, a plain grid of notes from C1 when it has none.
 * The notes reach the armed tracks, as the keys' do.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { useState } from 'react';
import type { ProvidedMachines } from '../../machines/provide';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { DrumPads } from '../widgets/pads/DrumPads';
import { ArmChips } from './ArmChips';
import { useInspect } from './inspect';
import { TrackPicker } from './TrackPicker';

function PadsOn({ machines, rack, color }: { machines: ProvidedMachines; rack: string | null; color: number }) {
  const pads = useActorRef(machines.drumPads, { input: { rack }, inspect: useInspect() });
  return <DrumPads actor={pads} color={color} />;
}

function TrackPads({ machines, track }: { machines: ProvidedMachines; track: TrackActor }) {
  const target = useSelector(track, (snapshot) => snapshot.context.track);
  const color = useSelector(track, (snapshot) => snapshot.context.color);
  const finder = useActorRef(machines.rackFinder, { input: { track: target }, inspect: useInspect() });
  const rack = useSelector(finder, (snapshot) => snapshot.context.rack);
  const searching = useSelector(finder, (snapshot) => snapshot.hasTag('loading') && snapshot.context.rack === null);
  // a new rack (or none) is a new pads actor: nothing held carries over
  return searching ? (
    <p className="ls-empty">Looking for a Drum Rack…</p>
  ) : (
    <PadsOn key={rack ?? 'notes'} machines={machines} rack={rack} color={color} />
  );
}

export function PadsPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  const tracks = useTrackActors(session);
  const [chosen, choose] = useState<TrackActor | undefined>(undefined);
  const track = chosen && tracks.includes(chosen) ? chosen : tracks[0];
  return (
    <div className="ls-page">
      <TrackPicker label="Drum Rack of" tracks={tracks} chosen={track} onChoose={choose} />
      <ArmChips tracks={tracks} />
      {track && <TrackPads key={track.id} machines={machines} track={track} />}
    </div>
  );
}
