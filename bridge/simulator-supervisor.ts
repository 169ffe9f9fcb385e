/**
 * Keeps the simulator running: starts it, and starts it again (with backoff)
 * when it dies, until told to stop. Every start logs into the same folder;
 * what a running one says on stderr goes to the bridge's log as warnings.
 */
import { Backoff } from '../common/backoff';
import { LineSplitter } from './line-splitter';
import type { Log } from './log';
import {
  simulatorLogDir,
  startSimulator,
  type RunningSimulator,
  type SimulatorHand,
  type SimulatorOptions,
} from './simulator-process';

/** Longer stderr lines (a traceback's are short) are dropped rather than held in memory. */
const MAX_STDERR_LINE_BYTES = 16 * 1024;

export class SimulatorSupervisor {
  private current: RunningSimulator | null = null;
  private stopping = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly backoff = new Backoff(500, 10_000);
  restarts = 0;
  private readonly options: SimulatorOptions & { logDir: string };

  /**
   * `onReady` hears the ready line of every start, the first and each restart (a restarted simulator
   * may name other ports of its own choosing).
   */
  constructor(
    options: SimulatorOptions,
    private readonly log: Log,
    private readonly onReady: (readyLine: string) => void = () => {},
  ) {
    this.options = { ...options, logDir: options.logDir ?? simulatorLogDir(options.scriptPort) };
  }

  /** Where the simulator logs (Live's `Log.txt`, the script's `LiveSurface.log`). */
  get logDir(): string {
    return this.options.logDir;
  }

  /** The running simulator's process, if one runs. */
  get process(): RunningSimulator['process'] | null {
    return this.current?.process ?? null;
  }

  /** Starts the simulator; resolves with its ready line. */
  async start(): Promise<string> {
    const simulator = await startSimulator(this.options);
    this.adopt(simulator);
    return simulator.readyLine;
  }

  /**
   * Does in the running simulator what a musician's hand does in Live's UI (`SimulatorHand`), for tests;
   * one it cannot do is logged as a warning (`simulator: sim.py: hand: <why>`). Throws when none runs.
   */
  hand(action: SimulatorHand): void {
    if (!this.current) throw new Error('no simulator runs: nothing to do the hand in');
    this.current.hand(action);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    await this.current?.stop();
  }

  private adopt(simulator: RunningSimulator): void {
    this.current = simulator;
    this.onReady(simulator.readyLine);
    const lines = new LineSplitter(MAX_STDERR_LINE_BYTES);
    simulator.process.stderr?.on('data', (chunk: Buffer) => {
      for (const line of lines.push(chunk)) this.log.warn(`simulator: ${line}`);
    });
    simulator.process.once('exit', (code, signal) => {
      this.current = null;
      if (this.stopping) return;
      this.log.warn(`the simulator stopped (${signal ?? code}); starting it again`);
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    this.retry = setTimeout(() => {
      startSimulator(this.options).then(
        (simulator) => {
          this.restarts += 1;
          this.backoff.reset();
          if (this.stopping) void simulator.stop();
          else this.adopt(simulator);
        },
        (error: unknown) => {
          this.log.warn(`the simulator did not start: ${error instanceof Error ? error.message : String(error)}`);
          if (!this.stopping) this.scheduleRestart();
        },
      );
    }, this.backoff.next());
  }
}
