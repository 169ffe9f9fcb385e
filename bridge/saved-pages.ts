/**
 * The saved pages of the page builder: `<name>.page.json` files in the
 * layouts folder (see layouts-folder.ts), so every tablet has them and a
 * developer can edit them by hand.
 *
 * A page is saved over only at the revision its client read (a hash of the
 * file's bytes): a page changed since, on another tablet or in an editor, is
 * refused with `conflict` rather than overwritten. Files are written whole
 * (a temporary file renamed over the page), so a reader never sees half a
 * page. Whoever changes the folder, every listener hears the new list: at
 * once after a save or delete here, after a short quiet time for edits made
 * outside (saved-pages-watch.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGE_LIMITS, pageFileName, type ErrorCode, type PageList, type SavedPage } from '../protocol/src/index';
import type { Log } from './log';
import { listPages, pageRevision, readPageFile } from './saved-pages-read';
import { watchFolder, type FolderWatch, type FolderWatchOptions } from './saved-pages-watch';

/** Why a save or delete was refused, as the protocol's error codes say it. */
export class PageStoreError extends Error {
  override readonly name = 'PageStoreError';

  constructor(
    readonly code: Extract<ErrorCode, 'conflict' | 'not_found' | 'bad_request' | 'unavailable'>,
    message: string,
  ) {
    super(message);
  }
}

export interface SavedPagesOptions extends FolderWatchOptions {
  log?: Pick<Log, 'warn'>;
  /** Watch the folder for edits made outside the bridge (default true). */
  watch?: boolean;
}

const CHANGED_ELSEWHERE = 'changed on another tablet (or in its file) since this one read it: open it again to see';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The layouts folder's saved pages: listed, saved and deleted at a revision, and watched. */
export class SavedPages {
  private current: PageList = [];
  private currentText = '[]';
  private readonly listeners = new Set<(pages: PageList) => void>();
  /** One operation at a time: a revision checked is still the file's when it is written over. */
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: FolderWatch | null = null;
  private warned = '';
  private closed = false;

  private constructor(
    readonly folder: string,
    private readonly options: SavedPagesOptions,
  ) {}

  /** The store over `folder`, listed once (a folder not there yet lists no pages) and watched. */
  static async open(folder: string, options: SavedPagesOptions = {}): Promise<SavedPages> {
    const store = new SavedPages(folder, options);
    await store.refresh();
    if (options.watch !== false) store.watcher = watchFolder(folder, () => void store.refresh(), options);
    return store;
  }

  /** The pages as last listed. */
  get pages(): PageList {
    return this.current;
  }

  /** Calls `listener` with the new list whenever it changes; returns how to stop. */
  onChange(listener: (pages: PageList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lists the folder again; listeners hear the list if it changed. */
  refresh(): Promise<PageList> {
    return this.exclusive(() => this.relist());
  }

  /**
   * Saves `page` as `name` if the file is still at `revision` (null: there
   * is no such page yet). Answers the new revision; refuses with `conflict`.
   */
  save(name: string, revision: string | null, page: SavedPage): Promise<{ name: string; revision: string }> {
    return this.exclusive(async () => {
      const text = `${JSON.stringify(page, null, 2)}\n`;
      const bytes = Buffer.byteLength(text);
      if (bytes > PAGE_LIMITS.maxFileBytes)
        throw new PageStoreError(
          'bad_request',
          `the page would be ${bytes} bytes; a page's file holds at most ${PAGE_LIMITS.maxFileBytes}`,
        );
      const file = await readPageFile(this.folder, name);
      if (file !== null && revision === null)
        throw new PageStoreError('conflict', `a page named "${name}" exists already: choose another name`);
      // a file gone since it was read is saved again: what the musician just made wins over a deletion
      if (file !== null && file.revision !== revision)
        throw new PageStoreError('conflict', `the page "${name}" ${CHANGED_ELSEWHERE}`);
      await this.write(name, text);
      await this.watcher?.recheck(); // the folder may be new
      await this.relist();
      return { name, revision: pageRevision(text) };
    });
  }

  /** Deletes page `name` if it is still at `revision`; `not_found` when there is none, `conflict` when it changed. */
  delete(name: string, revision: string): Promise<void> {
    return this.exclusive(async () => {
      const file = await readPageFile(this.folder, name);
      if (file === null) throw new PageStoreError('not_found', `there is no page "${name}"`);
      if (file.revision !== revision) throw new PageStoreError('conflict', `the page "${name}" ${CHANGED_ELSEWHERE}`);
      try {
        await unlink(join(this.folder, pageFileName(name)));
      } catch (error) {
        throw new PageStoreError('unavailable', `the page "${name}" could not be deleted: ${reason(error)}`);
      }
      await this.relist();
    });
  }

  /** Stops watching; nobody hears of changes anymore. */
  close(): void {
    this.closed = true;
    this.watcher?.stop();
    this.watcher = null;
    this.listeners.clear();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Written whole: a temporary file in the same folder (so the rename does not cross disks), renamed over the page. */
  private async write(name: string, text: string): Promise<void> {
    const temporary = join(this.folder, `.${pageFileName(name)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(this.folder, { recursive: true });
      await writeFile(temporary, text, { flag: 'wx' });
      await rename(temporary, join(this.folder, pageFileName(name)));
    } catch (error) {
      await rm(temporary, { force: true });
      throw new PageStoreError('unavailable', `the page "${name}" could not be saved: ${reason(error)}`);
    }
  }

  private async relist(): Promise<PageList> {
    try {
      const { pages, strays } = await listPages(this.folder);
      if (strays.length > 0)
        this.warnOnce(
          `not listed in ${this.folder} (a page's name is lower-case words joined by dashes): ${strays.join(', ')}`,
        );
      const text = JSON.stringify(pages);
      if (text !== this.currentText && !this.closed) {
        this.current = pages;
        this.currentText = text;
        for (const listener of [...this.listeners]) listener(pages);
      }
    } catch (error) {
      // the folder unreadable (its permissions): the last list stands
      this.warnOnce(`the pages in ${this.folder} cannot be listed: ${reason(error)}`);
    }
    return this.current;
  }

  private warnOnce(message: string): void {
    if (message === this.warned) return;
    this.warned = message;
    this.options.log?.warn(message);
  }
}
