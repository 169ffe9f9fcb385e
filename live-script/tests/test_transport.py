"""Transport: tempo drives song time; clips and scenes launch and stop on the quantization grid."""
import unittest

from support import SteppedLive

import Live

Q = Live.Song.Quantization
STATE = Live.ClipSlot.ClipSlotPlayingState
AUTOMATION = Live.DeviceParameter.AutomationState


class TransportTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0  # a beat is half a second, a 4/4 bar two seconds
        self.drums = self.song.tracks[0]

    def tearDown(self):
        self.live.close()

    def play_for(self, seconds):
        self.live.advance(seconds)

    def test_tempo_drives_song_time(self):
        self.song.start_playing()
        self.play_for(1.0)
        self.assertAlmostEqual(self.song.current_song_time, 2.0, places=6)
        self.song.tempo = 60.0
        self.play_for(1.0)
        self.assertAlmostEqual(self.song.current_song_time, 3.0, places=6)

    def test_song_time_stands_still_when_stopped(self):
        self.song.start_playing()
        self.play_for(1.0)
        self.song.stop_playing()
        self.play_for(3.0)
        self.assertAlmostEqual(self.song.current_song_time, 2.0, places=6)
        self.assertFalse(self.song.is_playing)

    def test_current_song_time_is_notified_while_playing(self):
        ticks = []
        self.song.add_current_song_time_listener(lambda: ticks.append(self.song.current_song_time))
        self.song.start_playing()
        self.play_for(1.0)
        self.assertGreater(len(ticks), 20)
        self.assertEqual(ticks, sorted(ticks))

    def test_a_clip_fired_while_playing_starts_on_the_next_bar(self):
        slot = self.drums.clip_slots[1]
        self.song.start_playing()
        self.play_for(0.5)
        slot.fire()
        self.assertTrue(slot.is_triggered)
        self.assertTrue(slot.clip.is_triggered)
        self.assertEqual(self.drums.fired_slot_index, 1)
        self.assertFalse(slot.clip.is_playing)
        self.play_for(1.4)  # beat 3.8
        self.assertFalse(slot.clip.is_playing)
        self.play_for(0.2)  # beat 4.2
        self.assertTrue(slot.clip.is_playing)
        self.assertFalse(slot.is_triggered)
        self.assertEqual(slot.playing_status, STATE.started)
        self.assertEqual(self.drums.playing_slot_index, 1)
        self.assertEqual(self.drums.fired_slot_index, -1)
        self.assertAlmostEqual(slot.clip.playing_position, 0.2, delta=0.05)

    def test_a_clip_fired_when_stopped_starts_the_song_at_once(self):
        slot = self.drums.clip_slots[1]
        slot.fire()
        self.assertTrue(self.song.is_playing)
        self.assertTrue(slot.clip.is_playing)
        self.assertEqual(self.drums.playing_slot_index, 1)

    def test_the_clips_own_launch_quantization_wins(self):
        slot = self.drums.clip_slots[1]
        slot.clip.launch_quantization = Live.Clip.ClipLaunchQuantization.q_quarter
        self.song.start_playing()
        self.play_for(0.65)  # beat 1.3
        slot.fire()
        self.play_for(0.3)  # beat 1.9
        self.assertFalse(slot.clip.is_playing)
        self.play_for(0.1)  # beat 2.1
        self.assertTrue(slot.clip.is_playing)

    def test_no_quantization_launches_at_once(self):
        self.song.clip_trigger_quantization = Q.q_no_q
        self.song.start_playing()
        self.play_for(0.3)
        self.drums.clip_slots[1].fire()
        self.assertTrue(self.drums.clip_slots[1].clip.is_playing)

    def test_a_launch_replaces_the_clip_playing_on_the_track(self):
        first, second = self.drums.clip_slots[1], self.drums.clip_slots[2]
        first.fire()
        self.play_for(1.0)
        second.fire()
        self.play_for(1.2)
        self.assertFalse(first.clip.is_playing)
        self.assertEqual(first.playing_status, STATE.stopped)
        self.assertTrue(second.clip.is_playing)
        self.assertEqual(self.drums.playing_slot_index, 2)

    def test_stopping_waits_for_the_grid(self):
        slot = self.drums.clip_slots[1]
        slot.fire()
        self.play_for(0.5)
        self.drums.stop_all_clips()
        self.assertEqual(self.drums.fired_slot_index, -2)
        self.assertTrue(slot.clip.is_playing)
        self.play_for(1.6)
        self.assertFalse(slot.clip.is_playing)
        self.assertEqual(self.drums.playing_slot_index, -2)
        self.assertEqual(self.drums.fired_slot_index, -1)

    def test_stop_playing_stops_every_clip(self):
        self.drums.clip_slots[1].fire()
        self.play_for(1.0)
        self.song.stop_playing()
        self.assertFalse(self.drums.clip_slots[1].clip.is_playing)
        self.assertEqual(self.drums.playing_slot_index, -2)

    def test_playing_position_follows_the_loop(self):
        slot = self.drums.clip_slots[0]  # a one-bar clip
        slot.fire()
        self.play_for(2.5 + 0.001)  # five beats in
        self.assertAlmostEqual(slot.clip.playing_position, 1.0, delta=0.05)

    def test_a_scene_launches_its_row_on_the_next_bar(self):
        drop = self.song.scenes[4]
        self.song.tracks[3].clip_slots[0].fire()  # Keys play a clip; the Drop row has none for Keys
        self.play_for(0.5)
        drop.fire()
        self.assertTrue(drop.is_triggered)
        self.play_for(1.6)
        self.assertFalse(drop.is_triggered)
        playing = [t.name for t in self.song.tracks if t.playing_slot_index == 4]
        self.assertEqual(playing, ["Drums", "Perc", "Bass", "Lead", "Arp", "Vox"])
        self.assertEqual(self.song.tracks[3].playing_slot_index, -2)
        self.assertEqual(self.song.view.selected_scene, drop)

    def test_clip_listeners_hear_the_launch(self):
        clip = self.drums.clip_slots[1].clip
        heard = []
        clip.add_playing_status_listener(lambda: heard.append((clip.is_triggered, clip.is_playing)))
        self.song.start_playing()
        self.play_for(0.5)
        clip.fire()
        self.play_for(2.0)
        self.assertEqual(heard, [(True, False), (False, True)])


class RecordingTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0
        self.keys = self.song.tracks[3]

    def tearDown(self):
        self.live.close()

    def test_session_record_records_notes_from_midi_in(self):
        self.keys.arm = True
        self.song.view.selected_scene = self.song.scenes[1]  # the Keys slot there is empty
        self.song.session_record = True
        slot = self.keys.clip_slots[1]
        self.assertTrue(slot.has_clip)
        self.assertTrue(slot.clip.is_recording)
        self.assertEqual(slot.playing_status, STATE.recording)
        self.live.advance(0.5)  # beat 1
        self.live.host.midi_in((0x90, 60, 100))
        self.live.advance(0.25)
        self.live.host.midi_in((0x80, 60, 0))
        self.live.advance(0.25)
        self.live.host.midi_in((0x90, 64, 80))
        self.live.advance(0.5)
        self.song.session_record = False  # beat 3: the recording ends on the next bar (test_live_gaps_audio.py)
        self.assertTrue(slot.clip.is_recording)
        self.live.advance(0.5)  # beat 4
        notes = slot.clip.get_all_notes_extended()
        self.assertEqual([(n.pitch, round(n.start_time, 2), round(n.duration, 2), n.velocity) for n in notes],
                         [(60, 1.0, 0.5, 100.0), (64, 2.0, 2.0, 80.0)])
        self.assertFalse(slot.clip.is_recording)
        self.assertEqual(slot.clip.length, 4.0)
        self.assertTrue(slot.clip.is_playing)
        self.assertEqual(slot.playing_status, STATE.started)

    def test_notes_reach_only_armed_tracks(self):
        self.live.host.midi_in((0x90, 60, 100))
        self.assertEqual(self.keys.output_meter_level, 0.0)
        self.keys.arm = True
        self.live.host.midi_in((0x90, 60, 127))
        self.assertEqual(self.keys.output_meter_level, 1.0)
        self.live.advance(1.0)
        self.assertEqual(self.keys.output_meter_level, 0.0)

    def test_clip_automation_plays_and_a_control_overrides_it(self):
        pad = self.song.tracks[4]
        frequency = pad.devices[1].parameters[3]
        build = pad.clip_slots[3]
        build.fire()
        self.live.advance(2.25)  # 4.5 beats in
        envelope = build.clip.automation_envelope(frequency)
        self.assertEqual(frequency.automation_state, AUTOMATION.playing)
        self.assertAlmostEqual(frequency.value, envelope.value_at_time(build.clip.playing_position), places=6)
        frequency.value = 0.2
        self.assertEqual(frequency.automation_state, AUTOMATION.overridden)
        self.assertTrue(self.song.re_enable_automation_enabled)
        self.live.advance(1.0)
        self.assertEqual(frequency.value, 0.2)
        frequency.re_enable_automation()
        self.live.advance(0.1)
        self.assertEqual(frequency.automation_state, AUTOMATION.playing)
        self.assertNotEqual(frequency.value, 0.2)

    def test_session_automation_record_writes_a_touched_control(self):
        slot = self.keys.clip_slots[0]
        volume = self.keys.mixer_device.volume
        self.song.session_automation_record = True
        slot.fire()
        self.live.advance(1.0)
        self.assertIsNone(slot.clip.automation_envelope(volume))
        volume.begin_gesture()
        volume.value = 0.5
        volume.end_gesture()
        position = slot.clip.playing_position
        envelope = slot.clip.automation_envelope(volume)
        self.assertIsNotNone(envelope)
        self.assertEqual(envelope.value_at_time(position + 0.01), 0.5)


