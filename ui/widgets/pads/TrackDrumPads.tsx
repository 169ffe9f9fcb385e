/**
 * A track's drum pads: the pads of its first Drum Rack, named from Live (a
 * plain grid of notes when it has none), found by the rack finder and
 * played by a drum pads actor whose settings (note repeat and its rate, a
 * plain grid's row) are kept under `settings` across a reload. The Pads and
 * Play pages show them, and a layout's `<Pads />`.
 */
import { useActorRef, useSelector } from '@xstate/react';
import type { InspectionEvent } from 'xstate';
import type { ProvidedMachines } from '../../../machines/provide';
import { useStoredDrumPads } from '../../connect/use-drum-pads';
import type { TrackActor } from '../../connect/use-track';
import { DrumPads, type DrumPadsProps } from './DrumPads';

export interface TrackDrumPadsProps extends Pick<DrumPadsProps, 'size' | 'fill'> {
  machines: Pick<ProvidedMachines, 'rackFinder' | 'drumPads'>;
  track: TrackActor;
  /** Where the pads' settings are kept (pages that share a key share them). */
  settings: string;
  /** For the developers' page (`?inspect`): the actors started here. */
  inspect?: (event: InspectionEvent) => void;
}

function PadsOn({
  machines,
  rack,
  settings,
  inspect,
  ...look
}: Omit<TrackDrumPadsProps, 'track'> & { rack: string | null; color: number | null }) {
  const pads = useStoredDrumPads(machines.drumPads, settings, rack, inspect);
  return <DrumPads actor={pads} {...look} />;
}

export function TrackDrumPads({ machines, track, inspect, ...rest }: TrackDrumPadsProps) {
  const target = useSelector(track, (snapshot) => snapshot.context.track);
  const color = useSelector(track, (snapshot) =>
    snapshot.context.received.includes('color') ? snapshot.context.color : null,
  );
  const finder = useActorRef(machines.rackFinder, { input: { track: target }, inspect });
  const rack = useSelector(finder, (snapshot) => snapshot.context.rack);
  const searching = useSelector(finder, (snapshot) => snapshot.hasTag('loading') && snapshot.context.rack === null);
  // a new rack (or none) is a new pads actor: nothing held carries over
  return searching ? (
    <p className="ls-empty">Looking for a Drum Rack…</p>
  ) : (
    <PadsOn key={rack ?? 'notes'} machines={machines} rack={rack} color={color} inspect={inspect} {...rest} />
  );
}
