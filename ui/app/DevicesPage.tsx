/**
 * The devices of a track, each as a panel on its own device actor. With
 * "Follow Live" on (kept on this tablet), the page shows the track Live has
 * selected and outlines its selected device, and choosing a track here
 * selects it in Live; off, the page stays on the track chosen here. A tap on
 * a device's title selects it in Live either way. Every track a device can
 * be on is offered: the tracks, the returns, the master.
 *
 * It is written as a layout, from the kit a file in layouts/ imports
 * (`../layouts`), so it is also an example of one: a layout saying the
 * same would make the same page.
 */
import type { ProvidedMachines } from '../../machines/provide';
import type { SessionActor } from '../connect/use-session';
import { DeviceChain, FollowLiveChooser, Layout } from '../layouts';
import { LayoutProvider } from '../layouts/layout-context';
import { useInspect } from './inspect';

/** The setting that keeps "Follow Live" across reloads. */
export const FOLLOW_LIVE_SETTING = 'devices.followLive';

/** The Devices page as a layout. */
export function DevicesLayout() {
  return (
    <Layout title="Devices" bare>
      <FollowLiveChooser label="Track" storageKey={FOLLOW_LIVE_SETTING} returns master>
        <DeviceChain />
      </FollowLiveChooser>
    </Layout>
  );
}

/** The page on the app's session (its own layout services, so a story can show it alone too). */
export function DevicesPage({ machines, session }: { machines: ProvidedMachines; session: SessionActor }) {
  return (
    <LayoutProvider machines={machines} session={session} inspect={useInspect()}>
      <DevicesLayout />
    </LayoutProvider>
  );
}
