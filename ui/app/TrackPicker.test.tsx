import { describe, expect, it } from 'vitest';
import { findChosen, SavedTrackSchema } from './TrackPicker';

const track = (index: number, name: string, facts: { armed?: boolean; midi?: boolean; known?: boolean } = {}) => ({
  index,
  name,
  armed: facts.armed ?? false,
  armable: true,
  midi: facts.midi ?? true,
  known: facts.known ?? true,
});

const SET = [track(0, 'Drums'), track(1, 'Bass'), track(2, 'Keys'), track(3, 'Bass')];

describe('the chosen track', () => {
  it('is found again by name, the one at the saved place first', () => {
    expect(findChosen({ name: 'Keys', index: 0 }, SET)?.index).toBe(2);
    expect(findChosen({ name: 'Bass', index: 3 }, SET)?.index).toBe(3);
    expect(findChosen({ name: 'Bass', index: 0 }, SET)?.index).toBe(1);
  });

  it('is found by its place once every track has said its name, when its name is gone (renamed)', () => {
    expect(findChosen({ name: 'Sub', index: 1 }, SET)?.name).toBe('Bass');
    const loading = [track(0, 'Drums'), track(1, '', { known: false })];
    expect(findChosen({ name: 'Sub', index: 1 }, loading)).toBeUndefined();
    expect(findChosen({ name: 'Drums', index: 0 }, loading)?.name).toBe('Drums');
    expect(findChosen({ name: 'Gone', index: 9 }, SET)?.index).toBe(3);
  });

  it('with nothing saved, is the first armed MIDI track, else the first MIDI track', () => {
    const vox = track(0, 'Vox', { midi: false, armed: true });
    expect(findChosen(null, [vox, track(1, 'Bass'), track(2, 'Keys', { armed: true })])?.name).toBe('Keys');
    expect(findChosen(null, [vox, track(1, 'Bass')])?.name).toBe('Bass');
    expect(findChosen(null, [track(0, 'Drums', { known: false })])).toBeUndefined();
    expect(findChosen(null, [])).toBeUndefined();
  });

  it('is read from what was saved through its schema', () => {
    expect(SavedTrackSchema.parse({ name: 'Bass', index: 1 })).toEqual({ name: 'Bass', index: 1 });
    expect(SavedTrackSchema.safeParse({ name: 'Bass', index: -1 }).success).toBe(false);
    expect(SavedTrackSchema.parse(null)).toBeNull();
  });
});
