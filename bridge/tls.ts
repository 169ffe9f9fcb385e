/**
 * HTTPS for `livesurface start --https`: the local certificate authority and
 * the server certificate it signs (`tls-make.ts`), kept in the `tls` folder
 * of the user's config (`configDirectory()`), files only this user may read
 * (`private-files.ts`), as the token is.
 *
 * The authority is made once and kept, so the one trust step a musician takes
 * on each tablet holds across restarts. The server certificate is made again
 * whenever it no longer fits: the computer's addresses changed (another
 * network), it runs out within a month, or the authority is not the one that
 * signed it. A broken or expiring authority is replaced, and the bridge then
 * says that tablets must trust the new one.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { lanAddresses } from './banner';
import { privateFolder, readPrivateFile, writePrivateFile } from './private-files';
import { makeAuthority, makeServerCertificate, type KeyAndCertificate, type TlsNames } from './tls-make';

export type { TlsNames } from './tls-make';

/** What the bridge serves HTTPS with, and what the banner and a test need to know of it. */
export interface ServerTls {
  /** The server certificate's private key and the certificate itself (PEM), for `https.createServer`. */
  key: string;
  cert: string;
  /** The authority's certificate (PEM): served at `/ca.crt` for a tablet to trust. */
  caCert: string;
  /** Where the authority's certificate is kept. */
  caPath: string;
  /** The authority's SHA-256 fingerprint (`AB:CD:…`), as a tablet's certificate details show it. */
  caFingerprint: string;
  /** The base64 SHA-256 of the server certificate's public key (Chromium's `--ignore-certificate-errors-spki-list`). */
  spkiHash: string;
  names: TlsNames;
  /** What this start made: nothing (all kept), a server certificate, or a new authority (tablets must trust it again). */
  made: 'nothing' | 'certificate' | 'authority';
}

/** A server certificate is made again when it runs out within this long. */
export const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The names the bridge is reached by: localhost, this computer's name (as
 * is, and `.local` for mDNS, when it is a valid host name), the loopback
 * addresses and the network addresses the banner lists.
 */
export function tlsNames(interfaces = lanAddresses(), computer = osHostname()): TlsNames {
  const name = computer.toLowerCase();
  const short = name.split('.')[0] ?? name;
  const dns = new Set(['localhost']);
  for (const candidate of [name, short, `${short}.local`]) if (HOST_NAME.test(candidate)) dns.add(candidate);
  const ips = new Set(['127.0.0.1', '::1', ...interfaces.map((entry) => entry.address)]);
  return { dns: [...dns], ips: [...ips] };
}

/** The `tls` folder of the user's config. */
export const tlsDirectory = (configDir: string): string => join(configDir, 'tls');

const files = (directory: string) => ({
  caCert: join(directory, 'ca.crt'),
  caKey: join(directory, 'ca.key'),
  cert: join(directory, 'server.crt'),
  key: join(directory, 'server.key'),
});

/** A kept certificate and key, or null when either is missing, unreadable, or they do not belong together. */
function readPair(certPath: string, keyPath: string): (KeyAndCertificate & { x509: X509Certificate }) | null {
  const cert = readPrivateFile(certPath);
  const key = readPrivateFile(keyPath);
  if (cert === null || key === null) return null;
  try {
    const x509 = new X509Certificate(cert);
    return x509.checkPrivateKey(createPrivateKey(key)) ? { cert, key, x509 } : null;
  } catch {
    return null; // not a certificate or not a key: made again
  }
}

const lastsUntil = (x509: X509Certificate, now: Date): boolean =>
  new Date(x509.validFrom).getTime() <= now.getTime() &&
  new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS;

/** How many names a certificate's subjectAltName lists. */
const sanCount = (x509: X509Certificate): number =>
  x509.subjectAltName === undefined ? 0 : x509.subjectAltName.split(', ').length;

/** Whether `server` was signed by `authority`, lasts, and is for exactly `names`. */
export function certificateFits(server: X509Certificate, authority: X509Certificate, names: TlsNames, now: Date) {
  return (
    server.checkIssued(authority) &&
    server.verify(authority.publicKey) &&
    lastsUntil(server, now) &&
    names.dns.every((name) => server.checkHost(name, { wildcards: false }) === name) &&
    names.ips.every((ip) => server.checkIP(ip) !== undefined) &&
    sanCount(server) === names.dns.length + names.ips.length
  );
}

/** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo. */
export function spkiHash(x509: X509Certificate): string {
  return createHash('sha256')
    .update(x509.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/**
 * The kept authority and a server certificate for `names` (in `directory`,
 * made private to this user), making what is missing or no longer fits.
 * Throws `UnsafePathError` for a folder or file others could read or replace.
 */
export async function keptTls(
  directory: string,
  names: TlsNames,
  now = new Date(),
  computer = osHostname(),
): Promise<ServerTls> {
  privateFolder(directory, { parents: true, elsewhere: 'set LIVESURFACE_CONFIG_DIR to a folder of your own' });
  const paths = files(directory);
  let made: ServerTls['made'] = 'nothing';

  let authority = readPair(paths.caCert, paths.caKey);
  if (authority === null || !authority.x509.ca || !lastsUntil(authority.x509, now)) {
    const fresh = await makeAuthority(computer, now);
    writePrivateFile(paths.caKey, fresh.key);
    writePrivateFile(paths.caCert, fresh.cert);
    authority = { ...fresh, x509: new X509Certificate(fresh.cert) };
    made = 'authority';
  }

  let server = readPair(paths.cert, paths.key);
  if (server === null || !certificateFits(server.x509, authority.x509, names, now)) {
    const fresh = await makeServerCertificate(authority, names, now);
    writePrivateFile(paths.key, fresh.key);
    writePrivateFile(paths.cert, fresh.cert);
    server = { ...fresh, x509: new X509Certificate(fresh.cert) };
    if (made === 'nothing') made = 'certificate';
  }

  return {
    key: server.key,
    cert: server.cert,
    caCert: authority.cert,
    caPath: paths.caCert,
    caFingerprint: authority.x509.fingerprint256,
    spkiHash: spkiHash(server.x509),
    names,
    made,
  };
}
