/** What `livesurface start` prints: where to open the app (with the token), a QR code for a tablet. */
import { networkInterfaces } from 'node:os';
import { createRequire } from 'node:module';

/** IPv4 addresses of this machine's network interfaces, loopback excluded. */
export function lanAddresses(interfaces = networkInterfaces()): { name: string; address: string }[] {
  const found: { name: string; address: string }[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ name, address: entry.address });
    }
  }
  return found;
}

export function appUrl(host: string, port: number, token: string): string {
  return `http://${host}:${port}/?token=${encodeURIComponent(token)}`;
}

/** A QR code of `text` as terminal art. */
export function qrCode(text: string): string {
  const qrcode = createRequire(import.meta.url)('qrcode-terminal') as {
    generate(text: string, options: { small: boolean }, done: (art: string) => void): void;
  };
  let art = '';
  qrcode.generate(text, { small: true }, (generated) => (art = generated));
  return art;
}

export interface BannerFacts {
  port: number;
  token: string;
  /** The address the bridge listens on ('0.0.0.0' for every interface). */
  host: string;
  live: string;
  midi: string;
}

export function banner(facts: BannerFacts, interfaces = lanAddresses()): string {
  const everywhere = facts.host === '0.0.0.0' || facts.host === '::';
  const lan = everywhere ? interfaces : interfaces.filter((entry) => entry.address === facts.host);
  const lines = ['', 'LiveSurface is running.', `  Live: ${facts.live}`, `  MIDI: ${facts.midi}`, ''];
  if (lan.length > 0) {
    lines.push('Open it on a tablet on the same network:');
    for (const entry of lan) lines.push(`  ${appUrl(entry.address, facts.port, facts.token)}   (${entry.name})`);
    lines.push('', qrCode(appUrl((lan[0] as { address: string }).address, facts.port, facts.token)));
  }
  if (everywhere || facts.host.startsWith('127.') || facts.host === 'localhost') {
    lines.push(`On this computer: ${appUrl('localhost', facts.port, facts.token)}`);
  }
  lines.push('Ctrl-C stops everything.', '');
  return lines.join('\n');
}
