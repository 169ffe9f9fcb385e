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

/** `text` in lines of at most `width` characters (indent included), broken between words. */
export function wrapped(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

export interface BannerFacts {
  port: number;
  token: string;
  /** The address the bridge listens on ('0.0.0.0' for every interface). */
  host: string;
  /** Which Live the surface plays, and why: the banner's first line (`on the simulator (no Live answered…)`). */
  live: string;
  /** What to do about it, if anything (how to play Live instead of the simulator). */
  liveHint?: string;
  midi: string;
  /** Where the simulator logs, when the bridge runs it. */
  logDir?: string;
  /** Where saved pages go, as a sentence (`describeLayoutsFolder`), when the bridge keeps them. */
  layouts?: string;
}

/**
 * What `livesurface start` prints, for someone who just ran it: which Live and why, then where to open
 * the app (this computer first, then each network address and a QR code for a tablet), where pages
 * are saved, where the simulator logs, how to stop.
 */
export function banner(facts: BannerFacts, interfaces = lanAddresses()): string {
  const everywhere = facts.host === '0.0.0.0' || facts.host === '::';
  const lan = everywhere ? interfaces : interfaces.filter((entry) => entry.address === facts.host);
  const local = everywhere || facts.host.startsWith('127.') || facts.host === 'localhost' || facts.host === '::1';
  const lines = ['', `LiveSurface is running ${facts.live}.`];
  if (facts.liveHint) lines.push(...wrapped(facts.liveHint, 78, '  '));
  lines.push('');
  if (local) lines.push('Open it on this computer:', `  ${appUrl('localhost', facts.port, facts.token)}`, '');
  if (lan.length > 0) {
    lines.push(`${local ? 'Or on' : 'Open it on'} a tablet or phone on the same network (scan the QR code):`);
    for (const entry of lan) lines.push(`  ${appUrl(entry.address, facts.port, facts.token)}   (${entry.name})`);
    lines.push('', qrCode(appUrl((lan[0] as { address: string }).address, facts.port, facts.token)));
  }
  lines.push(`MIDI ${facts.midi}.`);
  if (facts.layouts) lines.push(...wrapped(facts.layouts, 78));
  if (facts.logDir) lines.push(`The simulator logs in ${facts.logDir}`);
  lines.push('Ctrl-C stops everything.', '');
  return lines.join('\n');
}
