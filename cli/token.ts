/**
 * Where `livesurface start` takes its session token from, and `livesurface
 * token [--rotate]`. In order: `--token-file FILE`, `--token T` (visible to
 * every user in `ps`, so it warns), `LIVESURFACE_TOKEN`, else the token kept
 * in the user's config (made at the first start), so a tablet's bookmark and
 * QR code keep working after a restart. Every token given must be strong
 * (at least 128 bits, see bridge/token.ts).
 */
import { readPrivateFile } from '../bridge/private-files';
import { assertStrongToken, configDirectory, keptToken, newToken, saveToken, tokenFilePath } from '../bridge/token';

export interface TokenSources {
  /** `--token` */
  flag?: string | undefined;
  /** `--token-file` */
  file?: string | undefined;
  /** `LIVESURFACE_TOKEN` (empty counts as unset) */
  env?: string | undefined;
}

/** A token that cannot be used, with why. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
}

/** The token in `file` (a file only you may read: mode 0600), trimmed. */
export function tokenFromFile(file: string): string {
  const text = readPrivateFile(file);
  if (text === null) throw new TokenError(`there is no token file ${file}`);
  return text.trim();
}

/** The token a start uses, and what to tell the user about it. */
export function startToken(sources: TokenSources, directory = configDirectory()): { token: string; notes: string[] } {
  if (sources.flag !== undefined && sources.file !== undefined)
    throw new TokenError('give --token or --token-file, not both');
  if (sources.file !== undefined) {
    const token = tokenFromFile(sources.file);
    assertStrongToken(token);
    return { token, notes: [] };
  }
  if (sources.flag !== undefined) {
    assertStrongToken(sources.flag);
    return {
      token: sources.flag,
      notes: [
        'warning: a token given with --token shows in the process list (ps) to every user of this computer; ' +
          'prefer LIVESURFACE_TOKEN=... or --token-file FILE',
      ],
    };
  }
  if (sources.env) {
    assertStrongToken(sources.env);
    return { token: sources.env, notes: [] };
  }
  const kept = keptToken(directory);
  return {
    token: kept.token,
    notes: [
      kept.created
        ? `A new session token, kept in ${kept.path} for the next starts (livesurface token --rotate makes another).`
        : `The session token kept in ${kept.path} (livesurface token --rotate makes a new one).`,
    ],
  };
}

/** `livesurface token [--rotate]`: prints the kept token (made if there is none), or makes a new one. */
export function runToken(rotate: boolean, directory = configDirectory(), env = process.env): number {
  const overridden = env.LIVESURFACE_TOKEN
    ? '\nNote: LIVESURFACE_TOKEN is set in this shell; a start from it uses that token, not the kept one.'
    : '';
  if (!rotate) {
    const kept = keptToken(directory);
    console.log(`${kept.token}\n(kept in ${kept.path}; livesurface token --rotate makes a new one)${overridden}`);
    return 0;
  }
  const token = newToken();
  saveToken(token, directory);
  console.log(
    `${token}\nA new session token, kept in ${tokenFilePath(directory)}. A running bridge keeps the old one until ` +
      `it restarts; after that, open the new address on each tablet (scan the new QR code): the old one is refused.` +
      overridden,
  );
  return 0;
}
