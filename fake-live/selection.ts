/**
 * Live's selection in the in-memory Live, as the simulator has it
 * (live-script/simulator/live_modules/Live/_song_view.py, _tracks.py): the
 * song view's selected track, each track's view with its selected device
 * (the first device until one is chosen), and `select_device`, which selects
 * the device on its own track's view.
 */
import type { JsonValue } from '../protocol/src/index';
import type { FakeLive } from './fake-live';
import { ref, targetOf, targetsOf } from './set-builder';

/** The tracks whose views hold a selected device: those `live_set` lists, the returns and the master. */
function allTracks(live: FakeLive): string[] {
  const song = live.objects.get('live_set') ?? {};
  const master = targetOf(song.master_track ?? null);
  return [...targetsOf(song.tracks ?? null), ...targetsOf(song.return_tracks ?? null), ...(master ? [master] : [])];
}

/** Gives `live` Live's selection: `selected` is the track selected at first (the first track by default). */
export function defineSelection(live: FakeLive, selected?: string): FakeLive {
  const tracks = allTracks(live);
  const first = selected ?? tracks[0];
  const scenes = targetsOf(live.objects.get('live_set')?.scenes ?? null);
  const view = live.objects.get('live_set view') ?? {};
  live.define('live_set view', {
    selected_track: first ? ref(Number(first.slice(3)), 'Track') : null,
    // the session's selection observes the scene too: the first, as a new set opens
    ...(view.selected_scene === undefined && {
      selected_scene: scenes[0] ? ref(Number(scenes[0].slice(3)), 'Scene') : null,
    }),
  });
  for (const track of tracks) {
    const devices = live.objects.get(track)?.devices ?? null;
    const device: JsonValue = Array.isArray(devices) ? (devices[0] ?? null) : null;
    live.define(`${track} view`, { selected_device: device });
  }
  return live.on('select_device', (input) => {
    const device = input.args?.[0] ?? null;
    const target = targetOf(device);
    const track = tracks.find((candidate) =>
      targetsOf(live.objects.get(candidate)?.devices ?? null).includes(target ?? ''),
    );
    if (target === null || track === undefined)
      throw new Error(`select_device: ${JSON.stringify(device)} is no device`);
    live.change(`${track} view`, 'selected_device', ref(Number(target.slice(3)), 'Device'));
    return null;
  });
}
