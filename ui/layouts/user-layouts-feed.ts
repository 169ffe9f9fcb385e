/**
 * The bridge's index of a user's layouts, kept fresh while the app shows:
 * fetched when the first page list subscribes, again every few seconds
 * while the page is visible and whenever the window comes back (focus, or
 * the tab shown again), so a layout saved or added reaches every tablet
 * without a reload. A failed fetch (the bridge restarting) keeps the last
 * list; a bridge that serves no layouts of a user is not asked again but
 * when the window comes back.
 */
import type { UserLayoutsIndex } from '../../common/user-layouts';
import { USER_LAYOUTS_INDEX_PATH } from '../../common/user-layouts';
import { pageSessionToken } from '../app/session-token';
import { parseUserLayoutsIndex, sameIndex, UserLayoutViews } from './user-layouts';

/** How often the index is fetched while the page is visible. */
export const USER_LAYOUTS_POLL_MS = 3000;

export interface UserLayoutsFeedOptions {
  /** The index now, or null when the bridge did not give one. */
  fetchIndex: () => Promise<UserLayoutsIndex | null>;
  /** Whether the page is shown (a hidden tab does not poll). */
  visible: () => boolean;
  /** Calls `wake` whenever the window comes back; returns how to stop. */
  onWake: (wake: () => void) => () => void;
  everyMs?: number;
}

export class UserLayoutsFeed {
  private index: UserLayoutsIndex | null = null;
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  private fetching: Promise<void> | null = null;

  constructor(private readonly options: UserLayoutsFeedOptions) {}

  /** For `useSyncExternalStore`: the first listener starts the polling, the last one gone stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  };

  /** The last index the bridge gave, or null before it gave one. */
  readonly snapshot = (): UserLayoutsIndex | null => this.index;

  /** Fetches the index now (one fetch at a time); listeners hear of it only when it changed. */
  refresh(): Promise<void> {
    this.fetching ??= this.options
      .fetchIndex()
      .catch(() => null)
      .then((next) => {
        if (next === null || sameIndex(next, this.index)) return;
        this.index = next;
        for (const listener of this.listeners) listener();
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  }

  private start(): void {
    void this.refresh();
    const timer = setInterval(() => {
      if (this.options.visible() && this.index?.folder !== null) void this.refresh();
    }, this.options.everyMs ?? USER_LAYOUTS_POLL_MS);
    const stopWaking = this.options.onWake(() => void this.refresh());
    this.stop = () => {
      clearInterval(timer);
      stopWaking();
    };
  }
}

async function fetchIndex(token: string): Promise<UserLayoutsIndex | null> {
  const response = await fetch(`${USER_LAYOUTS_INDEX_PATH}?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
  if (!response.ok) return null;
  return parseUserLayoutsIndex(await response.json());
}

function onWindowBack(wake: () => void): () => void {
  const shown = (): void => {
    if (document.visibilityState === 'visible') wake();
  };
  window.addEventListener('focus', wake);
  document.addEventListener('visibilitychange', shown);
  return () => {
    window.removeEventListener('focus', wake);
    document.removeEventListener('visibilitychange', shown);
  };
}

export interface AppUserLayouts {
  feed: UserLayoutsFeed;
  views: UserLayoutViews;
}

let app: AppUserLayouts | null | undefined;

/** The app's feed and page components, on the session token; null without one (no bridge to ask). */
export function appUserLayouts(): AppUserLayouts | null {
  if (app !== undefined) return app;
  const token = pageSessionToken();
  app =
    token === null
      ? null
      : {
          feed: new UserLayoutsFeed({
            fetchIndex: () => fetchIndex(token),
            visible: () => document.visibilityState === 'visible',
            onWake: onWindowBack,
          }),
          views: new UserLayoutViews(token),
        };
  return app;
}
