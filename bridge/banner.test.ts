import { describe, expect, it } from 'vitest';
import { appUrl, banner, lanAddresses } from './banner';

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  wlan0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
} as unknown as Parameters<typeof lanAddresses>[0];

describe('banner', () => {
  it('lists the LAN address with the token, a QR code, and this computer', () => {
    const text = banner(
      { port: 9400, token: 'a b', host: '0.0.0.0', live: 'the simulator', midi: 'simulator' },
      lanAddresses(interfaces),
    );
    expect(text).toContain('http://192.168.1.20:9400/?token=a%20b   (wlan0)');
    expect(text).toContain('On this computer: http://localhost:9400/?token=a%20b');
    expect(text).toContain('▄');
  });

  it('shows only this computer when listening on loopback', () => {
    const text = banner(
      { port: 9400, token: 't', host: '127.0.0.1', live: 'Live', midi: 'none' },
      lanAddresses(interfaces),
    );
    expect(text).not.toContain('192.168');
    expect(text).toContain(appUrl('localhost', 9400, 't'));
  });
});
