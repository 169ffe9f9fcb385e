/**
 * The mixer: a strip for every track of the set, then the returns, then the
 * master, in Live's order, in one row that scrolls sideways when they do not
 * fit (a finger swipes it anywhere, faders and knobs included). The track
 * Live has selected is outlined, and a tap on a strip's name selects its
 * track in Live. Each strip is the session's own track actor's, as the
 * session grid's columns are.
 *
 * It is written as a layout, from the kit a file in layouts/ imports
 * (`../layouts`), so it is also an example of one: a layout saying the
 * same would make the same page.
 */
import type { ProvidedMachines } from '../../machines/provide';
import type { SessionActor } from '../connect/use-session';
import { Layout, Mixer, Strip, Tracks } from '../layouts';
import { LayoutProvider } from '../layouts/layout-context';
import { useInspect } from './inspect';

/** The Mixer page as a layout. */
export function MixerLayout() {
  return (
    <Layout title="Mixer" bare>
      <Mixer>
        <Tracks returns master>
          <Strip />
        </Tracks>
      </Mixer>
    </Layout>
  );
}

/** The page on the app's session (its own layout services, so a story can show it alone too). */
export function MixerPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  return (
    <LayoutProvider machines={machines} session={session} inspect={useInspect()}>
      <MixerLayout />
    </LayoutProvider>
  );
}
