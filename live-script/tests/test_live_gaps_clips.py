"""Clip members public scripts meet that the simulator lacked (issue 17): the selection in the
tuple form, duplicate_region, quantize_pitch, crop, scrubbing, an audio clip's sample time,
audio clips from files in the session, and Live 12's note names (README, "Evidence: clips")."""
import tempfile
import unittest

from support import SteppedLive
from simulator import default_set
from test_live_gaps_tracks import write_wav

import Live
from Live import _version


class MidiClipGaps(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0
        slot = self.song.tracks[3].clip_slots[6]  # Keys, an empty slot
        self.clip = slot.create_clip(8.0)
        self.clip.set_notes(((60, 0.0, 1.0, 100, False), (64, 1.0, 1.0, 90, False), (60, 4.1, 0.5, 80, False)))

    def tearDown(self):
        self.live.close()

    def notes(self):
        return [tuple(round(v, 3) if isinstance(v, float) else v for v in note)
                for note in self.clip.get_notes(0.0, 0, 100.0, 128)]

    def test_selected_notes_in_the_tuple_form_and_replacing_them(self):
        self.clip.select_all_notes()
        self.assertEqual(len(self.clip.get_selected_notes()), 3)
        self.clip.deselect_all_notes()
        self.assertEqual(self.clip.get_selected_notes(), ())
        self.clip.select_notes_by_id([note.note_id for note in self.clip.get_all_notes_extended() if note.pitch == 64])
        self.assertEqual(self.clip.get_selected_notes(), ((64, 1.0, 1.0, 90.0, False),))
        self.clip.replace_selected_notes(((67, 2.0, 0.5, 70, False), (69, 3.0, 0.5, 70, True)))
        self.assertEqual(self.notes(), [(60, 0.0, 1.0, 100.0, False), (67, 2.0, 0.5, 70.0, False),
                                        (69, 3.0, 0.5, 70.0, True), (60, 4.1, 0.5, 80.0, False)])
        self.assertEqual(len(self.clip.get_selected_notes()), 2)
        with self.assertRaises(Exception):
            self.clip.replace_selected_notes([(60, 0.0, 1.0, 100, False)])  # a list: the C++ side wants a tuple

    def test_duplicate_region_by_pitch_and_transposed(self):
        self.clip.duplicate_region(0.0, 2.0, 4.0)
        self.assertIn((64, 5.0, 1.0, 90.0, False), self.notes())
        self.clip.duplicate_region(0.0, 2.0, 6.0, 60, 12)
        self.assertIn((72, 6.0, 1.0, 100.0, False), self.notes())
        self.assertNotIn((76, 7.0, 1.0, 90.0, False), self.notes())

    def test_quantize_pitch_moves_only_that_pitch(self):
        self.clip.quantize_pitch(60, 5, 1.0)  # the grid as Clip.quantize takes it: 4.1 -> 4.0
        self.assertIn((60, 4.0, 0.5, 80.0, False), self.notes())
        self.assertIn((64, 1.0, 1.0, 90.0, False), self.notes())

    def test_crop_removes_what_is_outside_the_loop(self):
        self.clip.loop_end = 4.0
        self.clip.crop()
        self.assertEqual([n[0] for n in self.notes()], [60, 64])
        self.assertEqual((self.clip.start_marker, self.clip.end_marker, self.clip.length), (0.0, 4.0, 4.0))

    def test_audio_only_functions_raise_on_a_midi_clip(self):
        for call in (lambda: self.clip.beat_to_sample_time(1.0), lambda: self.clip.seconds_to_sample_time(1.0),
                     lambda: self.clip.gain):
            with self.assertRaises(RuntimeError):
                call()

    def test_scrub_plays_from_the_grid_line_until_stop_scrub(self):
        self.clip.scrub(2.5)  # the global quantization is a bar: from the bar line at or before 2.5
        self.assertTrue(self.clip.is_playing)
        self.assertEqual(self.clip.playing_position, 0.0)
        self.live.advance(0.5)
        self.assertAlmostEqual(self.clip.playing_position, 1.0, delta=0.05)
        self.clip.stop_scrub()
        self.assertFalse(self.clip.is_playing)
        self.song.clip_trigger_quantization = Live.Song.Quantization.q_quarter
        self.clip.scrub(2.5)
        self.assertEqual(self.clip.playing_position, 2.0)
        self.clip.stop_scrub()

    @unittest.skipIf(_version.MAJOR < 12, "Live 12 only")
    def test_note_names_as_live_writes_them(self):
        self.assertEqual([self.clip.note_number_to_name(p) for p in (60, 61, 0, 127)], ["C3", "C#3", "C-2", "G8"])


class AudioClipGaps(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.folder = tempfile.mkdtemp(prefix="live-gaps-")
        self.slot = self.song.tracks[2].clip_slots[0]
        self.clip = self.slot.create_audio_clip(write_wav(self.folder, seconds=2.0))

    def tearDown(self):
        self.live.close()

    def test_a_session_clip_from_a_file(self):
        clip = self.clip
        self.assertEqual((clip.name, clip.is_audio_clip, clip.length, clip.warping, clip.warp_mode),
                         ("probe", True, 4.0, True, 0))
        self.assertEqual((clip.sample_length, clip.sample_rate), (88200, 44100.0))
        self.assertEqual(list(clip.available_warp_modes), [0, 1, 2, 3, 4, 6])
        self.assertEqual((clip.gain, clip.pitch_coarse, clip.pitch_fine, clip.gain_display_string),
                         (0.4, 0, 0.0, "0.0 dB"))
        with self.assertRaises(RuntimeError) as caught:
            self.slot.create_audio_clip(self.clip.file_path)
        self.assertEqual(str(caught.exception), "This clip slot already has a clip")
        with self.assertRaises(RuntimeError):
            self.song.tracks[0].clip_slots[0].create_audio_clip(self.clip.file_path)

    def test_sample_time_of_a_warped_clip_and_seconds_of_an_unwarped_one(self):
        self.assertEqual(self.clip.beat_to_sample_time(2.0), 44100.0)
        self.assertEqual(self.clip.sample_to_beat_time(22050.0), 1.0)
        with self.assertRaises(RuntimeError):
            self.clip.seconds_to_sample_time(1.0)  # "Raises an error if the sample is warped."
        self.clip.warping = False
        self.assertEqual(self.clip.seconds_to_sample_time(0.5), 22050.0)
        with self.assertRaises(RuntimeError):
            self.clip.beat_to_sample_time(1.0)

    def test_gain_pitch_and_warp_mode_within_lives_ranges(self):
        heard = []
        self.clip.add_pitch_coarse_listener(lambda: heard.append(self.clip.pitch_coarse))
        self.clip.pitch_coarse = -12
        self.clip.pitch_fine = 250.0
        self.clip.gain = 0.5
        self.assertEqual((heard, self.clip.pitch_fine, self.clip.gain), ([-12], 250.0, 0.5))
        for name, value in (("pitch_coarse", 49), ("pitch_fine", -501.0), ("gain", 1.5), ("warp_mode", 5)):
            with self.assertRaises(RuntimeError):
                setattr(self.clip, name, value)
        self.clip.warp_mode = 6
        self.assertEqual(self.clip.warp_mode, 6)


if __name__ == "__main__":
    unittest.main()
