"""Where Live's notes API is strict and where it is lenient, as the simulator plays it
(live-script/README.md, "Evidence: notes API")."""
import unittest

from test_undo_grouping import UndoTest, spec

import Live


class Arguments(UndoTest):
    def test_times_and_velocities_may_be_ints_pitches_may_not_be_floats(self):
        # Boost.Python's converters, and AbletonOSC calls get_notes_extended(0, 127, -8192, 16384) on real Live
        self.assertEqual(len(self.clip.get_notes_extended(0, 128, -8192, 16384)), len(self.notes))
        note = Live.Clip.MidiNoteSpecification(pitch=60, start_time=1, duration=1, velocity=64)
        self.assertEqual((note.start_time, note.duration, note.velocity), (1.0, 1.0, 64.0))
        self.assertIsInstance(note.start_time, float)
        for call in (lambda: self.clip.get_notes_extended(0.0, 128, 0, 4),
                     lambda: self.clip.remove_notes_extended(60, 1.5, 0, 4),
                     lambda: Live.Clip.MidiNoteSpecification(60.0, 0.0, 1.0)):
            with self.assertRaises(TypeError):
                call()
        self.clip.remove_notes_extended(0, 128, 0, 4)
        self.assertTrue(all(n[2] >= 4.0 for n in self.notes_now()))

    def test_apply_note_modifications_takes_only_the_vector_live_returns(self):
        with self.assertRaises(TypeError):
            self.clip.apply_note_modifications(list(self.clip.get_all_notes_extended()))


class Values(UndoTest):
    def test_a_clip_holds_notes_before_its_start(self):
        note_id = self.clip.add_new_notes((spec(60, -0.5),))[0]
        self.assertEqual(self.clip.get_notes_by_id((note_id,))[0].start_time, -0.5)
        self.assertEqual(len(self.clip.get_notes_extended(60, 1, -1, 1)), 1)

    def test_a_zero_duration_or_an_out_of_range_value_is_refused_and_nothing_is_added(self):
        for bad in (spec(60, 0, 0.0), Live.Clip.MidiNoteSpecification(60, 0.0, 1.0, 128.0),
                    Live.Clip.MidiNoteSpecification(128, 0.0, 1.0)):
            with self.assertRaises(RuntimeError):
                self.clip.add_new_notes((spec(61, 1), bad))
        self.assertEqual(self.notes_now(), self.notes)
        tiny = self.clip.add_new_notes((spec(61, 1, 1.0 / 1024),))[0]
        self.assertEqual(self.clip.get_notes_by_id((tiny,))[0].duration, 1.0 / 1024)


class Ids(UndoTest):
    def test_notes_come_sorted_by_start_then_pitch(self):
        self.clip.add_new_notes((spec(30, 0.0), spec(90, 0.0)))
        starts = [(n[2], n[1]) for n in self.notes_now()]
        self.assertEqual(starts, sorted(starts))

    def test_an_id_no_longer_in_the_clip_is_refused_and_nothing_is_changed(self):
        first, second = self.clip.get_all_notes_extended()[:2]
        stale = self.clip.get_notes_by_id((first.note_id, second.note_id))
        self.clip.remove_notes_by_id((second.note_id,))
        stale[0].velocity = 1.0
        with self.assertRaises(RuntimeError):
            self.clip.apply_note_modifications(stale)
        self.assertEqual(self.clip.get_notes_by_id((first.note_id,))[0].velocity, first.velocity)

    def test_removing_unknown_ids_is_no_error(self):
        self.clip.remove_notes_by_id((9999, self.notes[0][0]))
        self.assertEqual(len(self.notes_now()), len(self.notes) - 1)

    def test_ids_are_never_given_again(self):
        removed = self.notes[-1][0]
        self.clip.remove_notes_by_id((removed,))
        added = self.clip.add_new_notes((spec(61, 1),))[0]
        self.assertGreater(added, max(n[0] for n in self.notes))


class Overlaps(UndoTest):
    """Live keeps no two notes of one pitch on top of each other."""

    def test_a_note_starting_inside_another_cuts_the_earlier_short(self):
        early = self.clip.add_new_notes((spec(100, 0.0, 2.0),))[0]
        late = self.clip.add_new_notes((spec(100, 1.0, 2.0),))[0]
        self.assertEqual(self.clip.get_notes_by_id((early,))[0].duration, 1.0)
        self.assertEqual(self.clip.get_notes_by_id((late,))[0].duration, 2.0)

    def test_a_note_added_where_another_starts_replaces_it(self):
        old = self.clip.add_new_notes((spec(100, 0.0, 2.0),))[0]
        new = self.clip.add_new_notes((spec(100, 0.0, 1.0),))[0]
        self.assertEqual([n.note_id for n in self.clip.get_notes_extended(100, 1, -1, 10)], [new])
        self.assertEqual(len(self.clip.get_notes_by_id((old,))), 0)

    def test_a_note_moved_onto_another_of_its_pitch_and_the_undo_of_it(self):
        left, right = self.clip.add_new_notes((spec(100, 0.0, 1.0), spec(100, 2.0, 1.0)))
        self.song.end_undo_step()
        self.turn()
        moved = self.clip.get_notes_by_id((left,))
        moved[0].start_time = 2.0
        self.step(lambda: self.clip.apply_note_modifications(moved))
        self.assertEqual([n.note_id for n in self.clip.get_notes_extended(100, 1, -1, 10)], [left])
        self.song.undo()
        self.assertEqual([n.note_id for n in self.clip.get_notes_extended(100, 1, -1, 10)], [left, right])


if __name__ == "__main__":
    unittest.main()
