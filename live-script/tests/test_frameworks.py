"""The simulator's `_Framework` and `ableton.v2`: what public scripts rely on, as Live does it.

(Public scripts themselves run in test_conformance.py.)
"""
import importlib
import logging
import os
import tempfile
import textwrap
import unittest

support = importlib.import_module("support")  # the simulator's Live and frameworks on the path
from simulator import demo_set  # noqa: E402
from simulator.clock import SimulatedClock  # noqa: E402
from simulator.host import Host  # noqa: E402

V2_SCRIPT = textwrap.dedent('''
    import logging
    from ableton.v2.base import listens, liveobj_valid, task
    from ableton.v2.control_surface import Component, ControlSurface

    logger = logging.getLogger("v2probe")


    class Tempo(Component):
        def __init__(self, *a, **k):
            super(Tempo, self).__init__(*a, **k)
            self.seen = []
            self.__on_tempo_changed.subject = self.song

        @listens("tempo")
        def __on_tempo_changed(self):
            self.seen.append(self.song.tempo)


    class Probe(ControlSurface):
        def __init__(self, c_instance):
            ControlSurface.__init__(self, c_instance)
            self.ticks = []
            self.tasks_run = []
            self.schedule_message(0, self.tick)
            with self.component_guard():
                self.tempo = Tempo()
            self._tasks.add(task.sequence(task.wait(0.3), task.run(self.tasks_run.append, "waited")))
            self.valid = liveobj_valid(self.song.tracks[0])
            logger.info("v2 probe up on %s", self.application.get_version_string())
            self.log_message("hello", 42)

        def tick(self):
            self.ticks.append(len(self.ticks))
            self.schedule_message(1, self.tick)


    def create_instance(c_instance):
        return Probe(c_instance)
''')

FRAMEWORK_SCRIPT = textwrap.dedent('''
    import Live
    from _Framework.ButtonElement import ButtonElement
    from _Framework.ControlSurface import ControlSurface
    from _Framework.DeviceComponent import DeviceComponent
    from _Framework.EncoderElement import EncoderElement
    from _Framework.InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE
    from _Framework.MixerComponent import MixerComponent
    from _Framework.SessionComponent import SessionComponent
    from _Framework.SliderElement import SliderElement
    from _Framework.TransportComponent import TransportComponent


    class Probe(ControlSurface):
        def __init__(self, c_instance):
            ControlSurface.__init__(self, c_instance)
            with self.component_guard():
                self.session = SessionComponent(4, 2)
                self.mixer = MixerComponent(4)
                self.session.set_mixer(self.mixer)
                self.set_highlighting_session_component(self.session)
                self.volume = SliderElement(MIDI_CC_TYPE, 0, 7)
                self.mixer.channel_strip(0).set_volume_control(self.volume)
                self.pan = EncoderElement(MIDI_CC_TYPE, 0, 10, Live.MidiMap.MapMode.relative_two_compliment)
                self.mixer.channel_strip(0).set_pan_control(self.pan)
                self.mute = ButtonElement(True, MIDI_NOTE_TYPE, 0, 60)
                self.mixer.channel_strip(1).set_mute_button(self.mute)
                self.launch = ButtonElement(True, MIDI_NOTE_TYPE, 0, 36)
                self.session.scene(0).clip_slot(0).set_launch_button(self.launch)
                self.right = ButtonElement(True, MIDI_NOTE_TYPE, 0, 20)
                self.session.set_track_bank_buttons(self.right, None)
                self.transport = TransportComponent()
                self.play = ButtonElement(True, MIDI_NOTE_TYPE, 0, 91)
                self.transport.set_play_button(self.play)
                self.device = DeviceComponent(device_selection_follows_track_selection=True)
                self.knobs = [EncoderElement(MIDI_CC_TYPE, 1, 20 + i, Live.MidiMap.MapMode.absolute)
                              for i in range(8)]
                self.device.set_parameter_controls(self.knobs)
                self.heard = []
                self.free = ButtonElement(True, MIDI_NOTE_TYPE, 2, 1)
                self.free.add_value_listener(self.heard.append)
            self.schedule_message(0, lambda: self.heard.append("tick"))


    def create_instance(c_instance):
        return Probe(c_instance)
''')


def write_script(name, source):
    folder = os.path.join(tempfile.mkdtemp(prefix="framework-test-"), name)
    os.makedirs(folder)
    with open(os.path.join(folder, "__init__.py"), "w") as handle:
        handle.write(source)
    return folder


class Stepped(object):
    def __init__(self, name, source):
        self.log_dir = tempfile.mkdtemp(prefix="framework-log-")
        self.clock = SimulatedClock()
        self.host = Host(demo_set.build, log_dir=self.log_dir, clock=self.clock)
        self.host.begin([write_script(name, source)])
        self.surface = self.host.surfaces[0]
        self.script = self.surface.instance
        self.song = self.host.song

    def log(self):
        with open(os.path.join(self.log_dir, "Log.txt")) as handle:
            return handle.read()


