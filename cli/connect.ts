/**
 * Where the CLI finds a running bridge: --url/--token (or --token-file), else
 * the environment, else the session file a bridge on this computer left (one
 * whose bridge still runs, see bridge/session-file.ts).
 */
import { BridgeClient } from '../bridge/bridge-client';
import { readSessionFile, sessionFilePath } from '../bridge/session-file';

export interface Endpoint {
  url: string;
  token: string;
}

export function findEndpoint(url: string | undefined, token: string | undefined): Endpoint {
  const base = url ?? process.env.LIVESURFACE_URL ?? 'http://127.0.0.1:9400';
  const port = Number(new URL(base.replace(/^ws/, 'http')).port || 80);
  const saved = readSessionFile(sessionFilePath(port));
  // an empty LIVESURFACE_TOKEN counts as unset
  const found = token ?? (process.env.LIVESURFACE_TOKEN || undefined) ?? saved?.token;
  if (found === undefined) {
    throw new Error(`no token for ${base}: pass --token (it is in the URL livesurface start printed)`);
  }
  return { url: base, token: found };
}

export async function connectCli(url: string | undefined, token: string | undefined): Promise<BridgeClient> {
  const endpoint = findEndpoint(url, token);
  try {
    return await BridgeClient.connect(endpoint.url, endpoint.token);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the bridge at ${endpoint.url}: ${reason} (is livesurface start running?)`, {
      cause: error,
    });
  }
}
