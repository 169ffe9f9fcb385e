/**
 * Keeps a tablet's screen on while the musician needs it (while Live plays),
 * through the Screen Wake Lock API where the browser has it. The browser
 * drops the lock whenever the page is hidden (another app, the screen
 * locked by hand), so it is asked again each time the page shows while it
 * is still wanted. A browser without the API, or one that refuses the lock
 * (a battery saver), leaves the screen to its own timeout: nothing fails.
 */

/** The part of `navigator.wakeLock` this uses. */
export interface ScreenWakeLock {
  request(type: 'screen'): Promise<WakeLockHold>;
}

/** The part of a `WakeLockSentinel` this uses. */
export interface WakeLockHold {
  readonly released: boolean;
  release(): Promise<void>;
}

/** The part of `document` this uses: whether the page shows, and when that changes. */
export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** The browser's wake lock, where it has one. */
export function browserWakeLock(): ScreenWakeLock | undefined {
  return typeof navigator !== 'undefined' && 'wakeLock' in navigator ? navigator.wakeLock : undefined;
}

/**
 * Holds the screen awake from now until the returned function is called: asks for the lock while the page
 * shows, again whenever it shows anew, and lets it go at the end (also a lock granted after the end).
 */
export function keepScreenAwake(wakeLock: ScreenWakeLock | undefined, page: PageVisibility): () => void {
  if (!wakeLock) return () => {};
  let ended = false;
  let hold: WakeLockHold | null = null;
  let asking = false;

  const ask = (): void => {
    if (ended || asking || (hold && !hold.released) || page.visibilityState !== 'visible') return;
    asking = true;
    wakeLock.request('screen').then(
      (granted) => {
        asking = false;
        if (ended) {
          void granted.release().catch(() => {});
          return;
        }
        hold = granted;
      },
      () => {
        // refused (hidden meanwhile, a battery saver, a policy): asked again when the page shows anew
        asking = false;
      },
    );
  };

  page.addEventListener('visibilitychange', ask);
  ask();
  return () => {
    ended = true;
    page.removeEventListener('visibilitychange', ask);
    if (hold && !hold.released) void hold.release().catch(() => {});
    hold = null;
  };
}