class AbletonV2Test(unittest.TestCase):
    def setUp(self):
        self.live = Stepped("V2Probe", V2_SCRIPT)
        self.addCleanup(self.live.host.shutdown)

    def test_song_and_application_are_properties(self):
        self.assertIs(self.live.script.song, self.live.song)
        self.assertEqual(self.live.script.application.get_major_version(), self.live.host.application
                         .get_major_version())
        self.assertTrue(self.live.script.valid)

    def test_schedule_message_with_no_delay_runs_at_the_next_tick(self):
        self.assertEqual(self.live.script.ticks, [])
        self.live.host.advance(0.1)
        self.assertEqual(self.live.script.ticks, [0])
        self.live.host.advance(0.35)
        self.assertEqual(self.live.script.ticks, [0, 1, 2, 3])

    def test_a_component_made_in_component_guard_gets_the_song_and_listens(self):
        self.assertIs(self.live.script.tempo.song, self.live.song)
        self.live.song.tempo = 133.0
        self.assertEqual(self.live.script.tempo.seen, [133.0])

    def test_tasks_run_on_the_ticks_of_update_display(self):
        self.live.host.advance(0.25)
        self.assertEqual(self.live.script.tasks_run, [])
        self.live.host.advance(0.2)
        self.assertEqual(self.live.script.tasks_run, ["waited"])

    def test_a_component_made_outside_the_guard_has_no_song(self):
        from ableton.v2.base import DependencyError
        from ableton.v2.control_surface import Component
        with self.assertRaises(DependencyError):
            Component().song

    def test_logging_and_log_message_reach_live_log_as_live_writes_them(self):
        log = self.live.log()
        self.assertRegex(log, r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}: info: Python: INFO:v2probe:\d+ - "
                              r"v2 probe up on 1[12]\.3\.\d+")
        if self.live.host.application.get_major_version() >= 12:
            self.assertRegex(log, r"info: Python: INFO:ableton.v2.control_surface.control_surface:\d+ - "
                                  r"LOG: \(Probe\) hello 42")
        else:
            self.assertIn("info: RemoteScriptMessage: (V2Probe) hello 42", log)

    def test_debug_records_stay_out_of_the_log(self):
        logging.getLogger("v2probe").debug("not for Live's log")
        self.assertNotIn("not for Live's log", self.live.log())

    def test_disconnect_drops_listeners_and_scheduled_messages(self):
        self.live.host.shutdown()
        self.addCleanup(lambda: None)
        self.live.song.tempo = 101.0
        self.assertNotIn(101.0, self.live.script.tempo.seen)


class FrameworkTest(unittest.TestCase):
    def setUp(self):
        self.live = Stepped("FrameworkProbe", FRAMEWORK_SCRIPT)
        self.addCleanup(self.live.host.shutdown)
        self.tracks = self.live.song.visible_tracks

    def test_song_is_a_method_and_the_red_box_is_drawn(self):
        self.assertIs(self.live.script.song(), self.live.song)
        self.assertEqual(self.live.surface.c_instance.session_highlight, (0, 0, 4, 2, False))

    def test_a_mapped_slider_moves_the_volume_in_live_without_the_script(self):
        self.assertIn(("cc", 0, 7), self.live.surface.midi_map.mapped)
        self.live.host.midi_in((0xB0, 7, 127))
        volume = self.tracks[0].mixer_device.volume
        self.assertAlmostEqual(volume.value, volume.max)

    def test_a_relative_encoder_steps_its_parameter(self):
        pan = self.tracks[0].mixer_device.panning
        before = pan.value
        self.live.host.midi_in((0xB0, 10, 3))
        self.assertGreater(pan.value, before)
        self.live.host.midi_in((0xB0, 10, 125))
        self.assertAlmostEqual(pan.value, before)

    def test_a_mute_button_toggles_the_track_and_lights_while_it_plays(self):
        self.live.host.sent_midi.clear()
        self.live.host.midi_in((0x90, 60, 127))
        self.assertTrue(self.tracks[1].mute)
        self.assertIn((None, (0x90, 60, 0)), list(self.live.host.sent_midi))
        self.live.host.midi_in((0x90, 60, 127))
        self.assertFalse(self.tracks[1].mute)

    def test_a_launch_button_fires_the_slot(self):
        slot = self.tracks[0].clip_slots[0]
        self.live.host.midi_in((0x90, 36, 127))
        self.assertTrue(slot.clip.is_triggered or slot.clip.is_playing)  # from a stopped transport it starts

    def test_bank_buttons_move_the_box_and_the_mixer(self):
        self.live.host.midi_in((0x90, 20, 127))
        self.assertEqual(self.live.surface.c_instance.session_highlight, (4, 0, 4, 2, False))
        self.assertIs(self.live.script.mixer.channel_strip(0)._track, self.tracks[4])

    def test_the_play_button_starts_the_transport_and_lights(self):
        self.live.host.sent_midi.clear()
        self.live.host.midi_in((0x90, 91, 127))
        self.assertTrue(self.live.song.is_playing)
        self.assertIn((None, (0x90, 91, 127)), list(self.live.host.sent_midi))

    def test_the_device_component_follows_the_blue_hand(self):
        track = next(t for t in self.tracks if len(t.devices))
        self.live.song.view.selected_track = track
        self.live.song.view.select_device(track.devices[0])
        self.live.song.appointed_device = track.devices[0]
        self.assertIs(self.live.script.device.device(), track.devices[0])
        self.live.host.advance(0.1)  # the map is rebuilt on Live's next turn
        parameter = track.devices[0].parameters[1]
        self.live.host.midi_in((0xB1, 20, 127))
        self.assertAlmostEqual(parameter.value, parameter.max)

    def test_a_button_with_a_listener_is_forwarded_and_unmapped_midi_goes_on(self):
        self.live.host.midi_in((0x92, 1, 100))
        self.assertEqual(self.live.script.heard, [100])
        self.assertNotIn(("note", 2, 2), self.live.surface.midi_map.forwarded)

    def test_schedule_message_zero_and_from_another_thread(self):
        import threading
        done = []
        thread = threading.Thread(target=lambda: self.live.script.schedule_message(0, done.append, "x"))
        thread.start()
        thread.join()
        self.live.host.advance(0.1)
        self.assertEqual(done, ["x"])
        self.assertIn("tick", self.live.script.heard)
        with self.assertRaises(ValueError):
            self.live.script.schedule_message(-1, done.append)


if __name__ == "__main__":
    unittest.main()