class SongCommandsTest(unittest.TestCase):
    """The transport bar's commands: stop all clips, the global quantization, the loop, punch, undo."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song  # at 122 BPM, as the set opens: nothing to undo

    def tearDown(self):
        self.live.close()

    def test_stop_all_clips_stops_every_track_on_the_grid_and_the_song_plays_on(self):
        drums, bass = self.song.tracks[0].clip_slots[1], self.song.tracks[2].clip_slots[2]
        drums.fire()
        bass.fire()
        self.live.advance(0.5)
        self.song.stop_all_clips()
        self.assertTrue(drums.clip.is_playing)
        self.live.advance(1.6)  # past the bar line at beat 4 (1.97 s at 122 BPM)
        self.assertFalse(drums.clip.is_playing or bass.clip.is_playing)
        self.assertTrue(self.song.is_playing)  # "Stop all playing Clips (if any) but continue playing the Song"
        bass.fire()
        self.live.advance(2.1)
        self.song.stop_all_clips(False)  # not quantized: at once
        self.assertFalse(bass.clip.is_playing)

    def test_the_global_quantization_takes_live_values_only(self):
        heard = []
        self.song.add_clip_trigger_quantization_listener(lambda: heard.append(self.song.clip_trigger_quantization))
        self.song.clip_trigger_quantization = Q.q_quarter
        self.assertEqual(heard, [Q.q_quarter])
        with self.assertRaises(RuntimeError):
            self.song.clip_trigger_quantization = 14

    def test_loop_and_punch_are_observable_and_the_loop_is_an_edit_to_undo(self):
        heard = []
        for prop in ("loop", "loop_start", "loop_length", "punch_in", "punch_out"):
            getattr(self.song, "add_%s_listener" % prop)(lambda prop=prop: heard.append(prop))
        self.song.loop = True
        self.song.loop_start = 16.0
        self.song.loop_length = 8.0
        self.song.punch_in = True
        self.song.punch_out = True
        self.assertEqual(heard, ["loop", "loop_start", "loop_length", "punch_in", "punch_out"])
        self.song.end_undo_step()  # a step of its own, as a client makes it
        self.live.advance(0.1)
        self.assertTrue(self.song.can_undo)
        self.assertEqual(self.song.undo(), "Undo Custom Action")
        self.assertEqual((self.song.loop, self.song.loop_start, self.song.loop_length), (False, 0.0, 16.0))

    def test_undo_after_a_tempo_change_restores_it(self):
        self.song.tempo = 140.0
        self.live.advance(0.1)
        self.song.undo()  # the open step goes back at once, as Cmd-Z takes it
        self.assertEqual(self.song.tempo, 122.0)
        self.song.redo()
        self.assertEqual(self.song.tempo, 140.0)


class CaptureMidiTest(unittest.TestCase):
    """Capture MIDI (live-script/README.md, "Evidence: transport")."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0
        self.keys = self.song.tracks[3]  # Keys: slot 1 (Groove) is empty, slot 0 holds Keys Intro

    def tearDown(self):
        self.live.close()

    def play(self, pitch, at, length, velocity=100):
        """A note `at` seconds from now, held for `length` seconds."""
        self.live.advance(at)
        self.live.host.midi_in((0x90, pitch, velocity))
        self.live.advance(length)
        self.live.host.midi_in((0x80, pitch, 0))

    def test_nothing_played_nothing_to_capture(self):
        self.assertFalse(self.song.can_capture_midi)
        with self.assertRaises(RuntimeError):
            self.song.capture_midi()
        self.live.host.midi_in((0x90, 60, 100))  # no track is armed: nobody hears it
        self.assertFalse(self.song.can_capture_midi)

    def test_notes_played_on_an_armed_track_become_a_clip_in_the_selected_scene(self):
        heard = []
        self.song.add_can_capture_midi_listener(lambda: heard.append(self.song.can_capture_midi))
        self.keys.arm = True
        self.song.view.selected_scene = self.song.scenes[1]
        self.play(60, 0.0, 0.5)  # stopped: the first note starts the clip
        self.play(64, 0.5, 0.25, velocity=80)
        self.assertEqual(heard, [True])
        self.song.capture_midi()
        slot = self.keys.clip_slots[1]
        self.assertTrue(slot.has_clip)
        notes = slot.clip.get_all_notes_extended()
        self.assertEqual([(n.pitch, round(n.start_time, 2), round(n.duration, 2), n.velocity) for n in notes],
                         [(60, 0.0, 1.0, 100.0), (64, 2.0, 0.5, 80.0)])
        self.assertEqual(slot.clip.length, 4.0)  # whole bars around what was played
        self.assertEqual(heard, [True, False])  # the material is used up
        with self.assertRaises(RuntimeError):
            self.song.capture_midi()

    def test_a_capture_while_playing_keeps_the_notes_on_their_beats(self):
        self.keys.arm = True
        self.song.start_playing()
        self.play(62, 2.75, 0.25)  # beat 5.5 to 6: the second bar, a beat and a half in
        self.song.capture_midi()
        clip = self.keys.clip_slots[1].clip  # slot 0 holds a clip: the next empty one below the selection
        notes = clip.get_all_notes_extended()
        self.assertEqual([(n.pitch, round(n.start_time, 2), round(n.duration, 2)) for n in notes], [(62, 1.5, 0.5)])

    def test_a_full_column_gets_a_new_scene(self):
        self.keys.arm = True
        self.song.view.selected_scene = self.song.scenes[7]  # Keys Outro: taken, and the last scene
        self.play(60, 0.0, 0.5)
        self.song.capture_midi(Live.Song.CaptureDestination.session)
        self.assertEqual(len(self.song.scenes), 9)
        self.assertTrue(self.keys.clip_slots[8].has_clip)
        self.live.advance(0.1)
        self.song.undo()  # a capture is an edit: the clip and its scene go
        self.assertEqual(len(self.song.scenes), 8)


