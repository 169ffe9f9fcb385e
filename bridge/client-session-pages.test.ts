/** A client's saved-pages requests, answered by the bridge itself from its store, and the `pages` event. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedPage } from '../protocol/src/index';
import { ClientSession, type SessionServices } from './client-session';
import { CLIENT_HELLO, FakeSocket, HELLO } from './client-session-fakes';
import { memoryLog } from './log';
import { Observations } from './observations';
import { PerformLock } from './perform-lock';
import { SavedPages } from './saved-pages';
import type { RequestBody } from './script-requests';

const PAGE: SavedPage = { format: 'livesurface.page', version: 1, title: 'Bass', widgets: [] };

const folders: string[] = [];
const stores: SavedPages[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function setup(options: { store?: boolean; locked?: boolean } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'session-pages-'));
  folders.push(folder);
  const store = options.store === false ? undefined : await SavedPages.open(folder, { watch: false });
  if (store) stores.push(store);
  const toLive: RequestBody[] = [];
  const log = memoryLog();
  const services: SessionServices = {
    request: (body) => {
      toLive.push(body);
      return Promise.resolve({ ok: true, result: null });
    },
    observations: new Observations({ send: () => ({ id: 1, outcome: new Promise(() => {}) }) }, log),
    sendMidi: () => {},
    hello: () => HELLO,
    log,
    lock: new PerformLock(options.locked === true),
    pages: store,
  };
  const client = (id: number, greet = true) => {
    const socket = new FakeSocket();
    const session = new ClientSession(id, socket, services);
    if (greet) session.receive(CLIENT_HELLO);
    const ask = async (message: object): Promise<unknown> => {
      session.receive(JSON.stringify(message));
      await sleep(20);
      return socket.messages().at(-1);
    };
    return { socket, session, ask };
  };
  return { store, toLive, log, client };
}

describe('ClientSession: saved pages', () => {
  it('lists, saves and deletes pages itself: Live is not asked', async () => {
    const { client, toLive, log } = await setup();
    const { ask } = client(1);
    expect(await ask({ op: 'pages', id: 1 })).toEqual({ id: 1, ok: true, result: { pages: [] } });
    const saved = await ask({ op: 'save_page', id: 2, name: 'bass', revision: null, page: PAGE });
    expect(saved).toEqual({ id: 2, ok: true, result: { name: 'bass', revision: expect.any(String) as unknown } });
    const { revision } = (saved as { result: { revision: string } }).result;
    expect(await ask({ op: 'pages', id: 3 })).toEqual({
      id: 3,
      ok: true,
      result: { pages: [{ name: 'bass', revision, page: PAGE }] },
    });
    expect(await ask({ op: 'delete_page', id: 4, name: 'bass', revision })).toEqual({ id: 4, ok: true, result: null });
    expect(toLive).toEqual([]);
    expect(log.lines.some((line) => line.includes('client 1: saved page bass'))).toBe(true);
  });

  it('answers a stale revision with conflict, and a missing page with not_found', async () => {
    const { client } = await setup();
    const { ask } = client(1);
    await ask({ op: 'save_page', id: 1, name: 'bass', revision: null, page: PAGE });
    expect(await ask({ op: 'save_page', id: 2, name: 'bass', revision: 'read-long-ago', page: PAGE })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/changed on another tablet/) as unknown },
    });
    expect(await ask({ op: 'delete_page', id: 3, name: 'keys', revision: 'r' })).toMatchObject({
      id: 3,
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a page that is not one with bad_request, saying where', async () => {
    const { client } = await setup();
    const { ask } = client(1);
    const page = { ...PAGE, widgets: [{ kind: 'meter', id: 'm', x: 12, y: 0, w: 1, h: 1, track: null }] };
    expect(await ask({ op: 'save_page', id: 1, name: 'bass', revision: null, page })).toMatchObject({
      id: 1,
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/^page\.widgets\.0/) as unknown },
    });
  });

  it('saves and deletes pages while the surface is locked for performance: a page is the tablet’s', async () => {
    const { client } = await setup({ locked: true });
    const { ask } = client(1);
    expect(await ask({ op: 'save_page', id: 1, name: 'bass', revision: null, page: PAGE })).toMatchObject({ ok: true });
  });

  it('answers not_found when the bridge keeps no pages', async () => {
    const { client } = await setup({ store: false });
    const { ask } = client(1);
    for (const message of [
      { op: 'pages', id: 1 },
      { op: 'save_page', id: 2, name: 'bass', revision: null, page: PAGE },
      { op: 'delete_page', id: 3, name: 'bass', revision: 'r' },
    ])
      expect(await ask(message)).toEqual({
        id: message.id,
        ok: false,
        error: { code: 'not_found', message: 'this bridge keeps no pages' },
      });
  });

  it('tells a greeted client the new list, and nothing before its hello', async () => {
    const { client } = await setup();
    const greeted = client(1);
    const waiting = client(2, false);
    const pages = [{ name: 'bass', revision: 'r1', page: PAGE }];
    greeted.session.pagesChanged(pages);
    waiting.session.pagesChanged(pages);
    await sleep(20);
    expect(greeted.socket.messages().at(-1)).toEqual({ ev: 'pages', pages });
    expect(waiting.socket.messages()).toEqual([]);
  });
});
