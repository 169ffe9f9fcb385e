/**
 * The certificates `--https` serves with, made by `selfsigned` (X.509 on
 * Node's WebCrypto): a small certificate authority of this computer's own,
 * which a musician trusts once on each tablet, and the bridge's server
 * certificate that it signs for the addresses and names the bridge is
 * reached by. A new server certificate signed by the same authority needs no
 * new trust step, so it can be made again whenever the addresses change.
 *
 * Keys are ECDSA P-256 (quick to make, accepted by iPadOS, Android and every
 * desktop browser); signatures SHA-256.
 */
import { generate } from 'selfsigned';

/** The names a server certificate is for: host names, and IP addresses (v4 or v6). */
export interface TlsNames {
  dns: readonly string[];
  ips: readonly string[];
}

/** A certificate and its private key, both PEM. */
export interface KeyAndCertificate {
  key: string;
  cert: string;
}

/** How long the authority lasts: ten years, so the one trust step holds as long as the tablet does. */
export const AUTHORITY_DAYS = 3650;

/**
 * How long a server certificate lasts: under Apple's limit of 398 days for
 * TLS server certificates (iPadOS refuses longer ones); the bridge makes a
 * new one, signed by the same authority, before it runs out.
 */
export const SERVER_DAYS = 397;

const DAY_MS = 24 * 60 * 60 * 1000;

const validity = (now: Date, days: number) => ({
  // a minute back: a tablet whose clock is a little behind still accepts a certificate made just now
  notBeforeDate: new Date(now.getTime() - 60_000),
  notAfterDate: new Date(now.getTime() + days * DAY_MS),
});

/** A new certificate authority, named after this computer so a tablet's list of trusted ones says whose it is. */
export async function makeAuthority(computer: string, now = new Date()): Promise<KeyAndCertificate> {
  const made = await generate(
    [
      { name: 'commonName', value: `LiveSurface local CA (${computer})` },
      { name: 'organizationName', value: 'LiveSurface' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      ...validity(now, AUTHORITY_DAYS),
      extensions: [
        // it signs the bridge's certificates only, never another authority's
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );
  return { key: made.private, cert: made.cert };
}

/** A server certificate for `names`, signed by `authority`. */
export async function makeServerCertificate(
  authority: KeyAndCertificate,
  names: TlsNames,
  now = new Date(),
): Promise<KeyAndCertificate> {
  const made = await generate([{ name: 'commonName', value: 'LiveSurface bridge' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    ...validity(now, SERVER_DAYS),
    ca: { key: authority.key, cert: authority.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      // iPadOS and macOS want a server certificate to say it is one
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.dns.map((value) => ({ type: 2 as const, value })),
          ...names.ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: made.private, cert: made.cert };
}
