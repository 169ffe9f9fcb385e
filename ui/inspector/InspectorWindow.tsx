/** The inspector in a window of its own: the record of the app window that opened it, or why there is none. */
import { lazy, Suspense } from 'react';
import { openerInspection } from './inspector-window';
import './inspector-drawer.css';

const Inspector = lazy(() => import('./LoadedInspector'));

export function InspectorWindow({ theme }: { theme: 'dark' | 'light' }) {
  const inspection = openerInspection();
  return (
    <div className="ls-root ls-inspector-window" data-theme={theme}>
      {inspection ? (
        <Suspense fallback={<p className="ls-empty">Opening the inspector…</p>}>
          <Inspector inspection={inspection} />
        </Suspense>
      ) : (
        <p className="ls-empty ls-inspector-none" role="alert">
          No app to inspect: open the inspector from the app (with ?inspect in its address), then its “Open in a
          window”.
        </p>
      )}
    </div>
  );
}
