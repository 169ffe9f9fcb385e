"""The musician's hands (simulator/hands.py): what only Live's UI does, on the demo set, from lines.

Each hand waits for the host's next turn (Live's main thread); a line that cannot
be done is told in one line and changes nothing.
"""
import os
import subprocess
import sys
import tempfile
import unittest
from unittest import mock

from support import LIVE_SCRIPT, SteppedLive

from simulator import hands
from simulator.hands import HandError, Hands, parse, resolve

SHAKER_LEVEL = "live_set tracks 1 devices 0 parameters 3"


class Walking(unittest.TestCase):
    """Targets to objects of the simulated set."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_paths_to_devices_mixers_returns_and_the_master(self):
        song = self.song
        self.assertIs(resolve(song, "live_set"), song)
        self.assertEqual(resolve(song, SHAKER_LEVEL).name, "Shaker Level")
        self.assertIs(resolve(song, SHAKER_LEVEL), song.tracks[1].devices[0].parameters[3])
        self.assertIs(resolve(song, "live_set tracks 4 mixer_device volume"), song.tracks[4].mixer_device.volume)
        self.assertIs(resolve(song, "live_set tracks 0 mixer_device sends 1"), song.tracks[0].mixer_device.sends[1])
        self.assertIs(resolve(song, "live_set return_tracks 1 devices 0"), song.return_tracks[1].devices[0])
        self.assertIs(resolve(song, "live_set master_track mixer_device volume"), song.master_track.mixer_device.volume)

    def test_what_names_nothing_says_why(self):
        cases = {
            "live_app view": "starts with live_set",
            "live_set trucks 0": '"live_set" has no trucks',
            "live_set _tracks 0": "not a member name",
            "live_set  tracks 0": "not a member name",
            "live_set tracks 99": '"live_set tracks" has no item 99',
            "live_set master_track 0": '"live_set master_track" has no item 0',
            "live_set tracks 1 devices 0 parameters 3 value_items 7": "has no item 7",
        }
        for target, why in cases.items():
            with self.subTest(target=target):
                with self.assertRaises(HandError) as caught:
                    resolve(self.song, target)
                self.assertIn(why, str(caught.exception))

    def test_a_deleted_object_names_nothing(self):
        track = self.song.tracks[10]  # the last track
        self.song.delete_track(10)
        self.assertTrue(track._deleted)
        with self.assertRaises(HandError):
            resolve(self.song, "live_set tracks 10")


class Doing(unittest.TestCase):
    """Lines handed to a host built from the demo set."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.view = self.song.view
        self.told = []
        self.hands = Hands(self.live.host, self.told.append)

    def tearDown(self):
        self.live.close()

    def turn(self):
        self.live.advance(0.01)

    def test_select_parameter_on_lives_thread_with_its_listener(self):
        heard = []
        self.view.add_selected_parameter_listener(lambda: heard.append(self.view.selected_parameter))
        self.hands.line('{"hand": "select_parameter", "target": "%s"}' % SHAKER_LEVEL)
        self.assertIsNone(self.view.selected_parameter)  # not yet: it waits for the main thread's turn
        self.turn()
        shaker = self.song.tracks[1].devices[0].parameters[3]
        self.assertIs(self.view.selected_parameter, shaker)
        self.assertEqual(heard, [shaker])
        self.assertEqual(self.told, [])

    def test_select_parameter_of_a_mixer_and_of_the_masters(self):
        self.hands.line(b'{"hand": "select_parameter", "target": "live_set tracks 2 mixer_device sends 0"}')
        self.turn()
        self.assertIs(self.view.selected_parameter, self.song.tracks[2].mixer_device.sends[0])
        self.hands.line(b'{"hand": "select_parameter", "target": "live_set master_track mixer_device volume"}')
        self.turn()
        self.assertIs(self.view.selected_parameter, self.song.master_track.mixer_device.volume)

    def test_select_track_moves_the_highlighted_slot_as_lives_ui_does(self):
        heard = []
        self.view.add_selected_track_listener(lambda: heard.append(self.view.selected_track.name))
        self.hands.line('{"hand": "select_track", "target": "live_set tracks 3"}')
        self.turn()
        keys = self.song.tracks[3]
        self.assertIs(self.view.selected_track, keys)
        self.assertEqual(heard, ["Keys"])
        self.assertIs(self.view.detail_clip, keys.clip_slots[0].clip)  # scene 0 is selected in the demo set
        self.hands.line('{"hand": "select_track", "target": "live_set return_tracks 0"}')
        self.turn()
        self.assertIs(self.view.selected_track, self.song.return_tracks[0])
        self.assertEqual(self.told, [])

    def test_a_target_of_the_wrong_kind_is_told_and_changes_nothing(self):
        self.hands.line('{"hand": "select_parameter", "target": "live_set tracks 1"}')
        self.hands.line('{"hand": "select_track", "target": "%s"}' % SHAKER_LEVEL)
        self.hands.line('{"hand": "select_track", "target": "live_set tracks 42"}')
        self.turn()
        self.assertEqual(self.told, ['"live_set tracks 1" is not a parameter',
                                     '"%s" is not a track' % SHAKER_LEVEL,
                                     '"live_set tracks" has no item 42'])
        self.assertIsNone(self.view.selected_parameter)
        self.assertIs(self.view.selected_track, self.song.tracks[0])

    def test_a_failing_hand_is_told_and_the_host_goes_on(self):
        def select_track(song, target):
            raise ValueError("the mouse slipped\non two lines")

        with mock.patch.dict(hands.ACTIONS, {"select_track": select_track}):
            self.hands.line('{"hand": "select_track", "target": "live_set tracks 3"}')
            self.turn()
        self.assertEqual(self.told, ['select_track "live_set tracks 3" failed: ValueError: the mouse slipped '
                                     'on two lines'])
        self.hands.line('{"hand": "select_track", "target": "live_set tracks 3"}')
        self.turn()
        self.assertIs(self.view.selected_track, self.song.tracks[3])

    def test_lines_come_in_any_chunks_and_an_unfinished_one_waits(self):
        line = b'{"hand": "select_track", "target": "live_set tracks 5"}\n'
        self.hands.feed(b"\n  \n" + line[:20])
        self.hands.feed(line[20:] + b'{"hand": "select_parameter", "target": "%s"}' % SHAKER_LEVEL.encode())
        self.turn()
        self.assertIs(self.view.selected_track, self.song.tracks[5])
        self.assertIsNone(self.view.selected_parameter)  # its newline has not come
        self.hands.feed(b"\r\n")
        self.turn()
        self.assertEqual(self.view.selected_parameter.name, "Shaker Level")
        self.assertEqual(self.told, [])


