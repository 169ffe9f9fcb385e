import { describe, expect, it } from 'vitest';
import { namesInWords, notesRouteState, notesRouteText } from './NotesRoute';

const route = (facts: Partial<Parameters<typeof notesRouteText>[0]> = {}) => ({
  track: 'Bass',
  armed: false,
  armable: true,
  others: [] as string[],
  ...facts,
});

describe('where the notes go', () => {
  it('says the chosen track plays when it is armed, with any other armed track', () => {
    expect(notesRouteState(route({ armed: true }))).toBe('plays');
    expect(notesRouteText(route({ armed: true }))).toBe('Plays Bass (armed)');
    expect(notesRouteText(route({ armed: true, others: ['Keys'] }))).toBe('Plays Bass and Keys (armed)');
  });

  it('says where they go instead when it is not armed, and that they go nowhere when nothing is', () => {
    expect(notesRouteState(route({ others: ['Keys'] }))).toBe('elsewhere');
    expect(notesRouteText(route({ others: ['Keys'] }))).toBe('Plays Keys (armed), not Bass');
    expect(notesRouteState(route())).toBe('nowhere');
    expect(notesRouteText(route())).toBe('No track is armed: notes go nowhere');
  });

  it('says why a track that cannot take notes does not play', () => {
    expect(notesRouteText(route({ track: 'Group', armable: false }))).toBe('Group cannot be armed: notes go nowhere');
    expect(notesRouteText(route({ track: 'Vox', takesNotes: false, armed: true, others: ['Keys'] }))).toBe(
      'Vox is an audio track: notes go to Keys',
    );
    expect(notesRouteState(route({ track: null }))).toBe('waiting');
  });

  it('names tracks as a sentence does', () => {
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['A'])).toBe('A');
    expect(namesInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
