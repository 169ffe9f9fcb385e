import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import type { JsonValue } from '../protocol/src/index';
import { FakeLive } from './fake-live';
import { defineScene, defineSlot, defineSong, defineTrack, targetOf, targetsOf } from './set-builder';
import { FakeTransport } from './transport';

/** protocol/fixtures/behaviour/launch.json: what the simulator does too (live-script/tests/test_launch_fixture.py). */
interface LaunchFixture {
  set: {
    tempo: number;
    clip_trigger_quantization: '1 bar';
    scenes: number;
    tracks: { name: string; clips: (number | null)[] }[];
  };
  steps: Step[];
}
type Step = { at: number; track?: number; scene?: number } & (
  | { do: 'fire' | 'stop' | 'fire_scene' | 'stop_all_clips' | 'stop_playing' }
  | { expect: 'song' | 'track' | 'slot' | 'scene'; prop: string; value: JsonValue }
);

const FIXTURE = JSON.parse(
  readFileSync(new URL('../protocol/fixtures/behaviour/launch.json', import.meta.url), 'utf8'),
) as LaunchFixture;
/** Song.Quantization in Live's enum. */
const QUANTIZATION = { '1 bar': 4 } as const;

/** The fixture's set in the in-memory Live: tracks 1.., scenes 101.., slots 1000 + 10 * track + scene, clips 2000 + ... */
function fixtureSet(): FakeLive {
  const live = new FakeLive();
  const { set } = FIXTURE;
  const tracks = set.tracks.map((_, index) => index + 1);
  const scenes = Array.from({ length: set.scenes }, (_, index) => 101 + index);
  defineSong(
    live,
    { tracks, returns: [], master: 99, scenes },
    { tempo: set.tempo, clip_trigger_quantization: QUANTIZATION[set.clip_trigger_quantization] },
  );
  defineTrack(live, 99, { name: 'Main', color: 0, armable: false });
  scenes.forEach((id) => defineScene(live, id, '', 0));
  set.tracks.forEach((track, index) => {
    const slots = track.clips.map((_, scene) => 1000 + 10 * (index + 1) + scene);
    defineTrack(live, index + 1, { name: track.name, color: 0, slots });
    track.clips.forEach((length, scene) =>
      defineSlot(
        live,
        slots[scene] ?? 0,
        length === null ? null : { id: 1000 + (slots[scene] ?? 0), name: '', color: 0, length },
      ),
    );
  });
  return live;
}

describe('FakeTransport', () => {
  it('launches and stops clips and scenes as the simulator does (protocol/fixtures/behaviour/launch.json)', async () => {
    const live = fixtureSet();
    const transport = new FakeTransport(live);
    const effects = live.effects();
    const value = (target: string, prop: string): JsonValue => live.objects.get(target)?.[prop] ?? null;
    const track = (step: Step): string => targetsOf(value('live_set', 'tracks'))[step.track ?? -1] ?? '';
    const slot = (step: Step): string => targetsOf(value(track(step), 'clip_slots'))[step.scene ?? -1] ?? '';
    const scene = (step: Step): string => targetsOf(value('live_set', 'scenes'))[step.scene ?? -1] ?? '';
    // through the machines' `call` effect, as a clip slot actor calls Live
    const call = (target: string, fn: string): Promise<JsonValue> =>
      toPromise(createActor(effects.call, { input: { target, fn } }).start());
    for (const step of FIXTURE.steps) {
      // the song runs from its first launch; until then, time stands
      const to = step.at - transport.time;
      if (value('live_set', 'is_playing') === true && to > 0) transport.advance((to * 60_000) / FIXTURE.set.tempo);
      if ('do' in step) {
        if (step.do === 'fire') await call(slot(step), 'fire');
        else if (step.do === 'stop') await call(slot(step), 'stop');
        else if (step.do === 'fire_scene') await call(scene(step), 'fire');
        else if (step.do === 'stop_all_clips') await call(track(step), 'stop_all_clips');
        else await call('live_set', 'stop_playing');
        continue;
      }
      const target =
        step.expect === 'song'
          ? 'live_set'
          : step.expect === 'scene'
            ? scene(step)
            : step.expect === 'slot'
              ? slot(step)
              : track(step);
      expect({ at: step.at, [step.expect]: target, [step.prop]: value(target, step.prop) }).toEqual({
        at: step.at,
        [step.expect]: target,
        [step.prop]: step.value,
      });
    }
    expect(targetOf(value('live_set', 'master_track'))).toBe('id 99');
  });
});
