/**
 * The inspector inside the app (`?inspect`): a drawer over the page's right
 * half, opened from the app bar's Inspect button or the ` key, so the page
 * stays in view beside it; or in a window of its own (it reads this
 * window's record: `inspector-window.tsx`). The inspector's code and ELK
 * load only when it first opens.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Inspection } from '../../machines/inspection';
import { openInspectorWindow } from './inspector-window';
import './inspector-drawer.css';

const Inspector = lazy(() => import('./LoadedInspector'));

/** The key that opens and closes the drawer (not while typing). */
export const INSPECT_KEY = '`';

export function useInspectorKey(enabled: boolean, onToggle: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
      if (event.key !== INSPECT_KEY || typing || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      onToggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, onToggle]);
}

export function InspectorDrawer({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const [blocked, setBlocked] = useState(false);
  return (
    <aside className="ls-inspector-drawer" aria-label="Inspector">
      {blocked && (
        <p className="ls-inspector-blocked" role="alert">
          The browser blocked the inspector’s window: allow pop-ups for this page.
        </p>
      )}
      <Suspense fallback={<p className="ls-empty">Opening the inspector…</p>}>
        <Inspector
          inspection={inspection}
          onClose={onClose}
          onOpenWindow={() => {
            const opened = openInspectorWindow(inspection);
            setBlocked(!opened);
            if (opened) onClose();
          }}
        />
      </Suspense>
    </aside>
  );
}
