"""Clip envelopes in the simulator, as live-script/README.md ("Evidence: envelopes") describes Live's.

Run in Live 12 here and in Live 11 by test_undo_live11.py: what only Live 12 has
(`events_in_range`, `delete_events_in_range`, control coefficients) is skipped there.
"""
import unittest

from support import SteppedLive

import Live
from Live import _version
from Live._envelopes import Breakpoints

LIVE_12 = _version.MAJOR >= 12
NEEDS_12 = unittest.skipUnless(LIVE_12, "Live 12 API")


def points(shape):
    return [(t, round(v, 6)) for t, v, _ in shape.points[1:]]


class Steps(unittest.TestCase):
    """insert_step on the shape itself: what stays, what goes, what comes in."""

    def test_a_step_keeps_the_values_before_and_after_it(self):
        shape = Breakpoints(0.5)
        shape.insert_step(2.0, 1.0, 0.8)
        self.assertEqual(points(shape), [(2.0, 0.5), (2.0, 0.8), (3.0, 0.8), (3.0, 0.5)])
        self.assertEqual([shape.value_at(t) for t in (0.0, 1.99, 2.0, 2.5, 3.0, 4.0)], [0.5, 0.5, 0.8, 0.8, 0.5, 0.5])
        self.assertEqual(shape.value_before(2.0), 0.5)
        self.assertEqual(shape.value_before(3.0), 0.8)

    def test_a_step_replaces_the_events_inside_it_ends_included(self):
        shape = Breakpoints(0.5)
        for start in range(4):
            shape.insert_step(float(start), 1.0, 0.1 * (start + 1))
        shape.insert_step(0.5, 2.0, 0.9)  # over the ends of three steps
        self.assertEqual(points(shape), [(0.0, 0.5), (0.0, 0.1), (0.5, 0.1), (0.5, 0.9), (2.5, 0.9), (2.5, 0.3),
                                         (3.0, 0.3), (3.0, 0.4), (4.0, 0.4), (4.0, 0.5)])

    def test_steps_end_to_end_and_the_same_step_twice(self):
        shape = Breakpoints(0.5)
        shape.insert_step(0.0, 1.0, 0.2)
        shape.insert_step(1.0, 1.0, 0.3)
        shape.insert_step(1.0, 1.0, 0.3)
        self.assertEqual(points(shape), [(0.0, 0.5), (0.0, 0.2), (1.0, 0.2), (1.0, 0.3), (2.0, 0.3), (2.0, 0.5)])

    def test_a_step_with_the_value_around_it_adds_no_jump(self):
        shape = Breakpoints(0.5)
        shape.insert_step(1.0, 1.0, 0.5)
        self.assertEqual(points(shape), [(1.0, 0.5), (2.0, 0.5)])

    def test_zero_length_is_a_breakpoint_and_a_different_value_is_never_heard(self):
        shape = Breakpoints(0.5)
        shape.insert_step(4.0, 0.0, 0.5)
        self.assertEqual(points(shape), [(4.0, 0.5)])
        shape.insert_step(2.0, 0.0, 0.9)
        self.assertEqual(points(shape), [(2.0, 0.5), (2.0, 0.9), (2.0, 0.5), (4.0, 0.5)])
        self.assertEqual([shape.value_at(t) for t in (1.9, 2.0, 2.1)], [0.5, 0.5, 0.5])

    def test_a_step_inside_a_ramp_keeps_the_ramp_around_it(self):
        shape = Breakpoints(0.0)
        shape.points = shape.points + [(0.0, 0.0, None), (8.0, 0.8, None)]
        shape.insert_step(2.0, 2.0, 1.0)
        self.assertEqual(points(shape), [(0.0, 0.0), (2.0, 0.2), (2.0, 1.0), (4.0, 1.0), (4.0, 0.4), (8.0, 0.8)])
        self.assertAlmostEqual(shape.value_at(6.0), 0.6)

    def test_the_value_held_before_the_first_event_stays_held(self):
        shape = Breakpoints(0.5)
        shape.points = shape.points + [(8.0, 0.9, None)]
        shape.insert_step(1.0, 1.0, 0.2)
        self.assertEqual(shape.value_at(5.0), 0.5)
        self.assertEqual(shape.value_before(8.0), 0.5)
        self.assertEqual(shape.value_at(8.0), 0.9)

    def test_a_quantized_parameter_holds_each_value_until_the_next_event(self):
        shape = Breakpoints(0.0, quantized=True)
        shape.points = shape.points + [(0.0, 0.0, None), (4.0, 3.0, None)]
        self.assertEqual(shape.value_at(3.9), 0.0)
        self.assertEqual(shape.value_at(4.0), 3.0)


