/**
 * What `livesurface start` prints: where to open the app (with the token), a QR code for a tablet, and
 * whether the app is served over HTTPS or plain HTTP.
 */
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

export function appUrl(host: string, port: number, token: string, scheme: 'http' | 'https' = 'http'): string {
  return `${scheme}://${host}:${port}/?token=${encodeURIComponent(token)}`;
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
  /** Served over HTTPS (`--https`): where the authority's certificate is kept; absent for plain HTTP. */
  https?: { caPath: string };
}

/** Which of HTTPS or plain HTTP serves the app, and for HTTPS, how a tablet comes to trust it. */
function servedOver(https: BannerFacts['https'], firstUrl: string | undefined): string[] {
  if (!https)
    return wrapped(
      'Served over plain HTTP (trusted network). --https serves HTTPS, which Web MIDI on a tablet needs.',
      78,
    );
  const origin = firstUrl === undefined ? 'the address above' : `${new URL(firstUrl).origin}/ca.crt`;
  return [
    ...wrapped(
      `Served over HTTPS (certificate signed by this computer's LiveSurface CA, kept in ${https.caPath}).`,
      78,
    ),
    ...wrapped(`Trust the CA once on each tablet: open ${origin} there (the README's HTTPS section says how).`, 78),
  ];
}

/**
 * What `livesurface start` prints, for someone who just ran it: which Live and why, then where to open
 * the app (this computer first, then each network address and a QR code for a tablet), over HTTPS
 * (and how to trust it) or plain HTTP, where pages are saved, where the simulator logs, how to stop.
 */
export function banner(facts: BannerFacts, interfaces = lanAddresses()): string {
  const everywhere = facts.host === '0.0.0.0' || facts.host === '::';
  const lan = everywhere ? interfaces : interfaces.filter((entry) => entry.address === facts.host);
  const local = everywhere || facts.host.startsWith('127.') || facts.host === 'localhost' || facts.host === '::1';
  const scheme = facts.https ? 'https' : 'http';
  const url = (host: string): string => appUrl(host, facts.port, facts.token, scheme);
  const lines = ['', `LiveSurface is running ${facts.live}.`];
  if (facts.liveHint) lines.push(...wrapped(facts.liveHint, 78, '  '));
  lines.push('');
  if (local) lines.push('Open it on this computer:', `  ${url('localhost')}`, '');
  const tabletUrl = lan[0] === undefined ? undefined : url(lan[0].address);
  if (tabletUrl !== undefined) {
    lines.push(`${local ? 'Or on' : 'Open it on'} a tablet or phone on the same network (scan the QR code):`);
    for (const entry of lan) lines.push(`  ${url(entry.address)}   (${entry.name})`);
    lines.push('', qrCode(tabletUrl));
  }
  lines.push(...servedOver(facts.https, tabletUrl ?? (local ? url('localhost') : undefined)));
  lines.push(`MIDI ${facts.midi}.`);
  if (facts.layouts) lines.push(...wrapped(facts.layouts, 78));
  if (facts.logDir) lines.push(`The simulator logs in ${facts.logDir}`);
  // the log under the banner names each tablet as it comes and goes (bridge/presence.ts)
  lines.push(
    ...wrapped('Tablets are named below as they connect and leave, and listed at /health with the token.', 78),
  );
  lines.push('Ctrl-C stops everything.', '');
  return lines.join('\n');
}
