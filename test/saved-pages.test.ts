/**
 * Saved pages on the bridge and the simulator: a page one tablet saves
 * reaches every other tablet; a save over a page changed since it was read
 * is refused with `conflict`; a file edited or broken by hand in the layouts
 * folder reaches every tablet, a broken one listed with what is wrong.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import type { PageList, SavedPage } from '../protocol/src/index';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

const page = (title: string): SavedPage => ({
  format: 'livesurface.page',
  version: 1,
  title,
  widgets: [
    {
      kind: 'fader',
      id: 'volume',
      x: 0,
      y: 0,
      w: 1,
      h: 4,
      parameter: { track: { name: 'Bass' }, target: 'mixer_device volume', what: 'Bass › Volume' },
    },
  ],
});

describe('saved pages', () => {
  let setup: TestBridge;
  let layouts: string;
  const links: LiveLink[] = [];

  const connect = async (client: string): Promise<LiveLink> => {
    const link = new LiveLink({ url: setup.url, token: TOKEN, socket: nodeSocket, client, timeoutMs: 5000 });
    links.push(link);
    await link.ready();
    return link;
  };

  /** The first list `link` holds that `holds` accepts. */
  const heard = (link: LiveLink, holds: (pages: PageList) => boolean): Promise<PageList> =>
    firstValueFrom(link.state$.pipe(filter((state) => holds(state.pages)))).then((state) => state.pages);

  beforeAll(async () => {
    setup = await startTestBridge({ timeoutMs: 5000, lock: true });
    if (setup.layoutsDir === null) throw new Error('the test bridge has no layouts folder');
    layouts = setup.layoutsDir;
  }, 30_000);

  afterAll(async () => {
    for (const link of links) link.close();
    await setup?.close();
    expect(existsSync(layouts)).toBe(false);
  });

  it('keeps each test bridge’s pages in a folder of its own, never the project’s', () => {
    expect(layouts).not.toBe(join(import.meta.dirname, '..', 'layouts'));
    expect(setup.bridge.pages?.folder).toBe(layouts);
  });

  it('tells every tablet a page one saves, and refuses a save over a page changed since it was read', async () => {
    const a = await connect('tablet a');
    const b = await connect('tablet b');
    const onB = heard(b, (pages) => pages.some((listed) => listed.name === 'bass'));
    // the surface is locked for performance: pages are saved all the same
    const saved = await a.savePage('bass', null, page('Bass'));
    expect(await onB).toEqual([{ name: 'bass', revision: saved.revision, page: page('Bass') }]);
    expect(JSON.parse(readFileSync(join(layouts, 'bass.page.json'), 'utf8'))).toEqual(page('Bass'));

    // B edits the page it read; A, still at the first revision, is refused
    const edited = await b.savePage('bass', saved.revision, page('Bass, from B'));
    await expect(a.savePage('bass', saved.revision, page('Bass, from A'))).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(a.savePage('bass', null, page('Another bass'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(a.deletePage('bass', saved.revision)).rejects.toMatchObject({ code: 'conflict' });
    await heard(a, (pages) => pages[0]?.revision === edited.revision);

    const gone = heard(b, (pages) => pages.length === 0);
    await a.deletePage('bass', edited.revision);
    await gone;
    await expect(a.deletePage('bass', edited.revision)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('tells every tablet of a file edited by hand, and lists a broken one with what is wrong', async () => {
    const tablet = await connect('tablet c');
    writeFileSync(join(layouts, 'keys.page.json'), `${JSON.stringify(page('Keys, by hand'), null, 2)}\n`);
    const edited = await heard(tablet, (pages) => pages.some((listed) => listed.name === 'keys'));
    expect(edited).toMatchObject([{ name: 'keys', page: { title: 'Keys, by hand' } }]);

    writeFileSync(join(layouts, 'keys.page.json'), '{ "format": "livesurface.page", "version": 1, ');
    const broken = await heard(tablet, (pages) => pages.some((listed) => 'error' in listed));
    expect(broken).toEqual([
      { name: 'keys', revision: expect.any(String) as unknown, error: expect.stringMatching(/^not JSON/) as unknown },
    ]);

    // a tablet that connects now has the list in the bridge's hello
    const late = await connect('tablet d');
    expect(late.state.pages).toEqual(broken);
    expect(await late.listPages()).toEqual(broken);
  });
});
