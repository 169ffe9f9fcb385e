"""The simulator launches clips and scenes as protocol/fixtures/behaviour/launch.json says.

The same fixture is replayed on the TypeScript in-memory Live (the tests' and
stories' fake), so the two imitations of Live's launch quantization agree.
"""
import unittest

from support import SteppedLive, load_fixture  # first: it puts the simulator's Live on the path

import Live
from Live._tracks import MIDI

FIXTURE = load_fixture("behaviour", "launch.json")
QUANTIZATION = {"1 bar": Live.Song.Quantization.q_bar}


def build_fixture_set(clock):
    spec = FIXTURE["set"]
    song = Live.Song.Song(clock, name="Launch fixture")
    song._values["tempo"] = float(spec["tempo"])
    song._values["clip_trigger_quantization"] = QUANTIZATION[spec["clip_trigger_quantization"]]
    for index in range(spec["scenes"]):
        song._insert_scene(index, "")
    for track_spec in spec["tracks"]:
        track = song._add_track(MIDI, track_spec["name"])
        for scene, length in enumerate(track_spec["clips"]):
            if length is not None:
                track._slots[scene]._new_clip(float(length), name="")
    return song


class LaunchFixtureTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=build_fixture_set)
        self.song = self.live.song
        self.addCleanup(self.live.close)

    def move_to_beat(self, beat):
        """Moves Live's clock on until the song reaches `beat` (the transport runs from the first launch)."""
        now = self.song.current_song_time
        if self.song.is_playing and beat > now:
            self.live.advance((beat - now) * 60.0 / self.song.tempo)

    def target(self, step):
        kind = step.get("expect", step.get("do"))
        if kind == "song":
            return self.song
        if kind == "scene" or kind == "fire_scene":
            return self.song.scenes[step["scene"]]
        track = self.song.tracks[step["track"]]
        return track.clip_slots[step["scene"]] if "scene" in step else track

    def act(self, step):
        action = step["do"]
        if action == "fire":
            self.target(step).fire()
        elif action == "stop":
            self.target(step).stop()
        elif action == "fire_scene":
            self.target(step).fire()
        elif action == "stop_all_clips":
            self.song.tracks[step["track"]].stop_all_clips()
        elif action == "stop_playing":
            self.song.stop_playing()
        else:
            raise AssertionError("unknown action %r" % action)

    def test_the_simulator_launches_and_stops_as_the_fixture_says(self):
        for step in FIXTURE["steps"]:
            self.move_to_beat(step["at"])
            if "do" in step:
                self.act(step)
                continue
            found = getattr(self.target(step), step["prop"])
            self.assertEqual(found, step["value"], "at beat %s: %r" % (step["at"], step))


if __name__ == "__main__":
    unittest.main()
