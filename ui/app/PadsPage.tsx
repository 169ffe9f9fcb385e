/**
 * The drum pads, on the page's one chosen track: its Drum Rack's pads named
 * from Live (a plain grid of notes from C1 when it has none), and the notes
 * go to that same track once it is armed (one tap; the head says where they
 * go now). The pads fill the rest of the screen. The chosen track, note
 * repeat and a plain grid's row are kept across a reload.
 *
 * It is written as a layout, from the kit a file in layouts/ imports
 * (`../layouts`), so it is also an example of one: a layout saying the
 * same would make the same page.
 */
import type { ProvidedMachines } from '../../machines/provide';
import type { SessionActor } from '../connect/use-session';
import type { TrackActor } from '../connect/use-track';
import { Layout, Pads, TrackChooser } from '../layouts';
import { LayoutProvider } from '../layouts/layout-context';
import { TrackDrumPads } from '../widgets/pads/TrackDrumPads';
import { useInspect } from './inspect';

/** Where the pads' settings are kept (the Play page's pads share them). */
export const PADS_SETTINGS = 'pads';

/** The Pads page as a layout. */
export function PadsLayout() {
  return (
    <Layout title="Pads" fill>
      <TrackChooser label="Track" storageKey="pads.track" notes fill>
        <Pads fill settings={PADS_SETTINGS} />
      </TrackChooser>
    </Layout>
  );
}

/** The page on the app's session (its own layout services, so a story can show it alone too). */
export function PadsPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  return (
    <LayoutProvider machines={machines} session={session} inspect={useInspect()}>
      <PadsLayout />
    </LayoutProvider>
  );
}

/** This page's pads on `track`, filling their place: the Play page shows them, sharing their settings. */
export function TrackPads({ machines, track }: { machines: ProvidedMachines; track: TrackActor }) {
  return <TrackDrumPads machines={machines} track={track} settings={PADS_SETTINGS} fill inspect={useInspect()} />;
}
