"""The host model: Live's main thread as scripts meet it."""
import socket
import threading
import time
import unittest

from support import LOG_DIR, SteppedLive, demo_set
from probe_script import write_probe_script

import Live
from Live import _lom
from simulator.host import Host


class ProbeHost(unittest.TestCase):
    """A simulated clock and a probe script (not LiveSurface): the host loads any remote script."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.surface = self.live.host.load_script(write_probe_script())
        self.probe = self.surface.instance
        self.song = self.live.song

    def tearDown(self):
        self.live.close()

    def test_update_display_every_100_ms(self):
        self.live.advance(1.001)
        self.assertEqual(self.probe.displays, 10)

    def test_schedule_message_counts_ticks_of_update_display(self):
        fired = []
        self.probe.schedule_message(3, lambda: fired.append(self.probe.displays))
        self.live.advance(0.25)
        self.assertEqual(fired, [])
        self.live.advance(0.1)
        self.assertEqual(fired, [3])

    def test_timers_fire_at_their_interval(self):
        calls = []
        timer = Live.Base.Timer(callback=lambda: calls.append(1), interval=20, repeat=True)
        timer.start()
        self.live.advance(1.0)
        self.assertEqual(len(calls), 50)
        timer.stop()
        self.live.advance(0.5)
        self.assertEqual(len(calls), 50)

    def test_a_one_shot_timer_fires_once(self):
        calls = []
        Live.Base.Timer(callback=lambda: calls.append(1), interval=50, start=True)
        self.live.advance(1.0)
        self.assertEqual(calls, [1])

    def test_an_error_in_a_timer_callback_stops_the_timer(self):
        calls = []

        def failing():
            calls.append(1)
            raise ValueError("boom")

        timer = Live.Base.Timer(callback=failing, interval=10, repeat=True, start=True)
        self.live.advance(0.5)
        self.assertEqual(calls, [1])
        self.assertFalse(timer.running)

    def test_listeners_fire_inside_the_setter(self):
        seen = []
        self.song.add_tempo_listener(lambda: seen.append(self.song.tempo))
        self.song.tempo = 130.0
        self.assertEqual(seen, [130.0])

    def test_changes_inside_a_notification_raise_lives_error(self):
        errors = []

        def listener():
            try:
                self.song.metronome = True
            except RuntimeError as error:
                errors.append(str(error))

        self.song.add_tempo_listener(listener)
        self.song.tempo = 131.0
        self.assertEqual(errors, [_lom.NOTIFICATION_ERROR])
        self.assertFalse(self.song.metronome)

    def test_listeners_cannot_be_added_twice(self):
        def listener():
            pass

        self.song.add_tempo_listener(listener)
        self.assertTrue(self.song.tempo_has_listener(listener))
        with self.assertRaises(RuntimeError):
            self.song.add_tempo_listener(listener)
        self.song.remove_tempo_listener(listener)
        self.assertFalse(self.song.tempo_has_listener(listener))

    def test_deleted_objects_compare_equal_to_none_and_raise(self):
        track = self.song.tracks[7]
        self.assertFalse(track == None)  # noqa: E711
        self.song.delete_track(7)
        self.assertTrue(track == None)  # noqa: E711
        with self.assertRaises(RuntimeError):
            track.name

    def test_cpp_signatures_are_strict_about_int_and_float(self):
        # Boost.Python: a double takes an int (real scripts rely on it, see the README), an int refuses a float
        clip = self.song.tracks[3].clip_slots[0].clip
        self.assertEqual(len(clip.get_notes_extended(0, 128, 0, 16)), len(clip.get_notes_extended(0, 128, 0.0, 16.0)))
        with self.assertRaises(TypeError):
            clip.get_notes_extended(0.0, 128, 0.0, 16.0)  # a pitch must be an int
        self.assertEqual(Live.Clip.MidiNoteSpecification(pitch=60, start_time=0, duration=1).start_time, 0.0)
        with self.assertRaises(TypeError):
            Live.Clip.MidiNoteSpecification(pitch=60.0, start_time=0.0, duration=1.0)
        with self.assertRaises(TypeError):
            self.song.tracks[0].color_index = 1.5
        with self.assertRaises(TypeError):
            self.song.create_scene(1.0)

    def test_arm_raises_on_return_and_master_tracks(self):
        with self.assertRaises(RuntimeError):
            self.song.master_track.arm
        with self.assertRaises(RuntimeError):
            self.song.return_tracks[0].arm = True
        self.song.tracks[0].arm = True
        self.assertTrue(self.song.tracks[0].arm)
        self.assertFalse(self.song.master_track.can_be_armed)

    def test_sysex_reaches_receive_midi(self):
        self.live.host.midi_in((0xF0, 0x7D, 0x01, 0xF7))
        self.assertEqual(self.probe.midi, [(0xF0, 0x7D, 0x01, 0xF7)])

    def test_forwarded_notes_go_to_the_script_and_others_to_armed_tracks(self):
        keys = self.song.tracks[3]
        keys.arm = True
        self.live.host.midi_in((0x90, 48, 100))
        self.live.host.midi_in((0x90, 60, 100))
        self.live.host.midi_in((0xB0, 1, 64))
        self.assertEqual(self.probe.midi, [(0x90, 48, 100), (0xB0, 1, 64)])
        self.assertEqual([entry[1] for entry in self.live.host.recent_midi], [(0x90, 60, 100)])
        self.assertEqual(self.live.host.recent_midi[0][2], ["Keys"])
        self.assertGreater(keys.output_meter_level, 0.7)

    def test_mapped_controls_move_parameters(self):
        self.live.host.midi_in((0xB0, 7, 127))
        self.assertEqual(self.song.tracks[0].mixer_device.volume.value, 1.0)

    def test_midi_arrives_over_the_midi_socket(self):
        sender = socket.create_connection(("127.0.0.1", self.live.host.midi.port))
        try:
            self.live.advance(0.01)
            sender.sendall(bytes([0xF0, 0x7D, 0x02, 0xF7, 0x90, 48, 90, 48, 0]))  # running status
            for _ in range(50):
                self.live.host._iterate(timeout=0.05)
                if len(self.probe.midi) >= 3:
                    break
        finally:
            sender.close()
        self.assertEqual(self.probe.midi, [(0xF0, 0x7D, 0x02, 0xF7), (0x90, 48, 90), (0x90, 48, 0)])

    def test_shutdown_disconnects_the_scripts(self):
        module = __import__("ProbeSurface")
        self.live.close()
        self.assertEqual(module.CALLS[-1:], ["disconnect"])
        self.live = SteppedLive(script=False)  # for tearDown


class RealTimeHost(unittest.TestCase):
    """The host running on its own thread, as sim.py runs it."""

    def setUp(self):
        self.host = Host(demo_set.build, midi_port=0, log_dir=LOG_DIR)
        self.thread = threading.Thread(target=self.host.run)
        self.thread.start()
        self.host.call(lambda: None)

    def tearDown(self):
        self.host.stop()
        self.thread.join(5)

    def test_live_may_not_be_touched_from_another_thread(self):
        with self.assertRaises(RuntimeError):
            self.host.song.tempo
        self.assertEqual(self.host.call(lambda: self.host.song.tempo), 122.0)

    def test_stall_freezes_the_main_thread(self):
        self.host.stall(400)
        time.sleep(0.05)
        answered = threading.Event()
        self.host.call_soon(answered.set)
        self.assertFalse(answered.wait(0.1), "the main thread ran during the stall")
        self.assertTrue(answered.wait(5.0))


if __name__ == "__main__":
    unittest.main()
