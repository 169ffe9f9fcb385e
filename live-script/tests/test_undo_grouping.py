"""Live's undo history in the simulator: how changes group into steps (live-script/README.md, "Evidence: undo").

The test thread is Live's main thread; `turn()` ends a main-thread turn, as
the host does after every pass of its loop (a script's drain is inside one).
"""
import unittest

from support import SteppedLive

import Live
from Live import _lom


def spec(pitch, start, duration=0.25):
    return Live.Clip.MidiNoteSpecification(pitch, float(start), float(duration))


class UndoTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.clip = self.song.tracks[3].clip_slots[0].clip  # Keys, with notes
        self.name = self.clip.name
        self.notes = self.notes_now()

    def tearDown(self):
        self.live.close()

    def turn(self):
        self.live.advance(0.001)

    def notes_now(self, clip=None):
        return [(n.note_id, n.pitch, n.start_time, n.duration, n.velocity)
                for n in (clip or self.clip).get_all_notes_extended()]

    def step(self, action):
        """One gesture as the tablet sends it: begin, the changes, end, then the turn ends."""
        self.song.begin_undo_step()
        action()
        self.song.end_undo_step()
        self.turn()


class Grouping(UndoTest):
    def test_a_set_opens_with_nothing_to_undo_and_an_empty_undo_returns_an_empty_label(self):
        self.assertFalse(self.song.can_undo)
        self.assertFalse(self.song.can_redo)
        self.assertEqual(self.song.undo(), "")
        self.assertEqual(self.song.redo(), "")

    def test_undo_and_redo_return_labels_as_live_does(self):
        self.step(lambda: self.clip.add_new_notes((spec(70, 1),)))
        self.assertEqual(self.song.undo(), "Undo Custom Action")
        self.assertEqual(self.song.redo(), "Redo Custom Action")

    def test_changes_outside_a_step_gather_until_something_closes_it(self):
        loop_end = self.clip.loop_end
        self.clip.add_new_notes((spec(70, 1),))
        self.turn()
        self.clip.loop_end = loop_end * 2
        self.turn()
        self.assertFalse(self.song.can_undo)  # still open: Live merges a script's changes until closed
        self.song.end_undo_step()  # without a begin: closes the open step
        self.turn()
        self.assertTrue(self.song.can_undo)
        self.song.undo()
        self.assertEqual(self.notes_now(), self.notes)
        self.assertEqual(self.clip.loop_end, loop_end)
        self.assertFalse(self.song.can_undo)

    def test_undo_takes_back_an_open_step_at_once(self):
        self.clip.add_new_notes((spec(70, 1),))
        self.song.tempo = 130.0
        self.assertEqual(self.song.undo(), "Undo Custom Action")
        self.assertEqual(self.notes_now(), self.notes)
        self.assertEqual(self.song.tempo, 122.0)

    def test_a_closed_step_enters_the_history_when_the_turn_ends(self):
        self.song.begin_undo_step()
        self.clip.name = "Renamed"
        self.song.end_undo_step()
        self.assertFalse(self.song.can_undo)  # can_undo lags behind, as in Live
        self.turn()
        self.assertTrue(self.song.can_undo)

    def test_a_gesture_of_many_modifications_over_many_turns_is_one_step(self):
        first = self.clip.get_all_notes_extended()[0]
        self.song.begin_undo_step()
        for frame in range(60):
            moved = self.clip.get_notes_by_id((first.note_id,))
            moved[0].start_time = first.start_time + 0.01 * frame
            moved[0].velocity = 50.0 + frame
            self.clip.apply_note_modifications(moved)
            self.turn()
            self.assertFalse(self.song.can_undo)
        self.song.end_undo_step()
        self.turn()
        self.assertEqual(len(self.song._history._done), 1)
        self.song.undo()
        self.assertEqual(self.notes_now(), self.notes)
        self.assertFalse(self.song.can_undo)
        self.song.redo()
        self.assertEqual(self.clip.get_notes_by_id((first.note_id,))[0].velocity, 109.0)

    def test_nested_steps_are_counted(self):
        self.song.begin_undo_step()
        self.song.begin_undo_step()
        self.clip.name = "A"
        self.song.end_undo_step()
        self.turn()
        self.assertFalse(self.song.can_undo)  # the outer step is still open
        self.song.tempo = 125.0
        self.song.end_undo_step()
        self.turn()
        self.song.undo()
        self.assertEqual((self.clip.name, self.song.tempo), (self.name, 122.0))
        self.assertFalse(self.song.can_undo)

    def test_two_begin_end_pairs_in_one_turn_are_one_step(self):
        self.song.begin_undo_step()
        self.clip.name = "A"
        self.song.end_undo_step()
        self.song.begin_undo_step()
        self.song.tempo = 125.0
        self.song.end_undo_step()
        self.turn()
        self.song.undo()
        self.assertFalse(self.song.can_undo)

    def test_consecutive_steps_undo_one_by_one(self):
        self.step(lambda: setattr(self.clip, "name", "A"))
        self.step(lambda: setattr(self.clip, "name", "B"))
        self.song.undo()
        self.assertEqual(self.clip.name, "A")
        self.song.undo()
        self.assertEqual(self.clip.name, self.name)

    def test_an_empty_step_is_not_recorded(self):
        self.step(lambda: None)
        self.step(lambda: setattr(self.clip, "name", self.clip.name))
        self.assertFalse(self.song.can_undo)

    def test_a_new_change_after_an_undo_clears_the_redo_stack(self):
        self.step(lambda: setattr(self.clip, "name", "A"))
        self.song.undo()
        self.assertTrue(self.song.can_redo)
        self.step(lambda: setattr(self.clip, "name", "B"))
        self.assertFalse(self.song.can_redo)
        self.assertEqual(self.song.redo(), "")
        self.assertEqual(self.clip.name, "B")

    def test_parameter_values_are_steps_of_their_own_even_inside_a_step(self):
        volume = self.song.tracks[0].mixer_device.volume
        self.step(lambda: (setattr(self.clip, "name", "A"), setattr(volume, "value", 0.5)))
        self.song.undo()
        self.assertEqual((self.clip.name, volume.value), (self.name, 0.5))
        self.song.undo()
        self.assertEqual(volume.value, 0.85)

    def test_a_touched_parameter_is_one_step_however_many_turns_it_moves(self):
        volume = self.song.tracks[0].mixer_device.volume
        volume.begin_gesture()
        for value in (0.8, 0.7, 0.6):
            volume.value = value
            self.turn()
        volume.end_gesture()
        volume.value = 0.4  # untouched: a new step
        self.turn()
        self.song.undo()
        self.assertEqual(volume.value, 0.6)
        self.song.undo()
        self.assertEqual(volume.value, 0.85)
        self.assertFalse(self.song.can_undo)

    def test_the_musician_working_in_live_closes_the_scripts_open_step(self):
        self.clip.name = "A"
        self.song._move_track(0, 1)  # a drag in Live's UI
        self.assertTrue(self.song.can_undo)


