import { describe, expect, it } from 'vitest';
import type { ClipCellState } from '../session-grid/states';
import { contentOf, nextEmptyBelow, placedLabel, placeRole, replaceQuestion, type PlaceTarget } from './grid-places';

const midiClip = { slot: 'id 11', midi: true };
const slot = (slot: string, content: PlaceTarget['content'], midi = true): PlaceTarget => ({ slot, midi, content });

describe('placeRole', () => {
  it('takes a clip on an empty slot of a track of its kind, and replaces a clip there', () => {
    expect(placeRole(slot('id 12', 'empty'), midiClip)).toBe('fits');
    expect(placeRole(slot('id 22', 'clip'), midiClip)).toBe('replaces');
  });

  it('refuses a track of the other kind, filled or not, and a slot not known yet', () => {
    expect(placeRole(slot('id 81', 'empty', false), midiClip)).toBe('unfit');
    expect(placeRole(slot('id 82', 'clip', false), midiClip)).toBe('unfit');
    expect(placeRole(slot('id 12', 'clip'), { slot: 'id 81', midi: false })).toBe('unfit');
    expect(placeRole(slot('id 23', 'unknown'), midiClip)).toBe('unfit');
  });

  it('leaves the clip’s own slot alone', () => {
    expect(placeRole(slot('id 11', 'clip'), midiClip)).toBe('source');
  });
});

describe('contentOf', () => {
  it('knows a slot holds a clip once its clip is loaded, whatever it plays', () => {
    const withClip: ClipCellState[] = ['stopped', 'triggered', 'playing', 'recording'];
    const unknown: ClipCellState[] = ['checking', 'creating', 'loading', 'failed', 'gone'];
    expect(withClip.map(contentOf)).toEqual(['clip', 'clip', 'clip', 'clip']);
    expect(contentOf('empty')).toBe('empty');
    expect(unknown.map(contentOf)).toEqual(Array(5).fill('unknown'));
  });
});

describe('the words of a placement', () => {
  it('asks naming both clips and the place', () => {
    expect(replaceQuestion('Bassline', 'Bass, slot 3', 'Bass 2')).toBe(
      'Replace “Bassline” in Bass, slot 3 with “Bass 2”?',
    );
    expect(replaceQuestion('', 'Bass, slot 3', 'Bass 2')).toBe('Replace the clip in Bass, slot 3 with “Bass 2”?');
  });

  it('says what Undo takes back', () => {
    expect(placedLabel('Move', 'Walk', 'Pad, slot 1', null)).toBe('Moved Walk to Pad, slot 1');
    expect(placedLabel('Copy', 'Walk', 'Pad, slot 2', 'Swell')).toBe('Copied Walk to Pad, slot 2, replacing Swell');
  });

  it('finds the next empty slot below', () => {
    const column = [
      { slot: 'a', empty: false },
      { slot: 'b', empty: false },
      { slot: 'c', empty: true },
    ];
    expect(nextEmptyBelow(column, 0)?.slot).toBe('c');
    expect(nextEmptyBelow(column, 2)).toBeNull();
  });
});
