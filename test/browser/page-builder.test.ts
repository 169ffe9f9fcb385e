/**
 * The page builder on the simulator, in Chromium with touch: a musician
 * builds a page on one tablet (a knob learned from the parameter then
 * clicked in Live, a fader picked in the object browser, a keyboard on the
 * selected track), saves it on the bridge, and every tablet has it: a
 * second browser shows it and its knob moves the parameter in Live. A
 * binding whose track leaves the set (renamed, deleted) shows unbound, and
 * binds again when the track is back (renamed back, Live's undo). Screenshots in test/browser/output/app.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../protocol/src/index';
import { SavedPage } from '../../protocol/src/pages';
import { appOnSimulator } from './app-on-simulator';
import { centreOf, fingers } from './touch';

const SHOTS = join(import.meta.dirname, 'output', 'app');
const TABLET = { width: 1194, height: 834 };
const PHONE = { width: 390, height: 844 };
/** The demo set's Bass track, its Saturator's Drive. */
const BASS = 'live_set tracks 2';
const DRIVE = `${BASS} devices 1 parameters 1`;

describe('the page builder', () => {
  const app = appOnSimulator();
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  async function request(body: Parameters<typeof app.client.request>[0]): Promise<JsonValue> {
    const reply = await app.client.request(body);
    if (!reply.ok) throw new Error(`${JSON.stringify(body)}: ${reply.error.message}`);
    return reply.result;
  }
  const get = (target: string, prop: string) => request({ op: 'get', target, prop });

  it('builds a page bound by learning and browsing, saves it for every tablet, and plays it', async () => {
    const { page, errors } = await app.open(TABLET, '+ New page');
    await page.getByRole('textbox', { name: 'Page title' }).fill('Bass tweaks');
    const palette = page.getByRole('group', { name: 'Add a widget' });

    // a knob, learned: the parameter the musician then clicks in Live
    await palette.getByRole('button', { name: 'Knob' }).tap();
    await page.getByRole('button', { name: 'Learn a parameter' }).tap();
    await page.getByRole('status').filter({ hasText: 'Click a parameter in Live' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'builder-learning-tablet.png') });
    app.setup.hand({ hand: 'select_parameter', target: DRIVE });
    const knobHandle = page.getByRole('button', { name: 'Knob: Bass › Saturator › Drive' });
    await knobHandle.waitFor({ timeout: 10_000 });

    // a fader, picked in the object browser: Bass › Mixer › Volume
    await palette.getByRole('button', { name: 'Fader' }).tap();
    await page.getByRole('button', { name: 'Browse for a parameter' }).tap();
    const browser = page.getByRole('region', { name: 'Pick a parameter in Live' });
    await browser.getByRole('button', { name: 'Bass ›' }).tap();
    await browser.getByRole('button', { name: 'Mixer ›' }).tap();
    await browser.getByRole('button', { name: 'Volume' }).tap();
    const faderHandle = page.getByRole('button', { name: 'Fader: Bass › Track Volume' });
    await faderHandle.waitFor();
    // a keyboard on Live's selected track
    await palette.getByRole('button', { name: 'Keyboard' }).tap();
    await page.getByRole('button', { name: 'Follow selected track' }).tap();
    await page.getByRole('button', { name: 'Keyboard: Selected track' }).waitFor();

    // the fader moved a cell to the right with the keyboard, a cell wider with Shift
    await faderHandle.press('ArrowRight');
    await faderHandle.press('Shift+ArrowRight');
    // the knob dragged two rows down by touch, then made a cell wider by its corner
    const touch = await fingers(page);
    const knobAt = await centreOf(page, '[data-widget="w1"]');
    const cell = await page
      .locator('.ls-builder-canvas .ls-page-grid')
      .evaluate((grid) => (grid.getBoundingClientRect().width + 8) / 12);
    const row = 80;
    await touch.down(1, knobAt);
    await touch.move(1, { x: knobAt.x, y: knobAt.y + 2 * row });
    await touch.up(1);
    // clicked from here on: after a CDP drag, Chromium's emulated touch loses the next tap's click
    await knobHandle.click();
    const corner = await centreOf(page, '[data-resize="w1"]');
    await touch.down(2, corner);
    await touch.move(2, { x: corner.x + cell, y: corner.y });
    await touch.up(2);
    await page.screenshot({ path: join(SHOTS, 'builder-editing-tablet.png') });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // saved, the page is shown as it plays, under its own tab
    await expect.poll(() => page.getByRole('tab', { name: 'Bass tweaks' }).getAttribute('aria-selected')).toBe('true');
    const drive = page.getByRole('slider', { name: 'Drive' });
    await expect.poll(() => drive.getAttribute('aria-valuetext'), { timeout: 15_000 }).toMatch(/dB/);
    await expect.poll(() => page.getByRole('slider', { name: 'Track Volume' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'builder-saved-tablet.png') });

    // on the bridge's machine: a declarative file a developer can edit
    const saved = SavedPage.parse(
      JSON.parse(readFileSync(join(app.setup.layoutsDir ?? '', 'bass-tweaks.page.json'), 'utf8')),
    );
    expect(saved.widgets.map((widget) => [widget.kind, widget.x, widget.y, widget.w, widget.h])).toEqual([
      ['knob', 0, 2, 3, 2],
      ['fader', 3, 0, 2, 4],
      ['keys', 0, 4, 12, 4],
    ]);
    expect(saved.widgets[0]).toMatchObject({
      parameter: { track: { name: 'Bass' }, device: { name: 'Saturator' }, target: 'parameters 1' },
    });

    // another tablet has it, and its knob moves the parameter in Live
    const other = await app.open(PHONE, 'Bass tweaks');
    const otherDrive = other.page.getByRole('slider', { name: 'Drive' });
    await expect.poll(() => otherDrive.getAttribute('aria-valuetext'), { timeout: 15_000 }).toMatch(/dB/);
    const before = await get(DRIVE, 'value');
    await otherDrive.focus();
    await other.page.keyboard.press('ArrowUp');
    await other.page.keyboard.press('ArrowUp');
    await expect.poll(() => get(DRIVE, 'value')).not.toBe(before);
    await other.page.screenshot({ path: join(SHOTS, 'builder-saved-phone.png') });

    // the track leaves the set (renamed): unbound, saying why; back, bound again
    await request({ op: 'set', target: BASS, prop: 'name', value: 'Bass 2' });
    await other.page.getByText('Bass › Saturator › Drive: no track named “Bass” in the set').waitFor();
    await request({ op: 'set', target: BASS, prop: 'name', value: 'Bass' });
    await expect.poll(() => otherDrive.getAttribute('aria-valuetext'), { timeout: 15_000 }).toMatch(/dB/);
    // deleted, then brought back by Live's undo: the same
    await request({ op: 'call', target: 'live_set', fn: 'delete_track', args: [2] });
    await other.page.getByText('Bass › Saturator › Drive: no track named “Bass” in the set').waitFor();
    await request({ op: 'call', target: 'live_set', fn: 'undo', args: [] });
    await expect.poll(() => otherDrive.getAttribute('aria-valuetext'), { timeout: 15_000 }).toMatch(/dB/);
    expect(await other.page.locator('.ls-layout-why').count()).toBe(0);

    // a reload keeps it
    await page.reload();
    await page.getByRole('tab', { name: 'Bass tweaks' }).tap();
    await expect.poll(() => drive.getAttribute('aria-valuetext'), { timeout: 15_000 }).toMatch(/dB/);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.context.close();
  }, 90_000);

  it('shows an edit saved on one tablet on the other at once, and refuses a save over it', async () => {
    const first = await app.open(TABLET, 'Bass tweaks');
    const second = await app.open(TABLET, 'Bass tweaks');
    await first.page.getByRole('button', { name: 'Edit page' }).tap();
    await second.page.getByRole('button', { name: 'Edit page' }).tap();
    await first.page.getByRole('textbox', { name: 'Page title' }).fill('Bass live');
    await first.page.getByRole('button', { name: 'Save', exact: true }).tap();
    // the second tablet, still editing, is told; its save is refused, its draft kept
    await second.page.getByText('Another tablet saved this page since you began').waitFor();
    await second.page.getByRole('group', { name: 'Add a widget' }).getByRole('button', { name: 'Meter' }).tap();
    await second.page.getByRole('button', { name: 'Save', exact: true }).tap();
    await second.page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await second.page.getByRole('button', { name: 'Meter: not bound' }).waitFor();
    await second.page.getByRole('button', { name: 'Cancel' }).tap();
    await second.page.getByRole('tab', { name: 'Bass live' }).waitFor();
    // deleted on one tablet, gone from both
    await first.page.getByRole('button', { name: 'Edit page' }).tap();
    await first.page.getByRole('button', { name: 'Delete page' }).tap();
    await expect.poll(() => second.page.getByRole('tab', { name: 'Bass live' }).count()).toBe(0);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 60_000);
});
