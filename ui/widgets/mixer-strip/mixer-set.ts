/**
 * A big set for the mixer's stories, in memory: more tracks than any screen
 * shows at once, four returns (so four sends on every strip, some silent at
 * "-inf dB", some as long as "-32.9 dB"), the master, and Live's selection.
 * Its machines are provided as the app provides them.
 */
import { FakeLive } from '../../../fake-live/fake-live';
import { defineSelection } from '../../../fake-live/selection';
import { defineSong, defineTrack } from '../../../fake-live/set-builder';
import { provideMachines, type ProvidedMachines } from '../../../machines/provide';
import { formats } from '../../fake-studio/studio-set';
import { paletteColor } from '../../theme/live-colors';

export const MIXER_TRACKS = [
  'Kick',
  'Snare',
  'Hats',
  'Perc',
  'Sub Bass',
  'Reese',
  'Keys',
  'Pad',
  'Lead',
  'Arp',
  'Vox',
  'Vox Dbl',
];
export const MIXER_RETURNS = ['A-Reverb', 'B-Delay', 'C-Chorus', 'D-Crush'];

/** Live's send levels (0..1) that read as every width of text: -inf, short, long. */
const SEND_LEVELS = [0, 0.3, 0.62, 0.12, 0.85, 0.05];

/** The big mixer set: tracks `id 1`..`id 12`, returns `id 21`..`id 24`, the master `id 30`; the first track selected. */
export function bigMixerSet(): FakeLive {
  const live = new FakeLive();
  const tracks = MIXER_TRACKS.map((_, index) => index + 1);
  const returns = MIXER_RETURNS.map((_, index) => index + 21);
  defineSong(live, { tracks, returns, master: 30, scenes: [] });
  const mixerFormats = { volume: formats.volume, pan: formats.pan };
  MIXER_TRACKS.forEach((name, index) => {
    defineTrack(live, index + 1, {
      name,
      color: paletteColor((index * 5) % 70),
      sends: MIXER_RETURNS.length,
      formats: mixerFormats,
    });
    for (let send = 0; send < MIXER_RETURNS.length; send += 1) {
      live.define(`id ${index + 1} mixer_device sends ${send}`, {
        value: SEND_LEVELS[(index + send) % SEND_LEVELS.length] ?? 0,
      });
    }
  });
  MIXER_RETURNS.forEach((name, index) =>
    defineTrack(live, index + 21, {
      name,
      color: paletteColor(50 + index),
      armable: false,
      sends: MIXER_RETURNS.length,
      formats: mixerFormats,
    }),
  );
  defineTrack(live, 30, { name: 'Main', color: paletteColor(55), armable: false, formats: mixerFormats });
  return defineSelection(live);
}

/** The big set and its machines. */
export function bigMixer(): { live: FakeLive; machines: ProvidedMachines } {
  const live = bigMixerSet();
  live.latencyMs = 20;
  return { live, machines: provideMachines(live.effects()) };
}
