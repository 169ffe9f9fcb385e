/**
 * The drum pads, on the page's one chosen track: its Drum Rack's pads named
 * from Live (a plain grid of notes from C1 when it has none), and the notes
 * go to that same track once it is armed (one tap; the head says where they
 * go now). The pads fill the rest of the screen. The chosen track, note
 * repeat and a plain grid's row are kept across a reload.
 */
import { useActorRef, useSelector } from '@xstate/react';
import type { ProvidedMachines } from '../../machines/provide';
import { useStoredDrumPads } from '../connect/use-drum-pads';
import { useTrackActors, type SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { DrumPads } from '../widgets/pads/DrumPads';
import { PlayHead } from './ArmChips';
import { useInspect } from './inspect';
import { useChosenTrack } from './TrackPicker';

/** Where the pads' settings are kept (the Play page's pads share them). */
export const PADS_SETTINGS = 'pads';

function PadsOn({ machines, rack, color }: { machines: ProvidedMachines; rack: string | null; color: number | null }) {
  const pads = useStoredDrumPads(machines.drumPads, PADS_SETTINGS, rack, useInspect());
  return <DrumPads actor={pads} color={color} fill />;
}

/** The pads of a track's first Drum Rack (a plain grid of notes when it has none). */
export function TrackPads({ machines, track }: { machines: ProvidedMachines; track: TrackActor }) {
  const target = useSelector(track, (snapshot) => snapshot.context.track);
  const color = useSelector(track, (snapshot) =>
    snapshot.context.received.includes('color') ? snapshot.context.color : null,
  );
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
  const { chosen, summaries, choose } = useChosenTrack('pads.track', tracks);
  return (
    <div className="ls-page ls-play-page" data-page="pads">
      <PlayHead label="Track" tracks={summaries} chosen={chosen} onChoose={choose} />
      <div className="ls-play-fill">
        {chosen ? (
          <TrackPads key={chosen.actor.id} machines={machines} track={chosen.actor} />
        ) : (
          <p className="ls-empty">Finding the tracks…</p>
        )}
      </div>
    </div>
  );
}