class Notifications(UndoTest):
    def test_undo_and_redo_fire_the_listeners_a_change_fires(self):
        fired = []
        self.clip.add_notes_listener(lambda: fired.append("notes"))
        self.clip.add_loop_end_listener(lambda: fired.append("loop_end"))
        self.step(lambda: (self.clip.add_new_notes((spec(70, 1),)), setattr(self.clip, "loop_end", 32.0)))
        del fired[:]
        self.song.undo()
        self.assertEqual(sorted(fired), ["loop_end", "notes"])
        del fired[:]
        self.song.redo()
        self.assertEqual(sorted(fired), ["loop_end", "notes"])

    def test_no_change_may_be_made_from_a_listener_while_live_undoes(self):
        errors = []

        def listener():
            try:
                self.song.tempo = 140.0
            except RuntimeError as error:
                errors.append(str(error))

        self.step(lambda: setattr(self.clip, "name", "A"))
        self.clip.add_name_listener(listener)
        self.song.undo()
        self.assertEqual(errors, [_lom.UNDO_ERROR])
        self.assertEqual(self.song.tempo, 122.0)

    def test_undo_is_a_change_and_is_refused_inside_a_notification(self):
        self.step(lambda: setattr(self.clip, "name", "A"))
        refused = []

        def listener():
            try:
                self.song.undo()
            except RuntimeError as error:
                refused.append(str(error))

        self.song.add_tempo_listener(listener)
        self.song.tempo = 130.0
        self.assertEqual(refused, [_lom.NOTIFICATION_ERROR])


if __name__ == "__main__":
    unittest.main()
