"""Recording and launching as Live does (issue 17): an armed audio track records a clip (silence)
into a fired empty slot; a recording ends on the launch grid, or after `record_length`; firing
from a stopped transport starts every launch of that turn together (README, "Evidence: audio"
and "Evidence: the transport")."""
import os
import unittest

from support import SteppedLive
from simulator import default_set

import Live

Q = Live.Song.Quantization
STATE = Live.ClipSlot.ClipSlotPlayingState
NO_LENGTH = 1.7976931348623157e+308  # ClipSlot.fire's default record_length (the dumps)


class AudioRecording(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.song.tempo = 120.0  # a beat is half a second, a bar two seconds
        self.track = self.song.tracks[2]
        self.track.arm = True
        self.slot = self.track.clip_slots[0]

    def tearDown(self):
        self.live.close()

    def test_firing_an_empty_slot_of_an_armed_audio_track_records_an_audio_clip(self):
        heard = []
        self.slot.add_has_clip_listener(lambda: heard.append(self.slot.has_clip))
        self.slot.fire()
        clip = self.slot.clip
        self.assertEqual(heard, [True])
        self.assertTrue(self.song.is_playing)
        self.assertEqual((clip.is_audio_clip, clip.is_midi_clip, clip.is_recording, clip.is_playing),
                         (True, False, True, True))
        self.assertEqual((self.slot.playing_status, self.slot.is_recording), (STATE.recording, True))
        folder, name = os.path.split(clip.file_path)
        self.assertTrue(folder.endswith(os.path.join("Samples", "Recorded")), folder)
        self.assertTrue(name.startswith("3-Audio 0001 [") and name.endswith("].aif"), name)
        self.assertIn("Temp Project", folder)
        self.assertEqual((clip.gain, clip.gain_display_string, clip.pitch_coarse, clip.pitch_fine, clip.warping),
                         (0.4, "0.0 dB", 0, 0.0, True))
        self.live.advance(1.0)  # beat 2
        self.assertAlmostEqual(clip.sample_length, 44100, delta=1500)  # the file grows as it records

    def test_firing_it_again_ends_the_recording_on_the_next_bar_and_the_clip_plays_on(self):
        self.slot.fire()
        self.live.advance(0.75)  # beat 1.5
        self.slot.fire()
        clip = self.slot.clip
        self.assertTrue(clip.is_recording)
        self.live.advance(1.0)  # beat 3.5
        self.assertTrue(clip.is_recording)
        self.live.advance(0.5)  # beat 4.5
        self.assertFalse(clip.is_recording)
        self.assertTrue(clip.is_playing)
        self.assertEqual(self.slot.playing_status, STATE.started)
        self.assertEqual((clip.length, clip.loop_end, clip.looping), (4.0, 4.0, True))
        self.assertEqual(clip.sample_length, 88200)
        self.assertAlmostEqual(clip.playing_position, 0.5, delta=0.05)  # looping from its start
        self.assertEqual(self.track.playing_slot_index, 0)

    def test_a_record_length_ends_it_exactly_there(self):
        self.slot.fire(8.0)
        self.live.advance(3.9)
        self.assertTrue(self.slot.clip.is_recording)
        self.live.advance(0.2)
        self.assertFalse(self.slot.clip.is_recording)
        self.assertEqual(self.slot.clip.length, 8.0)
        self.assertTrue(self.slot.clip.is_playing)
        with self.assertRaises(RuntimeError):
            self.slot.fire(4.0)  # "Raises an error if the slot owns a clip."

    def test_session_record_off_ends_the_recordings_on_the_grid(self):
        self.song.session_record = True
        clip = self.slot.clip
        self.assertTrue(clip.is_recording)
        self.live.advance(2.5)  # beat 5
        self.song.session_record = False
        self.assertTrue(clip.is_recording)
        self.live.advance(1.6)  # past beat 8
        self.assertFalse(clip.is_recording)
        self.assertEqual(clip.length, 8.0)
        self.assertTrue(clip.is_playing)

    def test_an_unarmed_track_does_not_record(self):
        self.track.arm = False
        self.slot.fire()
        self.assertFalse(self.slot.has_clip)

    def test_each_recording_is_a_new_take(self):
        self.slot.fire(4.0)
        self.live.advance(2.1)
        second = self.track.clip_slots[1]
        second.fire(4.0)
        self.assertEqual((second.is_triggered, second.has_clip), (True, False))  # it records from the next bar
        self.live.advance(2.0)
        self.assertIn(" 0002 [", second.clip.file_path)


class FiringFromAStoppedTransport(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0

    def tearDown(self):
        self.live.close()

    def test_launches_in_the_turn_that_started_the_transport_all_start_with_it(self):
        self.song.current_song_time = 2.5  # stopped off the bar grid
        drums, bass = self.song.tracks[0].clip_slots[1], self.song.tracks[2].clip_slots[2]
        drums.fire()
        bass.fire()  # the same turn: not held to the next bar (beat 4)
        self.assertTrue(drums.clip.is_playing)
        self.assertTrue(bass.clip.is_playing)
        positions = []
        bass.clip.add_playing_position_listener(lambda: positions.append(bass.clip.playing_position))
        self.live.advance(0.5)
        self.assertTrue(positions)  # the position updates follow at once
        self.assertAlmostEqual(bass.clip.playing_position, drums.clip.playing_position, places=6)
        self.assertAlmostEqual(bass.clip.playing_position, 1.0, delta=0.05)

    def test_a_launch_in_a_later_turn_waits_for_the_grid(self):
        self.song.current_song_time = 2.5
        self.song.tracks[0].clip_slots[1].fire()
        self.live.advance(0.1)
        keys = self.song.tracks[3].clip_slots[0]
        keys.fire()
        self.assertFalse(keys.clip.is_playing)
        self.assertEqual(self.song.tracks[3].fired_slot_index, 0)
        self.live.advance(0.7)  # past beat 4
        self.assertTrue(keys.clip.is_playing)

    def test_fire_can_override_the_songs_quantization(self):
        self.song.tracks[0].clip_slots[1].fire()
        self.live.advance(0.3)
        keys = self.song.tracks[3].clip_slots[0]
        keys.fire(NO_LENGTH, Q.q_no_q)
        self.assertTrue(keys.clip.is_playing)


if __name__ == "__main__":
    unittest.main()
