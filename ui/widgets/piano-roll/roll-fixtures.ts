/**
 * Clips for the roll's stories, tests and benchmark: a bass groove, a drum
 * groove on a rack's pads (only the pads that exist), and dense clips made
 * the same way every time.
 */
import type { RollClip, RollNote, RollRows, RollScale } from './roll-types';

/** A clip of `bars` bars of 4/4 from beat 0, looping over all of it unless told. */
export function clipOf(bars: number, loop: Partial<RollClip['loop']> = {}): RollClip {
  return {
    start: 0,
    end: bars * 4,
    loop: { start: 0, end: bars * 4, on: true, ...loop },
    signature: { numerator: 4, denominator: 4 },
  };
}

/** A note as Live has it (unselected, not pending) unless told otherwise. */
export function note(
  key: RollNote['key'],
  pitch: number,
  start: number,
  duration: number,
  velocity = 100,
  more: Partial<RollNote> = {},
): RollNote {
  return { key, pitch, start, duration, velocity, mute: false, selected: false, pending: null, ...more };
}

/** A minor, as Live's `scale_intervals` gives it. */
export const A_MINOR: RollScale = { root: 9, intervals: [0, 2, 3, 5, 7, 8, 10] };

/** Two bars of a bass line in A minor on sixteenths: [pitch, start, duration, velocity]. */
const BASS: readonly [number, number, number, number][] = [
  [45, 0, 0.5, 116],
  [45, 0.75, 0.25, 72],
  [57, 1, 0.25, 98],
  [45, 1.5, 0.5, 104],
  [48, 2, 0.5, 100],
  [50, 2.75, 0.25, 80],
  [52, 3, 0.75, 110],
  [55, 3.75, 0.25, 64],
  [45, 4, 0.5, 118],
  [45, 4.75, 0.25, 70],
  [57, 5, 0.25, 94],
  [45, 5.5, 0.25, 86],
  [43, 6, 0.5, 102],
  [43, 6.75, 0.25, 66],
  [47, 7, 0.5, 96],
  [48, 7.5, 0.5, 90],
];

export const BASS_GROOVE: readonly RollNote[] = BASS.map(([pitch, start, duration, velocity], index) =>
  note(index + 1, pitch, start, duration, velocity),
);

/** A kit's pads that exist, low to high, named as in Live. */
export const KIT: RollRows = {
  kind: 'pads',
  pads: [
    { note: 36, name: 'Kick' },
    { note: 37, name: 'Rim' },
    { note: 38, name: 'Snare' },
    { note: 39, name: 'Clap' },
    { note: 42, name: 'Hat Closed' },
    { note: 45, name: 'Tom Low' },
    { note: 46, name: 'Hat Open' },
    { note: 48, name: 'Tom High' },
    { note: 49, name: 'Crash' },
    { note: 51, name: 'Ride' },
  ],
};

/** Two bars of a beat on the kit. */
export const DRUM_GROOVE: readonly RollNote[] = (() => {
  const hits: [number, number, number][] = [];
  for (let bar = 0; bar < 2; bar += 1) {
    const at = bar * 4;
    hits.push([36, at, 120], [36, at + 1.5, 96], [36, at + 2, 118]);
    if (bar === 1) hits.push([36, at + 3.25, 84]);
    hits.push([38, at + 1, 112], [38, at + 3, 116]);
    if (bar === 1) hits.push([39, at + 3, 100], [38, at + 3.75, 58]);
    for (let eighth = 0; eighth < 8; eighth += 1)
      if (!(bar === 1 && eighth === 7)) hits.push([42, at + eighth / 2, eighth % 2 === 0 ? 100 : 64]);
    if (bar === 1) hits.push([46, at + 3.5, 92]);
    hits.push([37, at + 2.75, 70]);
  }
  hits.push([49, 0, 104]);
  return hits
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([pitch, start, velocity], index) => note(100 + index, pitch, start, 0.25, velocity));
})();

/** `count` notes over `bars` bars, chords and runs around the middle of the keyboard, the same every time. */
export function denseClip(count: number, bars: number): RollNote[] {
  let seed = 0x2f6b;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sixteenths = bars * 16;
  const notes: RollNote[] = [];
  for (let i = 0; i < count; i += 1) {
    const slot = Math.floor((i / count) * sixteenths);
    const pitch = 36 + Math.floor(random() * 24) + Math.floor(random() * 24);
    const duration = [0.25, 0.25, 0.5, 0.5, 1, 2][Math.floor(random() * 6)] ?? 0.25;
    notes.push(note(i + 1, pitch, slot / 4, duration, 30 + Math.floor(random() * 97), { mute: random() < 0.02 }));
  }
  return notes.sort((a, b) => a.start - b.start);
}
