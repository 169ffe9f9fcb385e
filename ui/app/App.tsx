/**
 * The surface: the transport and the connection along the top, and the
 * pages a musician switches between: the session's clips, the mixer, a
 * track's devices, the keyboard, the drum pads. Every control is its own
 * actor's view (the session's children, or actors a page starts), so one
 * value changing re-renders one control. While Live or the bridge is away,
 * a banner says so over the page, and the transport and the pages go dim
 * and inert (but the Clip page, whose editors keep their edits until Live
 * is back); what only the musician can mend (another address, a reload)
 * gets a screen of its own. Composition only: no I/O here.
 */
import { useActorRef } from '@xstate/react';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Effects } from '../../machines/effects';
import type { Inspection } from '../../machines/inspection';
import type { ProvidedMachines } from '../../machines/provide';
import { useConnectionNotice } from '../connect/use-connection';
import { useTransportActor } from '../connect/use-session';
import { LinkBadge } from '../widgets/connection-badge/LinkBadge';
import { Tablets } from '../widgets/presence/Tablets';
import { SessionLayout } from './SessionPage';
import { useTabletPresence } from '../connect/use-presence';
import { LinkBanner } from '../widgets/connection-badge/LinkBanner';
import { PerformLockSwitch } from '../widgets/perform-lock/PerformLockSwitch';
import { SongTransport } from '../widgets/transport-bar/SongTransport';
import { InspectorDrawer, useInspectorKey } from '../inspector/InspectorDrawer';
import { LayoutProvider } from '../layouts/layout-context';
import { LayoutPageView, useLayoutPages } from '../layouts/layout-pages';
import { savedPageTabs } from '../builder/saved-page-tabs';
import { usePages } from '../connect/use-pages';
import { TabletPresenceContext } from '../connect/use-presence-of-clip';
import { useWakeLock } from '../connect/use-wake-lock';
import { InspectContext } from './inspect';
import { LinkScreen } from './LinkScreen';
import { Tabs } from './Tabs';
import { ThemeSwitch, useTheme } from './theme-switch';

/**
 * The other pages come after the session (what a musician sees first loads first), fetched once the
 * session has had its time (`PREFETCH_AFTER_MS`), so a tab opens at once later, and the Clip page
 * (the piano roll and its actor) opens even when the bridge has gone away since.
 */
const pageLoaders = {
  clip: () => import('./ClipPage'),
  mixer: () => import('./MixerPage').then((module) => ({ default: module.MixerPage })),
  devices: () => import('./DevicesPage').then((module) => ({ default: module.DevicesPage })),
  keys: () => import('./KeysPage').then((module) => ({ default: module.KeysPage })),
  pads: () => import('./PadsPage').then((module) => ({ default: module.PadsPage })),
  play: () => import('./PlayPage').then((module) => ({ default: module.PlayPage })),
};
const ClipPage = lazy(pageLoaders.clip);
const MixerPage = lazy(pageLoaders.mixer);
const DevicesPage = lazy(pageLoaders.devices);
const KeysPage = lazy(pageLoaders.keys);
const PadsPage = lazy(pageLoaders.pads);
const PlayPage = lazy(pageLoaders.play);
const PREFETCH_AFTER_MS = 1500;

const later = (page: ReactNode) => <Suspense fallback={<p className="ls-empty">Opening the page…</p>}>{page}</Suspense>;

export interface AppProps {
  machines: ProvidedMachines;
  /** The machines' effects, for what the app loads later (the clip editor's machines). */
  effects: Effects;
  /** Every actor's life, for the developers' page (`?inspect`). */
  inspection?: Inspection;
}

