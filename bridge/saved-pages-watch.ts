/**
 * Watching the layouts folder for edits made outside the bridge (a
 * developer's editor, a sync tool, `git pull`): `fs.watch` on the folder,
 * its bursts of events debounced into one call. The folder may not exist
 * yet (a fresh install saves its first page later) or may be removed and
 * made again: then it is looked for every `pollMs` until it is there.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FolderWatchOptions {
  /** Quiet time after the last event before `changed` is called (an editor's save is several events). */
  debounceMs?: number;
  /** How often a missing folder is looked for. */
  pollMs?: number;
}

export interface FolderWatch {
  /** Looks at the folder now: starts watching it if it appeared, falls back to looking for it if it went. */
  recheck(): Promise<void>;
  stop(): void;
}

export const DEFAULT_DEBOUNCE_MS = 100;
export const DEFAULT_POLL_MS = 1000;

/** The folder's identity, or null when there is no folder there. */
async function folderId(folder: string): Promise<string | null> {
  try {
    const info = await stat(folder);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * Calls `changed` (debounced) whenever something in `folder` may have
 * changed, including the folder itself appearing or going away.
 */
export function watchFolder(folder: string, changed: () => void, options: FolderWatchOptions = {}): FolderWatch {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  let watcher: FSWatcher | null = null;
  let watchedId: string | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const unwatch = (): void => {
    watcher?.close();
    watcher = null;
    watchedId = null;
  };

  const soon = (): void => {
    if (stopped) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      // an event may be the folder itself going (or replaced): look before listing
      void recheck().then(() => {
        if (!stopped) changed();
      });
    }, debounceMs);
    debounce.unref();
  };

  const recheck = async (): Promise<void> => {
    const id = await folderId(folder);
    if (stopped || (id !== null && id === watchedId)) return;
    // gone, replaced by another folder, or there at last
    const wasWatching = watcher !== null;
    unwatch();
    if (id === null) {
      if (poll === null) {
        poll = setInterval(() => void recheck(), pollMs);
        poll.unref();
      }
      if (wasWatching) soon();
      return;
    }
    if (poll !== null) clearInterval(poll);
    poll = null;
    try {
      watcher = watch(folder, { persistent: false }, () => soon());
      watchedId = id;
      // e.g. the folder removed under the watcher on some systems: look again
      watcher.on('error', () => {
        unwatch();
        void recheck();
      });
    } catch {
      // removed between stat and watch: look for it again
      poll = setInterval(() => void recheck(), pollMs);
      poll.unref();
    }
    soon();
  };

  void recheck();
  return {
    recheck,
    stop() {
      stopped = true;
      unwatch();
      if (poll !== null) clearInterval(poll);
      if (debounce !== null) clearTimeout(debounce);
      poll = null;
      debounce = null;
    },
  };
}
