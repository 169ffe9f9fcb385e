/**
 * A clip to edit in the in-memory Live: its notes (Live's notes API,
 * `notes.ts`) and the song's undo history (`history.ts`).
 */
import type { Note } from '../protocol/src/notes';
import { FakeEnvelopes, type FakeParameterGroup } from './envelopes';
import { FakeLive } from './fake-live';
import { FakeHistory } from './history';
import { ClipNotes } from './notes';
import { defineClip, defineSong } from './set-builder';

/** The clip `editorClip` makes, and its path (how a new Live finds it). */
export const EDITED_CLIP = 'id 50';
export const EDITED_CLIP_PATH = 'live_set tracks 0 clip_slots 0 clip';

/** A note with Live's defaults but for what is given. */
export function note(pitch: number, start_time: number, duration = 0.25, velocity = 100): Omit<Note, 'note_id'> {
  return {
    pitch,
    start_time,
    duration,
    velocity,
    mute: false,
    probability: 1,
    velocity_deviation: 0,
    release_velocity: 64,
  };
}

/** A 2-bar MIDI clip (`id 50`) holding `notes` (ids 1, 2, ... in that order), in a song with Live's undo. */
export function editorClip(notes: readonly Omit<Note, 'note_id'>[] = []): {
  live: FakeLive;
  notes: ClipNotes;
  history: FakeHistory;
} {
  const live = new FakeLive();
  defineSong(live, { tracks: [], returns: [], master: 1, scenes: [] });
  defineClip(live, { id: 50, name: 'Bassline', color: 0xff5a00, length: 8 });
  live.paths.set(EDITED_CLIP_PATH, EDITED_CLIP);
  const clipNotes = new ClipNotes(live);
  clipNotes.define(EDITED_CLIP, notes);
  const history = new FakeHistory(live, clipNotes);
  return { live, notes: clipNotes, history };
}

/** The parameters the envelope editor's clip can automate: the mixer, a filter, and a device inside a rack's chain. */
export const ENVELOPE_GROUPS: readonly FakeParameterGroup[] = [
  {
    kind: 'mixer',
    name: 'Mixer',
    path: [],
    parameters: [
      { target: 'id 70', name: 'Track Volume', min: 0, max: 1, value: 0.85 },
      { target: 'id 71', name: 'Track Panning', min: -1, max: 1, value: 0 },
      { target: 'id 72', name: 'A-Reverb', min: 0, max: 1, value: 0 },
    ],
  },
  {
    kind: 'device',
    name: 'Auto Filter',
    path: ['Auto Filter'],
    parameters: [
      { target: 'id 80', name: 'Frequency', min: 0, max: 1, value: 0.5 },
      {
        target: 'id 81',
        name: 'Filter Type',
        min: 0,
        max: 3,
        value: 0,
        quantized: true,
        items: ['Lowpass', 'Highpass', 'Bandpass', 'Notch'],
      },
    ],
  },
  {
    kind: 'device',
    name: 'Simpler',
    path: ['Drum Rack', 'Kick', 'Simpler'],
    parameters: [{ target: 'id 90', name: 'Filter Freq', min: 0, max: 1, value: 0.7 }],
  },
];

/** The 2-bar clip of `editorClip` with automation (`envelopes.ts`) in Live's undo history. */
export function envelopeClip(notes: readonly Omit<Note, 'note_id'>[] = []) {
  const set = editorClip(notes);
  set.live.define(EDITED_CLIP, { has_envelopes: false, envelope_revision: 0 });
  set.live.define('live_set view', { selected_parameter: null });
  const envelopes = new FakeEnvelopes(set.live, ENVELOPE_GROUPS);
  set.history.trackEnvelopes(envelopes);
  for (const group of ENVELOPE_GROUPS) {
    for (const parameter of group.parameters) {
      set.live.displays.set(parameter.target, (value) => `${Math.round(value * 100)} %`);
    }
  }
  set.live.on('str_for_value', (input, live) => {
    const value = typeof input.args?.[0] === 'number' ? input.args[0] : 0;
    return live.displays.get(input.target)?.(value) ?? value.toFixed(2);
  });
  return { ...set, envelopes };
}