class ScaleTest(unittest.TestCase):
    """The set's scale: a name Live knows sets its intervals; the root stays."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_a_scale_name_sets_the_intervals_and_keeps_the_root(self):
        heard = []
        self.song.add_scale_intervals_listener(lambda: heard.append(list(self.song.scale_intervals)))
        root = self.song.root_note
        for name, intervals in (("Dorian", [0, 2, 3, 5, 7, 9, 10]), ("Minor Pentatonic", [0, 3, 5, 7, 10]),
                                ("Half-whole Dim.", [0, 1, 3, 4, 6, 7, 9, 10]), ("Hirajoshi", [0, 2, 3, 7, 8]),
                                ("Super Locrian", [0, 1, 3, 4, 6, 8, 10]), ("Messiaen 5", [0, 1, 5, 6, 7, 11])):
            self.song.scale_name = name
            self.assertEqual(list(self.song.scale_intervals), intervals, name)
        self.assertEqual(self.song.root_note, root)
        self.assertEqual(len(heard), 6)

    def test_a_name_live_does_not_know_is_refused(self):
        for name in ("Chromatic", "Minor Gypsy", "major"):
            with self.assertRaises(RuntimeError):
                self.song.scale_name = name
        self.assertEqual(self.song.scale_name, "Minor")

    def test_undo_brings_the_name_and_its_intervals_back(self):
        self.song.scale_name = "Major"
        self.live.advance(0.1)
        self.song.undo()
        self.assertEqual((self.song.scale_name, list(self.song.scale_intervals)), ("Minor", [0, 2, 3, 5, 7, 8, 10]))

    def test_every_scale_live_lists_is_a_name_to_intervals_pair(self):
        scales = Live.Song.get_all_scales_ordered()
        self.assertEqual(len(scales), 35)
        self.assertEqual(scales[0], ("Major", (0, 2, 4, 5, 7, 9, 11)))
        for name, intervals in scales:
            self.song.scale_name = name
            self.assertEqual(tuple(self.song.scale_intervals), intervals)
            self.assertEqual(intervals[0], 0)
            self.assertEqual(list(intervals), sorted(set(intervals)))


if __name__ == "__main__":
    unittest.main()
