import { describe, expect, it } from 'vitest';
import { appUrl, banner, lanAddresses } from './banner';

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  wlan0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
} as unknown as Parameters<typeof lanAddresses>[0];

const SIMULATOR = { live: 'on the simulator', liveHint: 'To play Live instead: …', midi: 'goes to the simulator' };

describe('banner', () => {
  it('says which Live, then this computer’s address before the LAN addresses with the token and a QR code', () => {
    const text = banner(
      { port: 9400, token: 'a b', host: '0.0.0.0', ...SIMULATOR, logDir: '/tmp/livesurface-sim-1/port-9401' },
      lanAddresses(interfaces),
    );
    const lines = text.split('\n');
    expect(lines[1]).toBe('LiveSurface is running on the simulator.');
    expect(lines[2]).toBe('  To play Live instead: …');
    const local = text.indexOf('  http://localhost:9400/?token=a%20b');
    const lan = text.indexOf('  http://192.168.1.20:9400/?token=a%20b   (wlan0)');
    expect(local).toBeGreaterThan(0);
    expect(lan).toBeGreaterThan(local);
    expect(text.indexOf('▄')).toBeGreaterThan(lan);
    expect(text).toContain('The simulator logs in /tmp/livesurface-sim-1/port-9401');
    expect(lines.at(-2)).toBe('Ctrl-C stops everything.');
  });

  it('says where pages built on a tablet are saved, after MIDI, wrapped', () => {
    const layouts = `Pages built on a tablet are saved in /home/someone/src/livesurface/layouts, this checkout's layouts folder.`;
    const text = banner({ port: 9400, token: 't', host: '127.0.0.1', live: 'on Live', midi: 'goes nowhere', layouts });
    const lines = text.split('\n');
    const at = lines.indexOf('MIDI goes nowhere.');
    expect(lines[at + 1]).toBe('Pages built on a tablet are saved in /home/someone/src/livesurface/layouts,');
    expect(lines[at + 2]).toBe("this checkout's layouts folder.");
    expect(banner({ port: 9400, token: 't', host: '127.0.0.1', live: 'on Live', midi: 'm' })).not.toContain('Pages');
  });

  it('wraps a long hint under the first line', () => {
    const hint = 'To play Live instead: run npx livesurface install-script, choose LiveSurface as a Control Surface';
    const text = banner({
      port: 9400,
      token: 't',
      host: '127.0.0.1',
      live: 'on the simulator',
      liveHint: hint,
      midi: 'm',
    });
    const hinted = text.split('\n').slice(2, 4);
    expect(hinted.every((line) => line.startsWith('  ') && line.length <= 78)).toBe(true);
    expect(hinted.map((line) => line.trim()).join(' ')).toBe(hint);
  });

  it('shows only this computer when listening on loopback', () => {
    const text = banner(
      { port: 9400, token: 't', host: '127.0.0.1', live: 'on Live 12.3.6', midi: 'goes nowhere' },
      lanAddresses(interfaces),
    );
    expect(text).not.toContain('192.168');
    expect(text).not.toContain('▄');
    expect(text).toContain(appUrl('localhost', 9400, 't'));
    expect(text).not.toContain('logs in');
  });

  it('shows only the LAN address it listens on, without this computer', () => {
    const text = banner(
      { port: 9400, token: 't', host: '192.168.1.20', live: 'on Live 12.3.6', midi: 'goes nowhere' },
      lanAddresses(interfaces),
    );
    expect(text).not.toContain('localhost');
    expect(text).toContain('Open it on a tablet or phone on the same network');
  });
});

describe('banner: HTTPS or plain HTTP', () => {
  const facts = { port: 9400, token: 't', host: '0.0.0.0', live: 'on Live', midi: 'goes nowhere' };

  it('says plain HTTP is in use, for a trusted network', () => {
    const text = banner(facts, lanAddresses(interfaces));
    expect(text).toContain('  http://192.168.1.20:9400/?token=t   (wlan0)');
    expect(text).toContain('Served over plain HTTP (trusted network).');
    expect(text).not.toContain('https://');
  });

  it('gives https addresses, a QR code of the tablet’s, where the CA is kept and where a tablet gets it', () => {
    const caPath = '/home/someone/.config/livesurface/tls/ca.crt';
    const text = banner({ ...facts, https: { caPath } }, lanAddresses(interfaces));
    const lines = text.split('\n');
    expect(lines).toContain('  https://localhost:9400/?token=t');
    expect(lines).toContain('  https://192.168.1.20:9400/?token=t   (wlan0)');
    expect(text).not.toContain('http://');
    const served = lines.findIndex((line) => line.startsWith('Served over HTTPS'));
    expect(served).toBeGreaterThan(lines.findIndex((line) => line.includes('▄')));
    const said = lines.slice(served, served + 4).join(' ');
    expect(said).toContain(`kept in ${caPath}`);
    expect(said).toContain('open https://192.168.1.20:9400/ca.crt there');
    expect(lines.every((line) => line.length <= 78 || line.includes('▄') || line.includes('token='))).toBe(true);
  });

  it('points this computer at its own /ca.crt when it listens on loopback only', () => {
    const text = banner({ ...facts, host: '127.0.0.1', https: { caPath: '/c/ca.crt' } }, lanAddresses(interfaces));
    expect(text).toContain('open https://localhost:9400/ca.crt there');
  });
});
