/**
 * The inspector in a window of its own (`?inspector-window`, opened by the
 * app's inspector): it shows the record of the app window that opened it
 * (same origin: the opener hands it over on `window`), so a developer can
 * keep it on another screen.
 */
import type { Inspection } from '../../machines/inspection';

const HANDOVER = '__livesurfaceInspection';

/** Opens the window; false when the browser blocked it. */
export function openInspectorWindow(inspection: Inspection): boolean {
  Reflect.set(window, HANDOVER, inspection);
  const url = new URL(window.location.href);
  url.search = '?inspector-window';
  return window.open(url, 'livesurface-inspector', 'popup,width=1280,height=820') !== null;
}

/** In the inspector's window: the opener's record, or null when there is none (opened by hand, or the app closed). */
export function openerInspection(): Inspection | null {
  const opener: unknown = window.opener;
  if (typeof opener !== 'object' || opener === null) return null;
  const handed: unknown = Reflect.get(opener, HANDOVER);
  return isInspection(handed) ? handed : null;
}

function isInspection(value: unknown): value is Inspection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'actors') === 'function' &&
    typeof Reflect.get(value, 'inspect') === 'function'
  );
}
