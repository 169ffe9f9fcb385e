/**
 * The session token the bridge asks of every client. It comes in the
 * page's address (`?token=`, as `livesurface start` prints it and its QR
 * code carries) and is kept in the origin's localStorage, so the home
 * screen's icon, which opens the address without it, goes straight to the
 * surface. A wrong kept token can be replaced or forgotten from the screen
 * that says it is wrong.
 */

const KEY = 'livesurface-token';

/** Where the token is kept: localStorage, or nothing where the browser refuses storage (it throws then). */
export function tokenStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The session token: the one in the page's address (kept for the next visits), else the one kept. */
export function sessionToken(location: Pick<Location, 'search'>, storage: Storage | null): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token')?.trim();
  if (fromUrl) {
    try {
      storage?.setItem(KEY, fromUrl);
    } catch {
      // full or refused: this visit still has the token, the next one asks again
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(KEY) || null;
  } catch {
    return null;
  }
}

/** This page's token: from its address, else the one kept. */
export function pageSessionToken(): string | null {
  return sessionToken(window.location, tokenStorage());
}

/** Forgets the kept token (a wrong one, or one the musician no longer wants on this device). */
export function forgetSessionToken(storage: Storage | null): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // nothing was kept
  }
}

/** This page's address with `token` in place of any token it has, or with none when `token` is null. */
export function addressWithToken(location: Pick<Location, 'href'>, token: string | null): string {
  const address = new URL(location.href);
  if (token === null) address.searchParams.delete('token');
  else address.searchParams.set('token', token);
  return address.href;
}
