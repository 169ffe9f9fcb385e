/**
 * Diagnostics for the benchmarks: with `LIVESURFACE_MIDI_TIMES=FILE`, each
 * MIDI message the bridge sends on is written to FILE with the wall-clock
 * time it left (ms since the epoch, to the microsecond), so a benchmark in
 * another process (a browser's touch, on the same clock) can tell how long
 * a note took to get here. Written after the send: the note is not delayed.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { MidiRouting } from './midi-out';

export function withMidiTimes(routing: MidiRouting, file: string | undefined): MidiRouting {
  if (!file) return routing;
  return {
    route: routing.route,
    wake: () => routing.wake(),
    close: () => routing.close(),
    send(messages) {
      routing.send(messages);
      const at = (performance.timeOrigin + performance.now()).toFixed(3);
      appendFileSync(file, messages.map((message) => `${at} ${message.type}\n`).join(''));
    },
  };
}
