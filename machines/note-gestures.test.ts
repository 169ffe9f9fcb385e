import { describe, expect, it } from 'vitest';
import type { EditorNote } from './clip-notes';
import {
  changesBetween,
  duplicated,
  loopRegion,
  moved,
  muteToggled,
  quantized,
  resizedEnd,
  resizedStart,
  snap,
  snapDown,
  tappedNote,
  transposed,
  withVelocities,
} from './note-gestures';

const at = (key: number, pitch: number, start: number, duration = 0.25, velocity = 100): EditorNote => ({
  key,
  pitch,
  start_time: start,
  duration,
  velocity,
  mute: false,
  probability: 1,
  velocity_deviation: 0,
  release_velocity: 64,
});
const shape = (notes: EditorNote[]) => notes.map((n) => [n.key, n.pitch, n.start_time, n.duration]);

describe('snapping', () => {
  it('snaps to the nearest line, or down to the cell a finger tapped, or nowhere with the grid off', () => {
    expect(snap(0.37, 0.25)).toBe(0.25);
    expect(snap(0.38, 0.25)).toBe(0.5);
    expect(snap(0.37, null)).toBe(0.37);
    expect(snapDown(0.49, 0.25)).toBe(0.25);
    expect(snapDown(0.5, 0.25)).toBe(0.5);
    expect(snapDown(1 / 3 + 1e-12, 1 / 6)).toBeCloseTo(1 / 3);
  });

  it('adds a tapped note at its cell, a grid long (a beat with the grid off), within Live bounds', () => {
    expect(tappedNote('new:1', 60.4, 1.3, 0.25, 90)).toMatchObject({
      pitch: 60,
      start_time: 1.25,
      duration: 0.25,
      velocity: 90,
    });
    expect(tappedNote('new:1', 130, -2, null, 0)).toMatchObject({
      pitch: 127,
      start_time: 0,
      duration: 1,
      velocity: 1,
    });
  });
});

describe('moving', () => {
  const selection = [at(1, 60, 1), at(2, 64, 1.5)];

  it('lands the note under the finger on the grid, the others keeping their distance', () => {
    expect(shape(moved(selection, 2, { beats: 0.6, semitones: 2.4, free: false }, 0.25))).toEqual([
      [1, 62, 1.5, 0.25],
      [2, 66, 2, 0.25],
    ]);
  });

  it('moves freely when asked, or with the grid off', () => {
    expect(moved(selection, 1, { beats: 0.1, semitones: 0, free: true }, 0.25)[0]?.start_time).toBeCloseTo(1.1);
    expect(moved(selection, 1, { beats: 0.1, semitones: 0, free: false }, null)[0]?.start_time).toBeCloseTo(1.1);
  });

  it('stops the whole selection at bar 1 and at the pitch range rather than squashing it', () => {
    expect(shape(moved(selection, 1, { beats: -5, semitones: 100, free: false }, 0.25))).toEqual([
      [1, 123, 0, 0.25],
      [2, 127, 0.5, 0.25],
    ]);
    expect(transposed(selection, -70).map((n) => n.pitch)).toEqual([0, 4]);
  });
});

describe('resizing', () => {
  it('ends the note under the finger on the grid, every held note changing by as much, never below a 128th', () => {
    const notes = [at(1, 60, 0, 1), at(2, 62, 0, 0.5)];
    expect(shape(resizedEnd(notes, 1, { beats: 0.4, semitones: 0, free: false }, 0.25))).toEqual([
      [1, 60, 0, 1.5],
      [2, 62, 0, 1],
    ]);
    expect(resizedEnd(notes, 1, { beats: -3, semitones: 0, free: false }, 0.25).map((n) => n.duration)).toEqual([
      1 / 32,
      1 / 32,
    ]);
  });

  it('moves starts with the ends in place', () => {
    expect(shape(resizedStart([at(1, 60, 1, 1)], 1, { beats: 0.3, semitones: 0, free: false }, 0.25))).toEqual([
      [1, 60, 1.25, 0.75],
    ]);
    expect(shape(resizedStart([at(1, 60, 1, 1)], 1, { beats: -4, semitones: 0, free: false }, 0.25))).toEqual([
      [1, 60, 0, 2],
    ]);
  });
});

describe('actions on a selection', () => {
  it('quantizes starts to the grid and keeps lengths', () => {
    expect(shape(quantized([at(1, 60, 0.13, 0.3), at(2, 60, 0.9)], 0.25))).toEqual([
      [1, 60, 0.25, 0.3],
      [2, 60, 1, 0.25],
    ]);
  });

  it('mutes when any note plays, unmutes when all are muted', () => {
    const mixed = [{ ...at(1, 60, 0), mute: true }, at(2, 62, 0)];
    expect(muteToggled(mixed).map((n) => n.mute)).toEqual([true, true]);
    expect(muteToggled(muteToggled(mixed)).map((n) => n.mute)).toEqual([false, false]);
  });

  it('duplicates right after the selection, rounded up to the grid', () => {
    expect(shape(duplicated([at(1, 60, 1, 0.5), at(2, 62, 1.25, 0.3)], ['new:1', 'new:2'], 0.25))).toEqual([
      ['new:1', 60, 1.75, 0.5],
      ['new:2', 62, 2, 0.3],
    ]);
  });

  it('sets velocities within 1..127', () => {
    const notes = withVelocities(
      [at(1, 60, 0), at(2, 62, 0)],
      new Map([
        [1, 300],
        [2, -4],
      ]),
    );
    expect(notes.map((n) => n.velocity)).toEqual([127, 1]);
  });

  it('says which fields changed, by key', () => {
    expect(changesBetween([at(1, 60, 0), at(2, 62, 0)], [at(1, 61, 0), at(2, 62, 0)])).toEqual([
      { key: 1, fields: { pitch: 61 } },
    ]);
  });

  it('keeps a dragged loop at least a grid long', () => {
    expect(loopRegion(1.1, 1.2, 0.25)).toEqual({ start: 1, end: 1.25 });
    expect(loopRegion(-1, 4.1, 1)).toEqual({ start: 0, end: 4 });
  });
});
