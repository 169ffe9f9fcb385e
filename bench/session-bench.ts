/**
 * Time from socket open to a fully ready session of the demo set, 11 tracks
 * by 8 scenes (every slot ready, every observation live), and the frames it
 * took, through LiveLink, the bridge and the script in the simulator.
 */
import { performance } from 'node:perf_hooks';
import { createActor, waitFor } from 'xstate';
import { LiveLink } from '../link/live-link';
import { nodeSocket } from '../link/node-socket';
import type { SocketFactory } from '../link/socket';
import { linkEffects } from '../machines/link-effects';
import { provideMachines } from '../machines/provide';
import { summarize } from './stats';

export interface SessionRun {
  ms: number;
  framesSent: number;
  framesReceived: number;
  actors: number;
}

/** One load of the session on a fresh link. */
export async function loadSession(url: string, token: string): Promise<SessionRun> {
  let opened = 0;
  let framesSent = 0;
  let framesReceived = 0;
  const counting: SocketFactory = (socketUrl) => {
    const socket = nodeSocket(socketUrl);
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      framesSent += 1;
      send(data);
    };
    const ws = socket as unknown as { on(event: string, listener: () => void): void };
    ws.on('open', () => (opened = performance.now()));
    ws.on('message', () => (framesReceived += 1));
    return socket;
  };
  const link = new LiveLink({ url, token, socket: counting, client: 'session-bench' });
  const session = createActor(provideMachines(linkEffects(link)).session).start();
  await waitFor(session, (snapshot) => snapshot.hasTag('ready'), { timeout: 30_000 });
  const ms = performance.now() - opened;
  const actors = Object.keys(session.getSnapshot().children).length;
  session.stop();
  link.close();
  return { ms, framesSent, framesReceived, actors };
}

export async function sessionRows(url: string, token: string, runs: number): Promise<string[][]> {
  await loadSession(url, token); // warm up both ends
  const results: SessionRun[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await loadSession(url, token));
  const times = summarize(results.map((result) => result.ms));
  const last = results.at(-1) as SessionRun;
  return [
    [
      'socket open -> fully ready 11x8 session (ms)',
      `p50 ${times.p50.toFixed(1)}, max ${times.max.toFixed(1)} over ${runs} loads (target < 150)`,
    ],
    ['frames sent / received per load', `${last.framesSent} / ${last.framesReceived}`],
    ['actors of the session (direct children)', String(last.actors)],
  ];
}
