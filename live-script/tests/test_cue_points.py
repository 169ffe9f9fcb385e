"""Cue points (the arrangement's locators) in the simulator, as Live has them (live-script/README.md,
"Evidence: transport"): the list and its listeners, the jump flags as the song moves, jumps quantized
while playing, set or delete at the song position, undo; and through the script."""
import unittest

from support import SteppedLive

import Live

Q = Live.Song.Quantization


def cues(song):
    return [(cue.name, cue.time) for cue in song.cue_points]


class CuePointsTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0  # a beat is half a second, a 4/4 bar two seconds

    def tearDown(self):
        self.live.close()

    def play_for(self, seconds):
        self.live.advance(seconds)

    def test_the_demo_set_has_its_locators_in_time_order(self):
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("Drop", 32.0), ("Outro", 64.0)])
        cue = self.song.cue_points[1]
        self.assertIsInstance(cue, Live.Song.CuePoint)
        self.assertEqual((type(cue).__module__, type(cue).__name__), ("Song", "CuePoint"))
        self.assertEqual(cue.canonical_parent, self.song)
        with self.assertRaises(AttributeError):
            cue.time = 8.0  # "Get/Listen to the CuePoint's time in beats": read-only

    def test_the_jump_flags_say_what_lies_either_side_of_the_song_position(self):
        self.assertEqual((self.song.can_jump_to_prev_cue, self.song.can_jump_to_next_cue), (False, True))
        self.song.cue_points[1].jump()  # stopped: the start position moves there at once
        self.assertEqual((self.song.current_song_time, self.song.start_time), (32.0, 32.0))
        self.assertEqual((self.song.can_jump_to_prev_cue, self.song.can_jump_to_next_cue), (True, True))
        self.assertTrue(self.song.is_cue_point_selected())
        self.song.jump_to_next_cue()
        self.assertEqual(self.song.current_song_time, 64.0)
        self.assertEqual((self.song.can_jump_to_prev_cue, self.song.can_jump_to_next_cue), (True, False))
        self.song.jump_to_next_cue()  # none right of it: "if possible", so nothing happens
        self.assertEqual(self.song.current_song_time, 64.0)
        self.song.jump_to_prev_cue()
        self.song.jump_to_prev_cue()
        self.assertEqual(self.song.current_song_time, 0.0)

    def test_the_flags_change_as_the_song_plays_past_a_cue(self):
        heard = []
        self.song.add_can_jump_to_prev_cue_listener(lambda: heard.append(self.song.can_jump_to_prev_cue))
        self.song.start_playing()
        self.play_for(0.1)  # the song leaves the Intro cue at 0: it now lies left of the position
        self.assertEqual(heard, [True])
        self.song.current_song_time = 40.0
        self.play_for(12.5)  # beat 65: past the last cue
        self.assertFalse(self.song.can_jump_to_next_cue)

    def test_a_jump_while_playing_waits_for_the_global_quantization(self):
        self.song.start_playing()
        self.play_for(0.6)  # beat 1.2; a bar (the default) ends at beat 4
        self.song.jump_to_next_cue()
        self.play_for(1.2)  # beat 3.6
        self.assertLess(self.song.current_song_time, 4.0)
        self.play_for(0.3)  # beat 4.2: the jump happened on the bar line
        self.assertAlmostEqual(self.song.current_song_time, 32.2, delta=0.05)
        self.song.clip_trigger_quantization = Q.q_no_q
        self.song.cue_points[2].jump()
        self.assertAlmostEqual(self.song.current_song_time, 64.0, places=6)

    def test_session_clips_play_on_undisturbed_through_a_jump(self):
        slot = self.song.tracks[0].clip_slots[1]  # an eight-beat clip
        slot.fire()
        self.play_for(1.0)  # beat 2
        self.song.clip_trigger_quantization = Q.q_no_q
        self.song.cue_points[2].jump()
        self.play_for(0.5)
        self.assertTrue(slot.clip.is_playing)
        self.assertAlmostEqual(slot.clip.playing_position, 3.0, delta=0.05)

    def test_set_or_delete_sets_a_cue_where_there_is_none_and_deletes_the_one_the_song_is_on(self):
        changes = []
        self.song.add_cue_points_listener(lambda: changes.append(len(self.song.cue_points)))
        self.song.current_song_time = 8.0
        self.song.set_or_delete_cue()
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("1", 8.0), ("Drop", 32.0), ("Outro", 64.0)])
        self.assertTrue(self.song.is_cue_point_selected())
        made = self.song.cue_points[1]
        self.song.set_or_delete_cue()
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("Drop", 32.0), ("Outro", 64.0)])
        self.assertTrue(made == None)  # noqa: E711 (a deleted Live object equals None)
        self.assertEqual(changes, [4, 3])

    def test_a_cue_set_while_playing_lands_on_the_nearest_grid_line(self):
        self.song.start_playing()
        self.play_for(4.4)  # beat 8.8: the nearest bar line is beat 8
        self.song.set_or_delete_cue()
        self.assertIn(("1", 8.0), cues(self.song))

    def test_undo_takes_a_new_cue_back_and_brings_a_deleted_one_back_as_a_new_object(self):
        self.song.current_song_time = 8.0
        self.song.set_or_delete_cue()
        self.live.advance(0.1)  # the step enters the history as Live's turn ends
        self.song.undo()
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("Drop", 32.0), ("Outro", 64.0)])
        drop = self.song.cue_points[1]
        drop.jump()
        self.song.set_or_delete_cue()
        self.live.advance(0.1)
        self.assertTrue(drop == None)  # noqa: E711
        self.song.undo()
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("Drop", 32.0), ("Outro", 64.0)])
        self.assertFalse(self.song.cue_points[1] == None)  # noqa: E711
        self.song.redo()
        self.assertEqual(cues(self.song), [("Intro", 0.0), ("Outro", 64.0)])

    def test_a_cue_is_renamed_and_moved_with_its_listeners(self):
        drop = self.song.cue_points[1]
        names, times, order = [], [], []
        drop.add_name_listener(lambda: names.append(drop.name))
        drop.add_time_listener(lambda: times.append(drop.time))
        self.song.add_cue_points_listener(lambda: order.append(cues(self.song)))
        drop.name = "Big Drop"
        self.song._cues.move(drop, 96.0)  # dragged in Live's arrangement: no API moves a cue
        self.assertEqual((names, times), (["Big Drop"], [96.0]))
        self.assertEqual(order, [[("Intro", 0.0), ("Outro", 64.0), ("Big Drop", 96.0)]])


class CuePointsThroughTheScript(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def test_cue_points_are_objects_a_client_observes_and_calls(self):
        points = self.client.result("get", target="live_set", prop="cue_points")
        self.assertEqual([point["type"] for point in points], ["Song.CuePoint"] * 3)
        drop = "id %d" % points[1]["$ref"]
        self.assertEqual(self.client.result("get", target=drop, prop="name"), "Drop")
        self.assertEqual(self.client.result("get", target="live_set cue_points 2", prop="time"), 64.0)
        self.client.result("observe", target="live_set", prop="can_jump_to_prev_cue")
        self.client.result("call", target=drop, fn="jump")
        event = self.client.wait_event(lambda e: e["ev"] == "changes")
        self.assertEqual([change["value"] for change in event["changes"]], [True])
        self.assertEqual(self.client.result("get", target="live_set", prop="current_song_time"), 32.0)
        self.client.result("call", target="live_set", fn="set_or_delete_cue")
        self.assertEqual(len(self.client.result("get", target="live_set", prop="cue_points")), 2)
        self.assertEqual(self.client.request("get", target=drop, prop="name")["error"]["code"], "gone")


if __name__ == "__main__":
    unittest.main()
