/**
 * Who holds a TCP port, to say so when a start finds it taken. On Linux the
 * listening socket's inode is in /proc/net/tcp (and tcp6), and the process is
 * the one with `socket:[inode]` among its open files (only this user's
 * processes can be looked into). Elsewhere, or for another user's process,
 * the message says how to find out.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface PortHolder {
  pid: number;
  /** Its command line, as `ps` shows it. */
  command: string;
}

/** A port the bridge needs is taken; the message says by whom and what to do. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

const LISTEN = '0A';

/** Inodes of the sockets listening on `port` (any address, IPv4 or IPv6), with their owners' uids. */
function listeningInodes(port: number, proc: string): Map<string, number> {
  const inodes = new Map<string, number>();
  for (const table of ['net/tcp', 'net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(join(proc, table), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local === undefined || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) !== port) continue;
      const inode = fields[9];
      if (inode !== undefined && inode !== '0') inodes.set(inode, Number(fields[7]));
    }
  }
  return inodes;
}

/**
 * The process listening on `port` on this machine, null when none could be
 * seen, or `{ uid }` when the socket is another user's (its process hidden).
 */
export function findPortHolder(port: number, proc = '/proc'): PortHolder | { uid: number } | null {
  const inodes = listeningInodes(port, proc);
  if (inodes.size === 0) return null;
  const wanted = new Set([...inodes.keys()].map((inode) => `socket:[${inode}]`));
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(join(proc, pid, 'fd'));
    } catch {
      continue; // gone, or not ours to look into
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(join(proc, pid, 'fd', fd));
      } catch {
        continue;
      }
      if (!wanted.has(target)) continue;
      let command = '';
      try {
        command = readFileSync(join(proc, pid, 'cmdline'), 'utf8')
          .split('\0')
          .filter(Boolean)
          .join(' ');
      } catch {
        // it just ended
      }
      return { pid: Number(pid), command };
    }
  }
  const [uid] = inodes.values();
  return { uid: uid ?? -1 };
}

/** Why `port` cannot be used, for a human: who holds it and what to do. */
export function describePortInUse(port: number, role: string, option: string, proc = '/proc'): string {
  const holder = findPortHolder(port, proc);
  const another = `or choose another port with ${option}`;
  if (holder !== null && 'pid' in holder) {
    const what = holder.command.includes('sim.py')
      ? ', a LiveSurface simulator (one left behind by a bridge that was killed, or a `livesurface sim`)'
      : '';
    return (
      `port ${port} (${role}) is taken by process ${holder.pid} (${holder.command || 'command unknown'})${what}: ` +
      `stop it (kill ${holder.pid}) ${another}`
    );
  }
  if (holder !== null) {
    return `port ${port} (${role}) is taken by a process of user ${holder.uid}: have it stopped ${another}`;
  }
  const ask = process.platform === 'win32' ? `netstat -ano | findstr :${port}` : `lsof -nP -iTCP:${port} -sTCP:LISTEN`;
  return `port ${port} (${role}) is taken by another program (see which with: ${ask}): stop it ${another}`;
}

/** Resolves when `port` can be listened on at `host`; rejects with `PortInUseError` saying who holds it otherwise. */
/**
 * Takes `port` (as `ensurePortFree` checks it) and keeps it until `release`: the bridge holds its own
 * port while it starts its simulator, whose sockets bound on port 0 could otherwise be handed it.
 */
export function holdPort(
  port: number,
  host: string,
  role: string,
  option: string,
): Promise<{ release: () => Promise<void> }> {
  if (port === 0) return Promise.resolve({ release: () => Promise.resolve() });
  return new Promise((resolve, reject) => {
    // a tablet that knocks meanwhile is turned away at once, as from a closed port, and tries again later
    const holder = createServer((socket) => socket.destroy());
    holder.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(describePortInUse(port, role, option)));
      else reject(error);
    });
    holder.listen({ port, host, exclusive: true }, () => {
      holder.unref(); // a start that fails on the way keeps no process alive for it
      resolve({ release: () => new Promise((done) => holder.close(() => done())) });
    });
  });
}

export function ensurePortFree(port: number, host: string, role: string, option: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(describePortInUse(port, role, option)));
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
