/**
 * Whether the screen is too short for rows of chrome above a page (a phone on
 * its side): app.css lays the chrome out in one row and a column of tabs under
 * the same query, the transport bar keeps to one row, and the clip editor puts
 * its toolbar down the side so the roll keeps the height.
 */
import { useSyncExternalStore } from 'react';

export const SHORT_SCREEN = '(orientation: landscape) and (max-height: 500px)';

function shortScreen(): MediaQueryList | null {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? null
    : window.matchMedia(SHORT_SCREEN);
}

const subscribe = (changed: () => void): (() => void) => {
  const query = shortScreen();
  query?.addEventListener('change', changed);
  return () => query?.removeEventListener('change', changed);
};
const isShort = (): boolean => shortScreen()?.matches ?? false;
const notShort = (): boolean => false;

/** Whether the screen is short now (and a render when that changes, a phone turned). */
export const useShortScreen = (): boolean => useSyncExternalStore(subscribe, isShort, notShort);
