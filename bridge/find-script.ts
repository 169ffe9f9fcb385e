/**
 * Is a LiveSurface script answering on the script port, and is it real Live?
 * Asks with a `hello`, the same handshake the bridge uses.
 */
import { HelloResult } from '../protocol/src/index';
import { ScriptRequests } from './script-requests';
import { readScriptSecret } from './script-secret';
import { ScriptSocket } from './script-socket';

export type Found = { kind: 'none'; reason: string } | { kind: 'script'; hello: HelloResult };

export async function findScript(port: number, timeoutMs = 1500): Promise<Found> {
  let socket: ScriptSocket;
  try {
    socket = await ScriptSocket.connect({ port, connectTimeoutMs: timeoutMs });
  } catch (error) {
    return { kind: 'none', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const secret = readScriptSecret(port);
    if (!secret.ok) return { kind: 'none', reason: `something listens on port ${port}, but ${secret.reason}` };
    const outcome = await new ScriptRequests(socket, timeoutMs).request({
      op: 'hello',
      protocol: 1,
      client: 'livesurface-cli',
      secret: secret.secret,
    });
    if (!outcome.ok)
      return { kind: 'none', reason: `the script on port ${port} refused hello: ${outcome.error.message}` };
    const hello = HelloResult.safeParse(outcome.result);
    return hello.success ? { kind: 'script', hello: hello.data } : { kind: 'none', reason: 'not a LiveSurface script' };
  } finally {
    socket.close();
  }
}
