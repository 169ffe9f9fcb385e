/**
 * Live's song position, bars.beats.sixteenths, from the song time (in
 * quarter notes, as `current_song_time` gives it) and the time signature.
 * A beat is the signature's denominator (an eighth in 6/8); a sixteenth is
 * always a sixteenth note, so a beat of 6/8 holds two of them.
 */

/** Where the song is, counted as Live counts it. */
export interface SongPosition {
  /** 1-based, as Live counts. */
  bar: number;
  beat: number;
  sixteenth: number;
}

/** Float song times land a hair below a grid line (3.9999999); they count as on it. */
const EPSILON = 1e-6;

const count = (length: number, unit: number): number => Math.floor(length / unit + EPSILON);

/** The bar, beat and sixteenth of a song time (quarter notes) in a time signature. */
export function songPosition(songTime: number, numerator: number, denominator: number): SongPosition {
  const time = Number.isFinite(songTime) && songTime > 0 ? songTime : 0;
  // a signature Live would never give (0, negative) reads as 4/4 rather than dividing by zero
  const beatsPerBar = numerator >= 1 ? Math.floor(numerator) : 4;
  const beatLength = 4 / (denominator >= 1 ? denominator : 4);
  const barLength = beatsPerBar * beatLength;
  const bars = count(time, barLength);
  const inBar = Math.max(0, time - bars * barLength);
  const beats = Math.min(beatsPerBar - 1, count(inBar, beatLength));
  const inBeat = Math.max(0, inBar - beats * beatLength);
  const sixteenthsPerBeat = Math.max(1, Math.round(beatLength / 0.25));
  const sixteenths = Math.min(sixteenthsPerBeat - 1, count(inBeat, 0.25));
  return { bar: bars + 1, beat: beats + 1, sixteenth: sixteenths + 1 };
}

/** The position as Live writes it: `12.3.2`. */
export function formatSongPosition(songTime: number, numerator: number, denominator: number): string {
  const { bar, beat, sixteenth } = songPosition(songTime, numerator, denominator);
  return `${bar}.${beat}.${sixteenth}`;
}

/**
 * A length as Live writes a loop's length: bars.beats.sixteenths counted
 * from zero (`4.0.0` is four bars, `0.2.0` two beats).
 */
export function formatSongLength(beats: number, numerator: number, denominator: number): string {
  const { bar, beat, sixteenth } = songPosition(beats, numerator, denominator);
  return `${bar - 1}.${beat - 1}.${sixteenth - 1}`;
}
