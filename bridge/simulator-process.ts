/**
 * Runs the headless Live simulator (`python3 live-script/sim.py`) as a child
 * process: the embedded default when no Live is there, and what tests and
 * benchmarks run against.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SIM_SCRIPT = join(import.meta.dirname, '..', 'live-script', 'sim.py');

/**
 * Where a simulator logs (Live's `Log.txt`, the script's `LiveSurface.log`) unless told: a folder of its
 * own per script port, so simulators side by side (tests, a second `livesurface start`) never write into
 * one file, and a restarted one goes on in its predecessor's. Under the user's id: another user's folder
 * in a shared /tmp is not writable. `sim.py` picks the same folder when run by hand.
 */
export function simulatorLogDir(scriptPort: number, tmp = tmpdir(), uid = process.getuid?.()): string {
  return join(tmp, uid === undefined ? 'livesurface-sim' : `livesurface-sim-${uid}`, `port-${scriptPort}`);
}

export interface SimulatorOptions {
  /** Where the LiveSurface script listens (LIVESURFACE_SCRIPT_PORT). */
  scriptPort: number;
  /** The simulator's MIDI input socket (0: a free port it binds itself and names in its ready line). */
  midiPort: number;
  /**
   * Where the simulator writes what its tracks send to "LiveSurface Return" (absent or 0: a free port it
   * binds itself and names in its ready line, `midiReturnPortOf`; a port chosen before binding may be
   * taken meanwhile by any connection's own end).
   */
  midiReturnPort?: number;
  liveVersion?: '11' | '12';
  /** Another remote script folder to host. */
  script?: string;
  /** Where it logs (default `simulatorLogDir(scriptPort)`). */
  logDir?: string;
  /** Timer drain interval of the script, in ms (LIVESURFACE_DRAIN_MS). */
  drainIntervalMs?: number;
  /** The Python to run (LIVESURFACE_PYTHON, else python3). */
  python?: string;
  /** Give up waiting for `simulator ready` after this long (ms). */
  readyTimeoutMs?: number;
}

/**
 * What a musician does in Live's own UI that no remote script can, done to the simulated set
 * (live-script/simulator/hands.py): tests need it, the script's protocol has no part in it.
 * `target` is a path from `live_set`, as the script's (`live_set tracks 1 devices 0 parameters 3`).
 */
export type SimulatorHand =
  /** A click on a device's or a mixer's parameter: it becomes `song.view.selected_parameter`. */
  | { hand: 'select_parameter'; target: `live_set ${string}` }
  /** A click on a track's title bar: it becomes `song.view.selected_track`. */
  | { hand: 'select_track'; target: `live_set ${string}` };

export interface RunningSimulator {
  readonly process: ChildProcess;
  /** The line the simulator printed when ready. */
  readonly readyLine: string;
  /** Where it logs. */
  readonly logDir: string;
  /**
   * Does what a musician's hand does in Live's UI, on Live's main thread soon after; one it cannot do
   * (a target that names nothing) is told on its stderr as `sim.py: hand: <why>`.
   */
  hand(action: SimulatorHand): void;
  /** Stops it (SIGTERM) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

const portNamed = (readyLine: string, pattern: RegExp): number | null => {
  const found = pattern.exec(readyLine);
  return found ? Number(found[1]) : null;
};

/** The port of the simulator's MIDI input, from its ready line (null when it names none). */
export const midiInPortOf = (readyLine: string): number | null => portNamed(readyLine, /MIDI in on 127\.0\.0\.1:(\d+)/);

/** The port of the simulator's "LiveSurface Return" socket, from its ready line (null when it names none). */
export const midiReturnPortOf = (readyLine: string): number | null =>
  portNamed(readyLine, /MIDI out on 127\.0\.0\.1:(\d+)/);

/** Starts the simulator and resolves once it printed `simulator ready`. */
export function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const python = options.python ?? process.env.LIVESURFACE_PYTHON ?? 'python3';
  // The simulator reads its stdin, a pipe from this process, and stops when it ends: when this process
  // ends, however it ends (SIGKILL included), so no simulator is left holding the script and MIDI ports.
  const args = [SIM_SCRIPT, '--exit-with-stdin', '--midi-port', String(options.midiPort)];
  if (options.midiReturnPort !== undefined) args.push('--midi-return-port', String(options.midiReturnPort));
  if (options.liveVersion) args.push('--live-version', options.liveVersion);
  if (options.script) args.push('--script', options.script);
  const logDir = options.logDir ?? simulatorLogDir(options.scriptPort);
  args.push('--log-dir', logDir);
  const env: NodeJS.ProcessEnv = { ...process.env, LIVESURFACE_SCRIPT_PORT: String(options.scriptPort) };
  if (options.drainIntervalMs !== undefined) env.LIVESURFACE_DRAIN_MS = String(options.drainIntervalMs);
  const child = spawn(python, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // a simulator that already ended: nothing to tell it
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const collectErrors = (chunk: Buffer): void => {
      errors += chunk.toString();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the simulator did not start within ${options.readyTimeoutMs ?? 15000} ms: ${errors}`));
    }, options.readyTimeoutMs ?? 15_000);
    child.stderr.on('data', collectErrors);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${python}: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${code}) before it was ready: ${errors.trim()}`));
    });
    child.stdout.on('data', function onData(chunk: Buffer) {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('simulator ready'));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      // what it says from now on is for whoever listens (the supervisor logs it), not kept here for ever
      child.stderr.off('data', collectErrors);
      child.stderr.resume();
      child.removeAllListeners('exit');
      resolve({
        process: child,
        readyLine: line,
        logDir,
        hand: (action) => {
          // one line a hand on the pipe that also keeps it alive (the simulator ends when it closes)
          child.stdin.write(`${JSON.stringify(action)}\n`);
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
