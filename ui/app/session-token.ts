/** The session token the bridge asks of every client. */

/** The session token: from the page's URL (as printed by `livesurface start`), kept for reloads. */
export function sessionToken(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) storage.setItem('livesurface-token', fromUrl);
  return fromUrl ?? storage.getItem('livesurface-token');
}
