"""Song members public scripts meet that the simulator lacked (issue 17): SMPTE time, beat times of
the loop, capture and insert scene, session record with a length, play selection, Link, and the
undo and cue point API they use (README, "Evidence: the song")."""
import unittest

from support import SteppedLive

import Live

FORMAT = Live.Song.TimeFormat


class SongGaps(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0

    def tearDown(self):
        self.live.close()

    def test_the_functions_public_scripts_call_exist(self):
        for name in ("undo", "redo", "begin_undo_step", "end_undo_step", "set_or_delete_cue", "jump_to_next_cue",
                     "jump_to_prev_cue", "is_cue_point_selected", "capture_midi", "get_current_smpte_song_time",
                     "play_selection", "capture_and_insert_scene", "trigger_session_record",
                     "force_link_beat_time", "get_beats_loop_length", "get_beats_loop_start"):
            self.assertTrue(callable(getattr(self.song, name)), name)
        cue = self.song.cue_points[1]
        self.assertEqual((cue.name, cue.time), ("Drop", 32.0))

    def test_smpte_time_in_every_format(self):
        self.song.current_song_time = 7.5  # 3.75 s at 120 BPM
        time = self.song.get_current_smpte_song_time(FORMAT.smpte_25)
        self.assertEqual((time.hours, time.minutes, time.seconds, time.frames), (0, 0, 3, 18))
        self.assertEqual(type(time).__name__, "SmptTime")
        self.assertEqual(self.song.get_current_smpte_song_time(FORMAT.ms_time).frames, 750)
        self.assertEqual(self.song.get_current_smpte_song_time(FORMAT.smpte_24).frames, 18)
        self.song.current_song_time = 120.0  # 60 s: 29.97 frames a second are behind the clock
        drop = self.song.get_current_smpte_song_time(FORMAT.smpte_30_drop)
        self.assertEqual((drop.minutes, drop.seconds, drop.frames), (0, 59, 28))
        self.song.current_song_time = 2 * 60.1  # frame 1801: numbers 00 and 01 of minute 1 are skipped
        drop = self.song.get_current_smpte_song_time(FORMAT.smpte_30_drop)
        self.assertEqual((drop.minutes, drop.seconds, drop.frames), (1, 0, 3))
        with self.assertRaises(Exception):
            self.song.get_current_smpte_song_time(1.0)  # an int, as the C++ signature says

    def test_smpte_time_is_a_value_a_script_can_build(self):
        time = Live.Song.SmptTime()
        time.frames = 3
        self.assertEqual((time.hours, time.frames), (0, 3))

    def test_loop_in_beat_time(self):
        self.song.loop_start = 9.0
        start = self.song.get_beats_loop_start()
        self.assertEqual((start.bars, start.beats, start.sub_division, start.ticks), (3, 2, 1, 0))
        self.assertEqual(self.song.get_beats_loop_length().bars, 5)  # 16 beats

    def test_capture_and_insert_scene_copies_the_playing_clips_into_a_new_scene_after_the_selected(self):
        self.song.tracks[0].clip_slots[1].fire()
        self.song.tracks[2].clip_slots[2].fire()
        self.live.advance(0.1)
        self.song.view.selected_scene = self.song.scenes[2]
        self.song.capture_and_insert_scene()
        self.assertEqual(len(self.song.scenes), 9)
        row = [t.clip_slots[3] for t in self.song.tracks]
        self.assertEqual([s.clip.name if s.has_clip else None for s in row][:3], ["Beat A", None, "Bass Verse"])
        self.assertFalse(any(s.has_clip for s in row[3:]))
        self.assertEqual(self.song.view.selected_scene, self.song.scenes[3])
        self.song.view.selected_track = self.song.tracks[0]
        self.song.capture_and_insert_scene(Live.Song.CaptureMode.all_except_selected)
        self.assertEqual([s.has_clip for s in (self.song.tracks[0].clip_slots[4], self.song.tracks[2].clip_slots[4])],
                         [False, True])

    def test_play_selection_and_force_link_beat_time_do_nothing_here(self):
        self.song.play_selection()  # no arrangement selection in the simulator
        self.song.force_link_beat_time()
        self.assertFalse(self.song.is_playing)

    def test_trigger_session_record_records_for_the_length_then_plays(self):
        keys = self.song.tracks[3]
        keys.arm = True
        self.song.view.selected_scene = self.song.scenes[1]
        self.song.trigger_session_record(4.0)
        slot = keys.clip_slots[1]
        self.assertTrue(self.song.session_record)
        self.assertTrue(slot.clip.is_recording)
        self.live.advance(2.1)  # past beat 4
        self.assertFalse(slot.clip.is_recording)
        self.assertTrue(slot.clip.is_playing)
        self.assertEqual(slot.clip.length, 4.0)


if __name__ == "__main__":
    unittest.main()