export function App({ machines, effects, inspection }: AppProps) {
  const inspect = inspection?.inspect;
  const connection = useActorRef(machines.connection, { inspect });
  const performLock = useActorRef(machines.performLock, { inspect });
  const session = useActorRef(machines.session, { inspect });
  const transport = useTransportActor(session);
  useWakeLock(transport);
  const [page, setPage] = useState('session');
  const tablet = useTabletPresence(machines.tabletPresence, page, inspect);
  const [opened, setOpened] = useState<string | null>(null);
  const editSlot = useCallback((slot: string) => {
    setOpened(slot);
    setPage('clip');
  }, []);
  const [theme, setTheme] = useTheme();
  const layoutPages = useLayoutPages();
  const savedPages = usePages(connection);
  const notice = useConnectionNotice(connection);
  const [inspecting, setInspecting] = useState(false);
  const toggleInspector = useCallback(() => setInspecting((open) => !open), []);
  useInspectorKey(inspection !== undefined, toggleInspector);
  useEffect(() => {
    const timer = setTimeout(() => Object.values(pageLoaders).forEach((load) => void load()), PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (notice.kind === 'screen') return <LinkScreen notice={notice} theme={theme} />;
  const offline = notice.kind === 'banner';
  return (
    <InspectContext.Provider value={inspect}>
      <TabletPresenceContext.Provider value={tablet}>
        <div className="ls-root ls-app" data-theme={theme} data-offline={offline || undefined}>
          <header className="ls-app-bar" inert={offline}>
            {transport ? <SongTransport actor={transport} /> : <div className="ls-app-transport-placeholder" />}
          </header>
          <LayoutProvider machines={machines} session={session} inspect={inspect} onEditSlot={editSlot}>
            <Tabs
              label="Pages"
              selected={page}
              onSelect={setPage}
              offline={offline}
              banner={(tab) => offline && <LinkBanner notice={notice} holdsEdits={tab.worksOffline} />}
              aside={
                <>
                  <LinkBadge actor={connection} />
                  <Tablets actor={tablet} />
                  <PerformLockSwitch actor={performLock} />
                  <ThemeSwitch theme={theme} onChange={setTheme} />
                  {inspection && (
                    <button
                      type="button"
                      className="ls-tool ls-inspect-button"
                      aria-pressed={inspecting}
                      aria-keyshortcuts="`"
                      onClick={toggleInspector}
                    >
                      Inspect
                    </button>
                  )}
                </>
              }
              tabs={[
                {
                  id: 'session',
                  label: 'Session',
                  render: () => <SessionLayout />,
                },
                {
                  id: 'mixer',
                  label: 'Mixer',
                  render: () => later(<MixerPage machines={machines} session={session} />),
                },
                {
                  id: 'devices',
                  label: 'Devices',
                  render: () => later(<DevicesPage machines={machines} session={session} />),
                },
                { id: 'keys', label: 'Keys', render: () => later(<KeysPage machines={machines} session={session} />) },
                { id: 'pads', label: 'Pads', render: () => later(<PadsPage machines={machines} session={session} />) },
                { id: 'play', label: 'Play', render: () => later(<PlayPage machines={machines} session={session} />) },

                {
                  id: 'clip',
                  label: 'Clip',
                  // its editors keep a musician's edits while Live is offline, and send them when it is back
                  worksOffline: true,
                  render: () => (
                    <Suspense fallback={<p className="ls-empty">Opening the clip editor…</p>}>
                      <ClipPage
                        key={opened ?? 'live'}
                        effects={effects}
                        machines={machines}
                        session={session}
                        opened={opened}
                      />
                    </Suspense>
                  ),
                },
                // the project's layouts (layouts/*.tsx), then a user's, each a page, after the app's own (a phone on its side scrolls its tab column to them)
                ...layoutPages.map((layout) => ({
                  id: layout.id,
                  label: layout.label,
                  render: () => <LayoutPageView page={layout} />,
                })),
                // the pages built on the tablets (saved on the bridge), then building a new one
                ...savedPageTabs({ machines, pages: savedPages, show: setPage }),
              ]}
            />
          </LayoutProvider>
          {inspection && inspecting && <InspectorDrawer inspection={inspection} onClose={() => setInspecting(false)} />}
        </div>
      </TabletPresenceContext.Provider>
    </InspectContext.Provider>
  );
}
