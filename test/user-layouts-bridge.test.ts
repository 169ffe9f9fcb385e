/**
 * A user's layouts at the bridge on the simulator: `/user-layouts/` under
 * the same token check as `/health` (wrong tokens there slow the address
 * down like anywhere else), and nothing compiled when the layouts folder is
 * the project's own (its files are built into the app).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserLayoutsIndex } from '../common/user-layouts';
import { startTestBridge, TOKEN, type TestBridge } from './support/bridge';

const PROJECT_LAYOUTS = join(import.meta.dirname, '..', 'layouts');

describe('the bridge serving a user’s layouts', () => {
  let setup: TestBridge | undefined;
  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it('lists and serves them to whoever has the token, and counts wrong tokens as guesses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'livesurface-user-layouts-'));
    writeFileSync(join(folder, 'mine.tsx'), `export default () => <p>mine</p>;\n`);
    setup = await startTestBridge({ layoutsDir: folder });
    const index = await fetch(`${setup.url}/user-layouts/index.json?token=${TOKEN}`);
    expect(index.status).toBe(200);
    const listed = (await index.json()) as UserLayoutsIndex;
    expect(listed.folder).toBe(folder);
    expect(listed.layouts.map((layout) => layout.name)).toEqual(['mine']);
    const module = await fetch(`${setup.url}/user-layouts/mine.js?v=${listed.layouts[0]?.version}&token=${TOKEN}`);
    expect(await module.text()).toContain('mine');

    expect((await fetch(`${setup.url}/user-layouts/mine.js`)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await fetch(`${setup.url}/user-layouts/index.json?token=guess-${i}`)).status);
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    // the same address is slowed everywhere, the right token too, until its wait is over
    expect((await fetch(`${setup.url}/session?token=${TOKEN}`)).status).toBe(429);
    expect(setup.bridge.log.counts['wrong token']).toBeGreaterThan(0);
  });

  it("compiles nothing when the layouts folder is the project's own", async () => {
    setup = await startTestBridge({ layoutsDir: PROJECT_LAYOUTS });
    const index = (await (
      await fetch(`${setup.url}/user-layouts/index.json?token=${TOKEN}`)
    ).json()) as UserLayoutsIndex;
    expect(index).toEqual({ folder: null, layouts: [] });
    expect((await fetch(`${setup.url}/user-layouts/mix-and-tweak.js?token=${TOKEN}`)).status).toBe(404);
  });
});
