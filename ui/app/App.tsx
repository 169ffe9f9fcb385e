/**
 * The surface: the transport and the connection along the top, and the
 * pages a musician switches between: the session's clips, the mixer, a
 * track's devices, the keyboard, the drum pads. Every control is its own
 * actor's view (the session's children, or actors a page starts), so one
 * value changing re-renders one control. Composition only: no I/O here.
 */
import { useActorRef } from '@xstate/react';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { Effects } from '../../machines/effects';
import type { Inspection } from '../../machines/inspection';
import type { ProvidedMachines } from '../../machines/provide';
import { useTransportActor } from '../connect/use-session';
import { SessionGrid } from '../widgets/session-grid/SessionGrid';
import { LinkBadge } from '../widgets/connection-badge/LinkBadge';
import { PerformLockSwitch } from '../widgets/perform-lock/PerformLockSwitch';
import { MixerRow } from '../widgets/mixer-strip/MixerRow';
import { SongTransport } from '../widgets/transport-bar/SongTransport';
import { DevicesPage } from './DevicesPage';
import { InspectorPage } from './InspectorPage';
import { KeysPage } from './KeysPage';
import { PadsPage } from './PadsPage';
import { InspectContext } from './inspect';
import { Tabs } from './Tabs';
import { ThemeSwitch, useTheme } from './theme-switch';

// the clip editor (the piano roll and its actor) comes with the first visit to the Clip page
const ClipPage = lazy(() => import('./ClipPage'));

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
  const [page, setPage] = useState('session');
  const [opened, setOpened] = useState<string | null>(null);
  const editSlot = useCallback((slot: string) => {
    setOpened(slot);
    setPage('clip');
  }, []);
  const [theme, setTheme] = useTheme();
  return (
    <InspectContext.Provider value={inspect}>
      <div className="ls-root ls-app" data-theme={theme}>
        <header className="ls-app-bar">
          {transport ? <SongTransport actor={transport} /> : <div className="ls-app-transport-placeholder" />}
        </header>
        <Tabs
          label="Pages"
          selected={page}
          onSelect={setPage}
          aside={
            <>
              <LinkBadge actor={connection} />
              <PerformLockSwitch actor={performLock} />
              <ThemeSwitch theme={theme} onChange={setTheme} />
            </>
          }
          tabs={[
            { id: 'session', label: 'Session', render: () => <SessionGrid session={session} onEditSlot={editSlot} /> },
            { id: 'mixer', label: 'Mixer', render: () => <MixerRow session={session} /> },
            { id: 'devices', label: 'Devices', render: () => <DevicesPage machines={machines} session={session} /> },
            { id: 'keys', label: 'Keys', render: () => <KeysPage machines={machines} session={session} /> },
            { id: 'pads', label: 'Pads', render: () => <PadsPage machines={machines} session={session} /> },
            {
              id: 'clip',
              label: 'Clip',
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
            ...(inspection
              ? [{ id: 'inspector', label: 'Inspector', render: () => <InspectorPage inspection={inspection} /> }]
              : []),
          ]}
        />
      </div>
    </InspectContext.Provider>
  );
}
