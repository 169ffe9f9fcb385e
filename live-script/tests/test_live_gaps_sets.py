"""The sets Live can open in the simulator (issue 17): Live's own new set (`--set default`) and the
demo set (`--set demo`: eight tracks, then a group track holding two) (README, "Evidence: the
default set" and "Evidence: group tracks")."""
import os
import subprocess
import sys
import tempfile
import unittest

from support import SteppedLive
from simulator import default_set, demo_set

from Live import _version

HERE = os.path.dirname(os.path.abspath(__file__))
SIM = os.path.join(HERE, "..", "sim.py")


class DefaultSet(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_it_is_shaped_like_lives_new_set(self):
        song = self.song
        self.assertEqual([t.name for t in song.tracks], ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"])
        self.assertEqual([(t.has_midi_input, t.has_audio_input) for t in song.tracks],
                         [(True, False), (True, False), (False, True), (False, True)])
        self.assertEqual([t.name for t in song.return_tracks], ["A-Reverb", "B-Delay"])
        self.assertEqual([[d.name for d in t.devices] for t in song.return_tracks], [["Reverb"], ["Delay"]])
        self.assertEqual(song.master_track.name, "Main" if _version.MAJOR >= 12 else "Master")
        self.assertEqual(len(song.scenes), 8)
        self.assertEqual((song.tempo, song.signature_numerator, song.signature_denominator), (120.0, 4, 4))
        self.assertFalse(any(slot.has_clip for track in song.tracks for slot in track.clip_slots))
        self.assertFalse(any(track.devices for track in song.tracks))
        self.assertEqual([len(t.mixer_device.sends) for t in list(song.tracks) + list(song.return_tracks)], [2] * 6)
        self.assertEqual(song.view.selected_track, song.tracks[0])
        self.assertFalse(song.can_undo)

    def test_new_tracks_are_named_on(self):
        self.assertEqual(self.song.create_midi_track(-1).name, "5-MIDI")
        self.assertEqual(self.song.create_audio_track(-1).name, "6-Audio")


class DemoSet(unittest.TestCase):
    def test_eight_tracks_then_a_group_holding_two(self):
        live = SteppedLive(script=False)
        try:
            song = live.song
            self.assertEqual([t.name for t in song.tracks], ["Drums", "Perc", "Bass", "Keys", "Pad", "Lead", "Arp",
                                                             "Vox", "Atmos", "Riser", "Texture"])
            self.assertEqual([t.is_foldable for t in song.tracks], [False] * 8 + [True, False, False])
            self.assertEqual([t.fold_state for t in song.tracks if t.is_foldable], [False])  # unfolded
            self.assertEqual([len(t.mixer_device.sends) for t in song.tracks], [2] * 11)
            self.assertEqual(song.view.selected_track, song.tracks[0])
            self.assertFalse(song.can_undo)
        finally:
            live.close()


class SimChoosesTheSet(unittest.TestCase):
    def test_the_set_option(self):
        sys.path.insert(0, os.path.dirname(SIM))
        try:
            import sim
        finally:
            sys.path.remove(os.path.dirname(SIM))
        self.assertEqual(sim.parse_args([]).live_set, "demo")
        self.assertIs(sim.set_builder("default"), default_set.build)
        self.assertIs(sim.set_builder("demo"), demo_set.build)
        with self.assertRaises(SystemExit):
            with open(os.devnull, "w") as quiet:
                stderr, sys.stderr = sys.stderr, quiet
                try:
                    sim.parse_args(["--set", "other"])
                finally:
                    sys.stderr = stderr

    def test_sim_py_opens_the_default_set(self):
        folder = tempfile.mkdtemp(prefix="sim-set-")
        env = dict(os.environ, LIVESURFACE_SCRIPT_PORT="0", LIVESURFACE_SECRET_DIR=folder)
        process = subprocess.Popen([sys.executable, SIM, "--set", "default", "--midi-port", "0", "--log-dir", folder,
                                    "--exit-with-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env)
        try:
            line = process.stdout.readline().decode()
            self.assertIn("simulator ready", line)
            self.assertIn("set 'Untitled'", line)
        finally:
            process.stdin.close()
            process.wait(timeout=10)
            process.stdout.close()
            process.stderr.close()


if __name__ == "__main__":
    unittest.main()