class Parsing(unittest.TestCase):
    def test_a_good_line(self):
        self.assertEqual(parse('{"hand": "select_track", "target": "live_set tracks 2"}'),
                         (hands.select_track, "live_set tracks 2"))

    def test_bad_lines_say_why(self):
        cases = {
            b"select_track live_set tracks 2": "not a JSON line",
            b'{"hand": "select_track", "target": "\xff"}': "not a JSON line",
            b"[" * 100000 + b"]" * 100000: "not a JSON line",
            b'["select_track"]': "a hand is a JSON object, not list",
            b'{"target": "live_set tracks 2"}': "unknown hand null (the hands: select_parameter, select_track)",
            b'{"hand": "delete_track", "target": "live_set tracks 2"}': 'unknown hand "delete_track"',
            b'{"hand": ["select_track"], "target": "live_set tracks 2"}': "unknown hand [",
            b'{"hand": "select_track"}': "select_track needs a target",
            b'{"hand": "select_track", "target": 2}': "select_track needs a target",
            b'{"hand": "select_track", "target": "live_set tracks 2", "shift": true}': "select_track takes no shift",
        }
        for line, why in cases.items():
            with self.subTest(line=line[:60]):
                with self.assertRaises(HandError) as caught:
                    parse(line)
                self.assertIn(why, str(caught.exception))

    def test_a_bad_line_is_told_in_one_line_and_nothing_waits_for_lives_thread(self):
        live = SteppedLive(script=False)
        self.addCleanup(live.close)
        told = []
        Hands(live.host, told.append).feed(b'{"hand": "select_track",\n"target": "live_set tracks 2"}\n')
        self.assertEqual(len(told), 2)
        self.assertTrue(all(why.startswith("not a JSON line") and "\n" not in why for why in told), told)
        self.assertEqual(len(live.host._calls), 0)


class OnStdin(unittest.TestCase):
    """sim.py with --exit-with-stdin, as the bridge runs it: bad hands told on stderr, its end still ends it."""

    def test_bad_hands_are_told_on_stderr_and_the_end_of_stdin_still_stops_it(self):
        log_dir = tempfile.mkdtemp(prefix="sim-hands-")
        env = dict(os.environ, LIVESURFACE_SCRIPT_PORT="0", LIVESURFACE_SECRET_DIR=log_dir)
        with subprocess.Popen(
                [sys.executable, os.path.join(LIVE_SCRIPT, "sim.py"), "--exit-with-stdin", "--midi-port", "0",
                 "--log-dir", log_dir],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
            try:
                self.assertIn(b"simulator ready", process.stdout.readline())
                process.stdin.write(b'not json\n{"hand": "wave"}\n'
                                    b'{"hand": "select_parameter", "target": "live_set tracks 1 devices 9"}\n'
                                    b'{"hand": "select_track", "target": "live_set tracks 3"}\n')
                process.stdin.flush()
                told = [process.stderr.readline().decode() for _ in range(3)]
                out, err = process.communicate(timeout=10)  # stdin ends, as when the bridge is gone
            finally:
                if process.poll() is None:
                    process.kill()
        self.assertEqual(process.returncode, 0)
        self.assertTrue(told[0].startswith("sim.py: hand: not a JSON line: "), told)
        self.assertTrue(told[1].startswith('sim.py: hand: unknown hand "wave"'), told)
        self.assertEqual(told[2], 'sim.py: hand: "live_set tracks 1 devices" has no item 9\n')
        self.assertEqual(err, b"")  # nothing more: the last hand is a good one
        self.assertIn(b"simulator stopped", out)


if __name__ == "__main__":
    unittest.main()
