/**
 * `livesurface start` (what `npm start` runs): use Live when its LiveSurface
 * script answers, else run the simulator, and say which.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from '../bridge/simulator-process';
import { findScript } from './find-live';
import { untilStopped } from './sim';

export interface StartOptions {
  scriptPort: number;
  midiPort: number;
  mode: 'auto' | 'sim' | 'live';
}

export async function runStart(options: StartOptions): Promise<number> {
  if (options.mode !== 'sim') {
    const found = await findScript(options.scriptPort);
    if (found.kind === 'script') {
      const { hello } = found;
      const what = hello.host === 'live' ? `Live ${hello.live_version}` : `a simulator (Live ${hello.live_version})`;
      console.log(`LiveSurface: ${what} answers on 127.0.0.1:${options.scriptPort}, set "${hello.set_name}".`);
      return 0;
    }
    if (options.mode === 'live') {
      console.log(`LiveSurface: waiting for Live on 127.0.0.1:${options.scriptPort} (${found.reason}).`);
      console.log('In Live: Settings > Link, Tempo & MIDI > Control Surface: LiveSurface.');
      for (;;) {
        await sleep(2000);
        if ((await findScript(options.scriptPort)).kind === 'script') return runStart(options);
      }
    }
    console.log(`LiveSurface: no Live answered on 127.0.0.1:${options.scriptPort}; starting the simulator.`);
  }
  const simulator = await startSimulator({ scriptPort: options.scriptPort, midiPort: options.midiPort });
  console.log(simulator.readyLine.replace('simulator ready', 'LiveSurface: simulator running'));
  console.log(`LiveSurface: the script listens on 127.0.0.1:${options.scriptPort}. Ctrl-C stops everything.`);
  return untilStopped(simulator);
}
