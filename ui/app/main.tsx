/**
 * The app's entry: the session token from the address `livesurface start`
 * printed (or the one this device kept: the home screen's icon opens the
 * address without it), one LiveLink to the bridge, the machines on it, the
 * surface, and the service worker that keeps the app for the next open.
 * Without a token, the screen saying where to get one. For developers,
 * `?inspect` records every actor from the start (machines/inspection.ts) for
 * the inspector (the app bar's Inspect, or the ` key); `?inspect=stately`
 * also sends them to Stately's inspector. `?inspector-window` is the
 * inspector in a window of its own, opened from the app's.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveLink } from '../../link/live-link';
import { createInspection } from '../../machines/inspection';
import { linkEffects } from '../../machines/link-effects';
import { provideMachines } from '../../machines/provide';
import '../theme/theme.css';
import { InspectorWindow } from '../inspector/InspectorWindow';
import { statelyForward } from '../inspector/stately';
import { App } from './App';
import { startServiceWorker } from './service-worker';
import { pageSessionToken } from './session-token';
import { StatusView } from './StatusView';
import { storedTheme } from './theme-switch';
import { PageTokenForm } from './TokenForm';
import './app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const token = pageSessionToken();
const params = new URLSearchParams(window.location.search);
startServiceWorker();

if (params.has('inspector-window')) {
  const theme = storedTheme();
  document.documentElement.dataset.theme = theme;
  root.render(<InspectorWindow theme={theme} />);
} else if (token === null) {
  const theme = storedTheme();
  document.documentElement.dataset.theme = theme;
  root.render(
    <StatusView screen="no-token" theme={theme}>
      <PageTokenForm />
    </StatusView>,
  );
} else {
  const link = new LiveLink({ url: window.location.origin, token });
  const effects = linkEffects(link);
  const machines = provideMachines(effects);
  const inspection = params.has('inspect')
    ? createInspection(params.get('inspect') === 'stately' ? statelyForward() : undefined)
    : undefined;
  root.render(
    <StrictMode>
      <App machines={machines} effects={effects} inspection={inspection} />
    </StrictMode>,
  );
}