class Curves(unittest.TestCase):
    CURVE = (0.65, 0.0, 0.9, 0.35)

    def shape(self):
        shape = Breakpoints(0.2)
        shape.points = shape.points + [(0.0, 0.2, self.CURVE), (8.0, 0.6, None)]
        return shape

    def test_value_at_time_follows_the_bezier(self):
        shape = self.shape()
        values = [shape.value_at(float(t)) for t in range(9)]
        self.assertEqual((values[0], values[8]), (0.2, 0.6))
        self.assertTrue(all(a < b for a, b in zip(values, values[1:])))
        self.assertLess(values[4], 0.4 - 0.1)  # slow at first: well under the straight line's 0.4
        straight = Breakpoints(0.2)
        straight.points = straight.points + [(0.0, 0.2, (0.25, 0.25, 0.75, 0.75)), (8.0, 0.6, None)]
        self.assertAlmostEqual(straight.value_at(2.0), 0.3)

    def test_a_step_cut_into_a_curve_leaves_the_rest_of_it_where_it_was(self):
        shape = self.shape()
        before = dict((t / 4.0, shape.value_at(t / 4.0)) for t in range(33))
        shape.insert_step(3.0, 1.0, 0.9)
        for time, value in before.items():
            if not 3.0 <= time <= 4.0:
                self.assertAlmostEqual(shape.value_at(time), value, places=9, msg=time)
        self.assertEqual([c is not None for _, _, c in shape.points[1:]], [True, False, False, False, True, False])


class ApiTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.pad = self.song.tracks[4]
        self.build = self.pad.clip_slots[3].clip
        self.frequency = self.pad.devices[1].parameters[3]

    def tearDown(self):
        self.live.close()

    def turn(self):
        self.live.advance(0.001)


class ThroughTheApi(ApiTest):
    def test_a_new_envelope_holds_the_parameters_value_and_lists_no_event(self):
        clip = self.pad.clip_slots[7].clip
        volume = self.pad.mixer_device.volume
        envelope = clip.create_automation_envelope(volume)
        self.assertEqual(envelope.value_at_time(0.0), volume.value)
        self.assertEqual(envelope.value_at_time(100.0), volume.value)
        if LIVE_12:
            self.assertEqual(list(envelope.events_in_range(0.0, 16.0)), [])
        with self.assertRaises(RuntimeError):
            clip.create_automation_envelope(volume)

    def test_refused_steps(self):
        envelope = self.build.automation_envelope(self.frequency)
        for args in ((-1.0, 1.0, 0.5), (0.0, -1.0, 0.5), (0.0, 1.0, 1.5)):
            with self.assertRaises(RuntimeError, msg=args):
                envelope.insert_step(*args)
        with self.assertRaises(TypeError):
            envelope.insert_step("0", 1.0, 0.5)
        envelope.insert_step(0, 1, 1)  # ints for floats, as Boost.Python takes them

    def test_a_quantized_parameter_takes_whole_steps(self):
        filter_type = self.pad.devices[1].parameters[1]
        envelope = self.pad.clip_slots[5].clip.automation_envelope(filter_type)
        envelope.insert_step(1.0, 1.0, 2.6)  # Push writes fractions of a step: Live rounds
        self.assertEqual(envelope.value_at_time(1.5), 3.0)

    @NEEDS_12
    def test_events_in_range_are_inclusive_in_time_order_with_curves(self):
        clip = self.song.tracks[2].clip_slots[3].clip
        envelope = clip.automation_envelope(self.song.tracks[2].devices[0].parameters[10])
        events = list(envelope.events_in_range(0.0, 14.0))
        self.assertEqual([e.time for e in events], [0.0, 8.0, 14.0, 14.0])
        curve = events[0].control_coefficients
        self.assertIsInstance(curve, Live.Envelope.EnvelopeEventControlCoefficients)
        self.assertEqual((curve.x1, curve.y1, curve.x2, curve.y2), (0.65, 0.0, 0.9, 0.35))
        self.assertIsNone(events[2].control_coefficients)
        self.assertEqual([e.time for e in envelope.events_in_range(8.0, 8.0)], [8.0])
        with self.assertRaises(RuntimeError):
            envelope.events_in_range(0.0, 2000000.0)

    @NEEDS_12
    def test_events_hold_the_internal_value_a_gain_for_the_mixers_volume(self):
        intro = self.pad.clip_slots[0].clip
        envelope = intro.automation_envelope(self.pad.mixer_device.volume)
        first = list(envelope.events_in_range(0.0, 8.0))
        self.assertAlmostEqual(envelope.value_at_time(8.0), 0.78)
        self.assertAlmostEqual(first[-1].value, 10 ** (-2.8 / 20))  # 0.78 is -2.8 dB
        events = list(self.build.automation_envelope(self.frequency).events_in_range(0.0, 1.0))
        self.assertEqual([e.value for e in events], [0.55, 0.3, 0.3, 0.34])

    @NEEDS_12
    def test_delete_events_in_range_removes_events_ends_included(self):
        envelope = self.build.automation_envelope(self.frequency)
        envelope.delete_events_in_range(1.0, 15.0)
        self.assertEqual([(e.time, round(e.value, 6)) for e in envelope.events_in_range(0.0, 16.0)],
                         [(0.0, 0.55), (0.0, 0.3), (16.0, 0.9), (16.0, 0.55)])
        self.assertAlmostEqual(envelope.value_at_time(8.0), 0.6)  # straight from (0, 0.3) to (16, 0.9)
        envelope.delete_events_in_range(0.0, 16.0)
        self.assertEqual(list(envelope.events_in_range(0.0, 16.0)), [])
        self.assertEqual(envelope.value_at_time(4.0), 0.55)  # the value held before any event

    def test_has_envelopes_tells_only_the_first_and_the_last(self):
        clip = self.pad.clip_slots[7].clip
        told = []
        clip.add_has_envelopes_listener(lambda: told.append(clip.has_envelopes))
        clip.create_automation_envelope(self.pad.mixer_device.volume).insert_step(0.0, 1.0, 0.3)
        clip.create_automation_envelope(self.pad.mixer_device.panning)
        clip.clear_envelope(self.pad.mixer_device.volume)
        clip.clear_all_envelopes()
        self.assertEqual(told, [True, False])

    @NEEDS_12
    def test_a_cleared_envelope_object_is_dead(self):
        envelope = self.build.automation_envelope(self.frequency)
        self.build.clear_envelope(self.frequency)
        self.assertTrue(envelope == None)  # noqa: E711 (Live's deleted objects equal None)
        self.assertIsNone(self.build.automation_envelope(self.frequency))

    def test_playback_follows_a_curve(self):
        bass = self.song.tracks[2]
        frequency = bass.devices[0].parameters[10]
        slot = bass.clip_slots[3]
        slot.fire()
        self.live.advance(2.5)  # 6 beats in
        envelope = slot.clip.automation_envelope(frequency)
        self.assertAlmostEqual(frequency.value, envelope.value_at_time(slot.clip.playing_position), places=6)
        self.assertLess(frequency.value, 0.2 + (0.55 - 0.2) * slot.clip.playing_position / 8)  # under the line


