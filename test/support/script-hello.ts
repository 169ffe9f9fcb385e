/** Saying hello to the script directly, with its secret, as the bridge does (bridge/script-secret.ts). */
import type { Outcome, ScriptRequests } from '../../bridge/script-requests';
import { readScriptSecret } from '../../bridge/script-secret';

/** The secret of the script on `port`; throws when there is none. */
export function scriptSecret(port: number): string {
  const lookup = readScriptSecret(port);
  if (!lookup.ok) throw new Error(lookup.reason);
  return lookup.secret;
}

/** Says hello to the script on `port` with its secret. */
export function helloScript(requests: ScriptRequests, port: number, client: string): Promise<Outcome> {
  return requests.request({ op: 'hello', protocol: 1, client, secret: scriptSecret(port) });
}
