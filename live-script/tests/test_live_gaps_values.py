"""The Live module's values as Live gives them (issue 17): enums print their name, lists are Live's
vectors, a track plays no clip at -1, return tracks and their sends (README, "Evidence: the Live
module's values" and "Evidence: the transport")."""
import unittest

from support import SteppedLive

import Live

Q = Live.Song.Quantization


class Enums(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_str_is_the_name_and_repr_the_full_name(self):
        self.assertEqual(str(Q.q_bar), "q_bar")
        self.assertEqual(repr(Q.q_bar), "Song.Quantization.q_bar")
        self.assertEqual("%s" % Live.Clip.LaunchMode.gate, "gate")
        self.assertEqual(str(Live.Application.Application.View.NavDirection.up), "up")
        self.assertEqual(int(Q.q_bar), 4)

    def test_properties_typed_as_enums_in_live_give_members_after_an_int_is_set(self):
        self.song.clip_trigger_quantization = 5
        self.assertIs(type(self.song.clip_trigger_quantization), Q)
        self.assertEqual(str(self.song.clip_trigger_quantization), "q_half")
        self.assertEqual(str(self.song.tracks[0].clip_slots[0].playing_status), "stopped")
        self.assertEqual(str(self.song.tracks[0].devices[0].type), "instrument")

    def test_properties_that_are_ints_in_live_give_plain_ints(self):
        clip = self.song.tracks[0].clip_slots[0].clip
        self.assertIs(type(clip.launch_quantization), int)
        self.assertIs(type(clip.launch_mode), int)
        self.assertIs(type(self.song.session_record_status), int)
        self.assertEqual(str(clip.launch_mode), "0")


class Vectors(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_lists_are_lives_vectors(self):
        self.assertEqual(type(self.song.tracks).__name__, "Vector")
        self.assertEqual(type(self.song.tracks).__module__, "Base")
        self.assertEqual(type(self.song.tracks[0].devices[0].parameters).__name__, "ATimeableValueVector")
        self.assertEqual(type(self.song.tracks[0].devices[0].parameters[0].value_items).__name__, "StringVector")
        self.assertEqual(type(self.song.scale_intervals).__name__, "IntVector")

    def test_an_index_out_of_range_raises_lives_message(self):
        for vector in (self.song.tracks, self.song.scenes, self.song.tracks[0].clip_slots,
                       self.song.tracks[0].devices[0].parameters, self.song.return_tracks):
            with self.assertRaises(IndexError) as caught:
                vector[len(vector)]
            self.assertEqual(str(caught.exception), "Index out of range")
        with self.assertRaises(IndexError):
            self.song.tracks[-12]  # eleven tracks
        with self.assertRaises(TypeError):
            self.song.tracks["0"]

    def test_what_scripts_do_with_them_works(self):
        tracks = self.song.tracks
        self.assertIs(tracks[-1], self.song.tracks[10])
        self.assertEqual(len(tracks[2:4]), 2)
        every = tracks + self.song.return_tracks + (self.song.master_track,)  # as Ableton's Push 2 script does
        self.assertEqual(len(every), 14)
        self.assertEqual(list(self.song.tracks).index(tracks[3]), 3)
        self.assertIn(tracks[1], tracks)
        self.assertEqual(self.song.tracks, tracks)
        self.assertFalse(hasattr(tracks, "index"))  # Live's vectors have append and extend, nothing more


class PlayingSlotIndex(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0
        self.drums = self.song.tracks[0]

    def tearDown(self):
        self.live.close()

    def test_minus_one_until_the_session_plays_the_track_then_minus_two_once_it_stopped(self):
        self.assertEqual([t.playing_slot_index for t in self.song.tracks], [-1] * 11)
        self.drums.clip_slots[1].fire()
        self.assertEqual(self.drums.playing_slot_index, 1)
        self.drums.stop_all_clips(False)
        self.assertEqual(self.drums.playing_slot_index, -2)
        self.assertEqual(self.song.tracks[1].playing_slot_index, -1)

    def test_back_to_arranger_returns_it_to_minus_one(self):
        self.drums.clip_slots[1].fire()
        self.live.advance(0.1)
        self.assertTrue(self.song.back_to_arranger)
        self.song.back_to_arranger = False
        self.assertEqual(self.drums.playing_slot_index, -1)
        self.assertFalse(self.drums.clip_slots[1].clip.is_playing)
        self.assertFalse(self.song.back_to_arranger)


class ReturnTracks(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def sends(self):
        return [len(t.mixer_device.sends) for t in list(self.song.tracks) + list(self.song.return_tracks)]

    def test_every_track_and_return_has_a_send_per_return(self):
        self.assertEqual(self.sends(), [2] * 13)  # eleven tracks, two returns
        self.assertEqual([s.name for s in self.song.return_tracks[1].mixer_device.sends], ["A-Send", "B-Send"])

    def test_a_new_return_gets_sends_for_every_return_and_every_track_one_for_it(self):
        heard = []
        self.song.tracks[0].mixer_device.add_sends_listener(lambda: heard.append("sends"))
        created = self.song.create_return_track()
        self.assertEqual(self.sends(), [3] * 14)
        self.assertEqual(len(created.mixer_device.sends), 3)
        self.assertEqual(heard, ["sends"])

    def test_creating_then_deleting_a_return_leaves_the_set_as_it_was(self):
        self.song.create_return_track()
        self.song.delete_return_track(2)
        self.assertEqual(self.sends(), [2] * 13)
        self.song.delete_return_track(0)
        self.assertEqual(self.sends(), [1] * 12)
        self.assertEqual([s.name for s in self.song.tracks[0].mixer_device.sends], ["A-Send"])
        self.assertEqual([t.name for t in self.song.return_tracks], ["B-Delay"])

    def test_no_more_than_twelve_returns(self):
        for _ in range(10):
            self.song.create_return_track()
        with self.assertRaises(RuntimeError):
            self.song.create_return_track()


if __name__ == "__main__":
    unittest.main()
