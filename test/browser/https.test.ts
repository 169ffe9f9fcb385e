/**
 * `livesurface start --https` in Chromium: a bridge on the simulator serving
 * the built app over TLS with a certificate signed by a CA generated for the
 * test (in a temporary folder, as `keptTls` keeps it in the config), and
 * Chromium trusting that one certificate: `--ignore-certificate-errors-spki-list`
 * with the hash of its public key, so every other certificate error still
 * stands (no blanket `--ignore-certificate-errors`).
 *
 * The page is opened under a host name (`surface.livesurface.test`, resolved
 * to 127.0.0.1 by `--host-resolver-rules`) rather than at 127.0.0.1 or
 * localhost, which browsers treat as secure even over plain HTTP: the page is
 * a secure context because of HTTPS, as a tablet on the network sees it.
 *
 * Web MIDI: Chromium offers `navigator.requestMIDIAccess` there. This machine
 * has no ALSA sequencer (/dev/snd/seq), so no virtual MIDI port can be made
 * for Chromium to list, and Chromium's own MIDI cannot start ("Platform
 * dependent initialization failed"): the test checks that the app says there
 * are no MIDI inputs or outputs, and why, rather than showing an empty list.
 * Playing a keyboard through to Live, and Live's MIDI out on a synth, are
 * covered by the unit tests with a fake `MIDIAccess` (machines/midi-input.test.ts,
 * machines/midi-output.test.ts, ui/midi-input/MidiIn.test.tsx,
 * ui/midi-output/MidiOut.test.tsx) and on the simulator by test/live-midi-out.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bridge/net';
import { keptTls, tlsNames, type ServerTls } from '../../bridge/tls';
import { startTestBridge, TOKEN, type TestBridge } from '../support/bridge';
import { launchChromium } from './chromium';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'browser', 'output', 'https');
const HOST = 'surface.livesurface.test';
const HAS_ALSA_SEQUENCER = existsSync('/dev/snd/seq');

describe('the app over HTTPS, with the generated certificate', () => {
  let folder: string;
  let tls: ServerTls;
  let setup: TestBridge;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    folder = mkdtempSync(join(tmpdir(), 'livesurface-https-'));
    // this computer's names, and the one the page is opened under
    const names = tlsNames();
    tls = await keptTls(join(folder, 'tls'), { ...names, dns: [...names.dns, HOST] });
    const port = await freePort();
    origin = `https://${HOST}:${port}`;
    setup = await startTestBridge({
      appDir: join(ROOT, 'dist', 'app'),
      timeoutMs: 5000,
      port,
      tls: { key: tls.key, cert: tls.cert, caCert: tls.caCert },
      // a name the bridge cannot know as its own (it is the test's), allowed as a tablet's would be
      allowedOrigins: [origin],
    });
    browser = await launchChromium([
      `--ignore-certificate-errors-spki-list=${tls.spkiHash}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads over https, connects over wss, is installable there, is a secure page with Web MIDI, and says there are no MIDI inputs or outputs', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
      isMobile: true,
    });
    // the permission prompt a musician answers; Chromium asks for Web MIDI's one (sysex or not) since version 124
    await context.grantPermissions(['midi', 'midi-sysex'], { origin });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));

    const answer = await page.goto(`${origin}/?token=${TOKEN}`);
    expect(answer?.status()).toBe(200);
    expect(await answer?.securityDetails()).toMatchObject({ subjectName: 'LiveSurface bridge' });
    await expect
      .poll(() => page.locator('.ls-connection [role="status"]').textContent(), { timeout: 10_000 })
      .toContain('the simulator (as Live 12.3.6), set “LiveSurface Demo”');
    expect(sockets.some((url) => url.startsWith(`wss://${HOST}:`))).toBe(true);
    expect(
      await page.evaluate(() => ({
        protocol: location.protocol,
        secure: window.isSecureContext,
        webMidi: typeof navigator.requestMIDIAccess,
      })),
    ).toEqual({ protocol: 'https:', secure: true, webMidi: 'function' });

    // installable over https too: the manifest and every icon it names load, and the service worker controls the page
    const installable = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      const manifest = link ? ((await (await fetch(link.href)).json()) as { icons: { src: string }[] }) : null;
      const icons = await Promise.all(
        (manifest?.icons ?? []).map(async (icon) => (await fetch(new URL(icon.src, location.href))).status),
      );
      return { icons, scope: (await navigator.serviceWorker.ready).scope };
    });
    expect(installable.icons.length).toBeGreaterThan(2);
    expect(installable.icons.every((status) => status === 200)).toBe(true);
    expect(installable.scope).toBe(`${origin}/`);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
      .toBe('activated');

    // the CA a tablet installs, from the bridge itself (fetched by the page: the browser resolves the test's name)
    const ca = await page.evaluate(async () => {
      const response = await fetch('/ca.crt');
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        bytes: (await response.arrayBuffer()).byteLength,
      };
    });
    expect(ca).toMatchObject({ status: 200, type: 'application/x-x509-ca-cert' });
    expect(ca.bytes).toBeGreaterThan(300);

    await page.getByRole('tab', { name: 'Keys' }).tap();
    const midiIn = page.getByRole('group', { name: 'MIDI in' });
    await expect.poll(() => midiIn.getAttribute('data-state')).toBe('idle');
    await midiIn.getByRole('button', { name: 'Use a MIDI keyboard' }).tap();
    const said = midiIn.getByRole('status', { name: 'MIDI in status' });
    if (HAS_ALSA_SEQUENCER) {
      // a computer with ALSA lists its ports (at least "Midi Through"), or none
      await expect.poll(() => midiIn.getAttribute('data-state')).toMatch(/^(choosing|noInputs)$/);
    } else {
      await expect.poll(() => midiIn.getAttribute('data-state')).toBe('failed');
      expect(await said.textContent()).toBe(
        'No MIDI inputs: the browser could not start MIDI on this device (Platform dependent initialization failed.)',
      );
      expect(await midiIn.getByRole('combobox').count()).toBe(0);
    }
    // MIDI out, beside it: Live's MIDI played on a synth of the tablet's, which it lists the same way
    const midiOut = page.getByRole('group', { name: 'MIDI out' });
    await expect.poll(() => midiOut.getAttribute('data-state')).toBe('idle');
    await midiOut.getByRole('button', { name: 'Use a MIDI synth' }).tap();
    if (HAS_ALSA_SEQUENCER) {
      await expect.poll(() => midiOut.getAttribute('data-state')).toMatch(/^(choosing|noOutputs)$/);
    } else {
      await expect.poll(() => midiOut.getAttribute('data-state')).toBe('failed');
      expect(await midiOut.getByRole('status', { name: 'MIDI out status' }).textContent()).toBe(
        'No MIDI outputs: the browser could not start MIDI on this device (Platform dependent initialization failed.)',
      );
    }
    await page.screenshot({ path: join(SHOTS, 'keys-midi-in.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is refused by a Chromium that does not trust the certificate', async () => {
    // the same page, in a browser without the certificate's hash: the generated certificate alone earns no trust
    const untrusting = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    try {
      const page = await untrusting.newPage();
      await expect(page.goto(`${origin}/?token=${TOKEN}`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await untrusting.close();
    }
  });
});
