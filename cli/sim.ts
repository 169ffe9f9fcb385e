/** `livesurface sim`: the simulator alone, until Ctrl-C. */
import { startSimulator, type RunningSimulator } from '../bridge/simulator-process';

export interface SimOptions {
  scriptPort: number;
  midiPort: number;
  script?: string | undefined;
  liveVersion?: '11' | '12' | undefined;
}

/** Resolves with the exit code once the simulator stopped (Ctrl-C, SIGTERM, or its own end). */
export function untilStopped(simulator: RunningSimulator): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      void simulator.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    simulator.process.once('exit', (code) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? 0);
    });
  });
}

export async function runSimulator(options: SimOptions): Promise<number> {
  const simulator = await startSimulator({
    scriptPort: options.scriptPort,
    midiPort: options.midiPort,
    ...(options.script ? { script: options.script } : {}),
    ...(options.liveVersion ? { liveVersion: options.liveVersion } : {}),
  });
  console.log(simulator.readyLine.replace('simulator ready', 'LiveSurface simulator running'));
  console.log(`The script listens on 127.0.0.1:${options.scriptPort}. Ctrl-C stops it.`);
  return untilStopped(simulator);
}