class SelectedParameter(ApiTest):
    def test_the_parameter_the_musician_clicked_in_live(self):
        view = self.song.view
        told = []
        view.add_selected_parameter_listener(lambda: told.append(view.selected_parameter))
        self.assertIsNone(view.selected_parameter)  # read-only in both dumps: only Live's UI selects
        view._select_parameter(self.frequency)
        self.assertEqual(told, [self.frequency])
        self.pad.delete_device(1)
        self.assertIsNone(view.selected_parameter)


class Undo(ApiTest):
    def shape_of(self, clip, parameter):
        envelope = clip.automation_envelope(parameter)
        return None if envelope is None else tuple(envelope._shape.points)

    def test_envelope_edits_in_one_step_are_undone_together(self):
        before = self.shape_of(self.build, self.frequency)
        self.song.begin_undo_step()
        envelope = self.build.automation_envelope(self.frequency)
        for beat in range(8):
            envelope.insert_step(float(beat), 1.0, 0.9)
            self.turn()
        self.song.end_undo_step()
        self.turn()
        after = self.shape_of(self.build, self.frequency)
        self.assertEqual(len(self.song._history._done), 1)
        self.song.undo()
        self.assertEqual(self.shape_of(self.build, self.frequency), before)
        self.song.redo()
        self.assertEqual(self.shape_of(self.build, self.frequency), after)

    def test_creating_and_clearing_envelopes_are_undone(self):
        clip, volume = self.pad.clip_slots[7].clip, self.pad.mixer_device.volume
        self.song.begin_undo_step()
        clip.create_automation_envelope(volume).insert_step(0.0, 4.0, 0.2)
        self.song.end_undo_step()
        self.turn()
        self.song.begin_undo_step()
        self.build.clear_all_envelopes()
        self.song.end_undo_step()
        self.turn()
        self.song.undo()
        self.assertIsNotNone(self.build.automation_envelope(self.frequency))
        self.assertAlmostEqual(self.build.automation_envelope(self.frequency).value_at_time(4.5), 0.46)
        self.song.undo()
        self.assertIsNone(clip.automation_envelope(volume))
        self.assertFalse(clip.has_envelopes)
        self.song.redo()
        self.assertEqual(clip.automation_envelope(volume).value_at_time(1.0), 0.2)

    def test_what_the_transport_records_is_not_journaled(self):
        keys = self.song.tracks[3]
        self.song.session_automation_record = True
        keys.clip_slots[0].fire()
        self.live.advance(1.0)
        keys.mixer_device.volume.value = 0.5  # a step of its own (parameter values are)
        self.turn()
        self.song.undo()
        self.assertIsNotNone(keys.clip_slots[0].clip.automation_envelope(keys.mixer_device.volume))


if __name__ == "__main__":
    unittest.main()
