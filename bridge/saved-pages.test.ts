import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_LIMITS, type PageList, type SavedPage } from '../protocol/src/index';
import { memoryLog } from './log';
import { PageStoreError, SavedPages, type SavedPagesOptions } from './saved-pages';

const page = (title: string, widgets: SavedPage['widgets'] = []): SavedPage => ({
  format: 'livesurface.page',
  version: 1,
  title,
  widgets,
});

const KNOB = {
  kind: 'knob',
  id: 'drive',
  x: 0,
  y: 0,
  w: 2,
  h: 2,
  parameter: { track: { name: 'Bass' }, device: { name: 'Saturator' }, target: 'parameters 1' },
} as const;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

const folders: string[] = [];
const stores: SavedPages[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'saved-pages-'));
  folders.push(folder);
  return folder;
}

async function open(folder: string, options: SavedPagesOptions = {}) {
  const log = memoryLog();
  const store = await SavedPages.open(folder, { debounceMs: 20, pollMs: 20, log, ...options });
  stores.push(store);
  const heard: PageList[] = [];
  store.onChange((pages) => heard.push(pages));
  return { store, heard, log };
}

/** Waits until `condition` holds (the watcher's debounce, the file system's events), at most 3 s. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 3000) throw new Error('still not so after 3 s');
    await sleep(10);
  }
}

const write = (folder: string, file: string, text: string): void => writeFileSync(join(folder, file), text);
const pageText = (saved: SavedPage): string => `${JSON.stringify(saved, null, 2)}\n`;

describe('SavedPages', () => {
  describe('#pages', () => {
    it('lists the page files by name, each with the revision of its bytes', async () => {
      const folder = tempFolder();
      write(folder, 'zeta.page.json', pageText(page('Zeta')));
      write(folder, 'alpha.page.json', pageText(page('Alpha', [KNOB])));
      write(folder, 'notes.txt', 'not a page');
      write(folder, 'mix-and-tweak.tsx', 'export default () => null;');
      const { store } = await open(folder);
      expect(store.pages).toEqual([
        { name: 'alpha', revision: sha(pageText(page('Alpha', [KNOB]))), page: page('Alpha', [KNOB]) },
        { name: 'zeta', revision: sha(pageText(page('Zeta'))), page: page('Zeta') },
      ]);
    });

    it('lists a broken file with what is wrong with it, never leaves it out', async () => {
      const folder = tempFolder();
      write(folder, 'cut.page.json', '{"format": "livesurface.page", ');
      write(folder, 'knobb.page.json', JSON.stringify({ ...page('K'), widgets: [{ ...KNOB, kind: 'knobb' }] }));
      write(folder, 'wide.page.json', JSON.stringify(page('W', [{ ...KNOB, x: 11 }])));
      write(
        folder,
        'overlap.page.json',
        JSON.stringify(page('O', [KNOB, { kind: 'meter', id: 'meter', x: 1, y: 1, w: 1, h: 4, track: null }])),
      );
      write(folder, 'big.page.json', ' '.repeat(PAGE_LIMITS.maxFileBytes + 1));
      const { store } = await open(folder);
      const errors = Object.fromEntries(store.pages.map((listed) => [listed.name, 'error' in listed && listed.error]));
      expect(errors.cut).toMatch(/^not JSON: /);
      // of the union of widget kinds, the branch the file meant: a bad kind, not a missing xy parameter
      expect(errors.knobb).toMatch(/^widgets\.0\.kind: Invalid option/);
      expect(errors.wide).toBe('widgets.0: a widget stays inside the grid (12 columns, 64 rows)');
      expect(errors.overlap).toBe('widgets.1: "meter" overlaps "drive" on the grid');
      expect(errors.big).toBe(
        `the file is ${PAGE_LIMITS.maxFileBytes + 1} bytes; a page's file holds at most ${PAGE_LIMITS.maxFileBytes}`,
      );
      expect(store.pages.every((listed) => listed.revision.length === 16)).toBe(true);
    });

    it('reads a file that starts with a byte order mark', async () => {
      const folder = tempFolder();
      write(folder, 'bom.page.json', `\uFEFF${pageText(page('Bom'))}`);
      const { store } = await open(folder);
      expect(store.pages).toMatchObject([{ name: 'bom', page: page('Bom') }]);
    });

    it('leaves out files whose names are no page names, and says so once', async () => {
      const folder = tempFolder();
      write(folder, 'My Page.page.json', pageText(page('Mine')));
      write(folder, 'ok.page.json', pageText(page('Ok')));
      const { store, log } = await open(folder);
      expect(store.pages.map((listed) => listed.name)).toEqual(['ok']);
      await store.refresh();
      expect(log.lines.filter((line) => line.includes('My Page.page.json'))).toHaveLength(1);
    });

    it(`lists at most ${PAGE_LIMITS.maxPages} pages`, async () => {
      const folder = tempFolder();
      for (let index = 0; index <= PAGE_LIMITS.maxPages; index += 1)
        write(folder, `p${String(index).padStart(3, '0')}.page.json`, pageText(page(`P${index}`)));
      const { store } = await open(folder);
      expect(store.pages).toHaveLength(PAGE_LIMITS.maxPages);
      expect(store.pages.at(-1)?.name).toBe(`p${PAGE_LIMITS.maxPages - 1}`);
    });

    it('lists no pages while the folder is not there', async () => {
      const { store } = await open(join(tempFolder(), 'not-yet'));
      expect(store.pages).toEqual([]);
    });
  });

  describe('#save', () => {
    it('writes a new page pretty-printed with a final newline, answers its revision and tells the listeners at once', async () => {
      const folder = tempFolder();
      const { store, heard } = await open(folder, { watch: false });
      const saved = await store.save('bass', null, page('Bass', [KNOB]));
      const text = readFileSync(join(folder, 'bass.page.json'), 'utf8');
      expect(text).toBe(pageText(page('Bass', [KNOB])));
      expect(saved).toEqual({ name: 'bass', revision: sha(text) });
      // heard before the save settled, without a watcher
      expect(heard).toEqual([[{ name: 'bass', revision: saved.revision, page: page('Bass', [KNOB]) }]]);
      expect(readdirSync(folder)).toEqual(['bass.page.json']); // no temporary file left
    });

    it('saves over a page at the revision read, and refuses a stale one with conflict', async () => {
      const folder = tempFolder();
      const { store } = await open(folder, { watch: false });
      const first = await store.save('bass', null, page('Bass'));
      const second = await store.save('bass', first.revision, page('Bass 2'));
      expect(second.revision).not.toBe(first.revision);
      const stale = store.save('bass', first.revision, page('Bass from the other tablet'));
      await expect(stale).rejects.toBeInstanceOf(PageStoreError);
      await expect(stale).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/another tablet/) });
      expect(store.pages).toMatchObject([{ name: 'bass', revision: second.revision, page: { title: 'Bass 2' } }]);
    });

    it('refuses a new page over one of the same name', async () => {
      const folder = tempFolder();
      write(folder, 'bass.page.json', pageText(page('Bass')));
      const { store } = await open(folder, { watch: false });
      await expect(store.save('bass', null, page('Other'))).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/exists already/),
      });
      expect(readFileSync(join(folder, 'bass.page.json'), 'utf8')).toBe(pageText(page('Bass')));
    });

    it('refuses a page edited by hand since it was read', async () => {
      const folder = tempFolder();
      const { store } = await open(folder, { watch: false });
      const { revision } = await store.save('bass', null, page('Bass'));
      write(folder, 'bass.page.json', pageText(page('Bass, by hand')));
      await expect(store.save('bass', revision, page('Bass 2'))).rejects.toMatchObject({ code: 'conflict' });
    });

    it('lets one of two saves of a new page win and refuses the other', async () => {
      const { store } = await open(tempFolder(), { watch: false });
      const outcomes = await Promise.allSettled([
        store.save('bass', null, page('From A')),
        store.save('bass', null, page('From B')),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    });

    it('saves again a page deleted since it was read (what was just made wins)', async () => {
      const folder = tempFolder();
      const { store } = await open(folder, { watch: false });
      const { revision } = await store.save('bass', null, page('Bass'));
      rmSync(join(folder, 'bass.page.json'));
      await store.save('bass', revision, page('Bass again'));
      expect(store.pages).toMatchObject([{ name: 'bass', page: { title: 'Bass again' } }]);
    });

    it('makes the folder when it is not there', async () => {
      const folder = join(tempFolder(), 'config', 'layouts');
      const { store } = await open(folder);
      await store.save('first', null, page('First'));
      expect(readdirSync(folder)).toEqual(['first.page.json']);
    });

    it('refuses a page whose file would be too large', async () => {
      const { store } = await open(tempFolder(), { watch: false });
      const what = 'w'.repeat(300);
      const target = 'parameters 1'.padEnd(2000, ' ');
      const widgets = Array.from({ length: PAGE_LIMITS.maxWidgets }, (_, index) => ({
        kind: 'xy' as const,
        id: `xy-${index}`,
        x: index % 12,
        y: Math.floor(index / 12),
        w: 1,
        h: 1,
        label: 'l'.repeat(PAGE_LIMITS.maxTitle),
        x_parameter: { track: { name: 't'.repeat(200) }, device: { name: 'd'.repeat(200) }, target, what },
        y_parameter: { track: { name: 't'.repeat(200) }, device: { name: 'd'.repeat(200) }, target, what },
      }));
      await expect(store.save('huge', null, page('Huge', widgets))).rejects.toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/holds at most/),
      });
    });
  });

  describe('#delete', () => {
    it('deletes a page at the revision read; a missing one is not_found, a changed one conflict', async () => {
      const folder = tempFolder();
      const { store, heard } = await open(folder, { watch: false });
      await expect(store.delete('bass', 'abc')).rejects.toMatchObject({ code: 'not_found' });
      const { revision } = await store.save('bass', null, page('Bass'));
      await expect(store.delete('bass', 'stale')).rejects.toMatchObject({ code: 'conflict' });
      await store.delete('bass', revision);
      expect(readdirSync(folder)).toEqual([]);
      expect(heard.at(-1)).toEqual([]);
    });
  });

  describe('watching', () => {
    it('tells the listeners of a file edited by hand, once per change', async () => {
      const folder = tempFolder();
      const { store, heard } = await open(folder);
      const { revision } = await store.save('bass', null, page('Bass'));
      await sleep(100); // the watcher hears the save too: it is no news
      expect(heard).toHaveLength(1);
      write(folder, 'bass.page.json', pageText(page('Bass, by hand')));
      await eventually(() => heard.length === 2);
      expect(heard[1]).toMatchObject([{ name: 'bass', page: { title: 'Bass, by hand' } }]);
      expect(heard[1]?.[0]?.revision).not.toBe(revision);
      write(folder, 'broken.page.json', '{');
      await eventually(() => heard.length === 3);
      expect(heard[2]?.find((listed) => listed.name === 'broken')).toMatchObject({
        error: expect.stringMatching(/^not JSON/),
      });
    });

    it('finds the folder once it is made, and hears when it goes', async () => {
      const folder = join(tempFolder(), 'layouts');
      const { store, heard } = await open(folder);
      await sleep(50);
      mkdirSync(folder);
      write(folder, 'late.page.json', pageText(page('Late')));
      await eventually(() => heard.length > 0 && heard.at(-1)?.length === 1);
      // watched now: another file is heard
      write(folder, 'later.page.json', pageText(page('Later')));
      await eventually(() => store.pages.length === 2);
      rmSync(folder, { recursive: true });
      await eventually(() => store.pages.length === 0);
      // and found again when it comes back
      mkdirSync(folder);
      write(folder, 'back.page.json', pageText(page('Back')));
      await eventually(() => store.pages.length === 1);
    });

    it('tells nobody once closed', async () => {
      const folder = tempFolder();
      const { store, heard } = await open(folder);
      store.close();
      write(folder, 'after.page.json', pageText(page('After')));
      await sleep(150);
      expect(heard).toEqual([]);
    });
  });
});
