"""The simulator's notes model (`_note_store.py`) and its read vectors: Live's overlap rule,
the clip's order and undo, whatever the order of changes; and what a big clip costs Python's
collector (nothing per note), so that no call into a 40,000-note clip stalls Live's thread."""
import gc
import random
import unittest

from support import SteppedLive  # noqa: F401  (puts the simulator's Live on the path)
from Live._note_store import DURATION, ID, PITCH, START, NoteStore  # noqa: E402
from Live._notes import notes_vector  # noqa: E402


def state(note_id, pitch, start, duration, velocity=100.0):
    return (note_id, pitch, float(start), float(duration), float(velocity), False, 1.0, 0.0, 64.0)


def by_rule(notes, placed):
    """Live's overlap rule, the slow obvious way: `placed` go in one by one, each replacing a note
    of its pitch at its start and cutting an earlier one that reaches past its start, and itself
    cut where the next note of its pitch starts."""
    notes = dict(notes)
    for new in placed:
        notes.pop(new[ID], None)
    for new in placed:
        for other in list(notes.values()):
            if other[PITCH] == new[PITCH] and other[START] == new[START]:
                del notes[other[ID]]
        notes[new[ID]] = new
        line = sorted((n for n in notes.values() if n[PITCH] == new[PITCH]), key=lambda n: n[START])
        for earlier, later in zip(line, line[1:]):
            if (earlier[ID] == new[ID] or later[ID] == new[ID]) and earlier[START] + earlier[DURATION] > later[START]:
                notes[earlier[ID]] = earlier[:DURATION] + (later[START] - earlier[START],) + earlier[DURATION + 1:]
    return notes


def clip_order(notes):
    return tuple(sorted(notes.values(), key=lambda n: (n[START], n[PITCH])))


class OverlapRuleAndOrder(unittest.TestCase):
    def test_random_changes_agree_with_the_rule_and_undo_restores_them(self):
        rng = random.Random(20261127)
        for _ in range(400):
            store, expected, next_id = NoteStore(), {}, 1
            for _ in range(rng.randint(1, 8)):
                before = dict(expected)
                if expected and rng.random() < 0.35:  # change some notes (a drag), maybe onto others
                    placed = [state(note_id, rng.choice((60, 61)), rng.choice((0, 0.5, 1, 1.5, 2, 3)),
                                    rng.choice((0.25, 0.5, 1, 2, 4)))
                              for note_id in rng.sample(sorted(expected), min(len(expected), rng.randint(1, 3)))]
                    expected = by_rule(expected, placed)
                    store.place(placed)
                elif expected and rng.random() < 0.2:
                    doomed = rng.sample(sorted(expected), 1)[0]
                    del expected[doomed]
                    store.remove(doomed)
                else:
                    placed = []
                    for _ in range(rng.randint(1, 5)):
                        placed.append(state(next_id, rng.choice((60, 61)), rng.choice((0, 0.5, 1, 1.5, 2, 3)),
                                            rng.choice((0.25, 0.5, 1, 2, 4))))
                        next_id += 1
                    expected = by_rule(expected, placed)
                    store.place(placed)
                self.assertEqual(store.ordered(), clip_order(expected))
                for from_time, to_time in ((0, 1), (0.5, 2), (3, 9), (-1, 0)):
                    self.assertEqual(store.starting_in(from_time, to_time),
                                     [n for n in clip_order(expected) if from_time <= n[START] < to_time])
                old, new = store.take_changes()
                store.restore(old)  # undo
                self.assertEqual(store.ordered(), clip_order(before))
                store.restore(new)  # redo
                self.assertEqual(store.ordered(), clip_order(expected))
                store.take_changes()

    def test_a_later_note_of_a_batch_wins_a_start(self):
        store = NoteStore()
        self.assertEqual(store.place([state(1, 60, 0, 1, 10), state(2, 60, 0, 2, 20)]), [2])
        self.assertEqual(store.ordered(), (state(2, 60, 0, 2, 20),))

    def test_thousands_of_notes_keep_their_order_across_blocks(self):
        rng = random.Random(7)
        store = NoteStore()
        for note_id in range(1, 6001):
            store.place([state(note_id, rng.randint(0, 127), rng.randint(0, 4000) / 4.0, 0.25)])
        for note_id in rng.sample(range(1, 6001), 3000):
            store.remove(note_id)
        ordered = store.ordered()
        self.assertEqual(list(ordered), sorted(ordered, key=lambda n: (n[START], n[PITCH])))
        self.assertEqual(len(ordered), len(store))
        self.assertEqual(store.starting_in(100, 200), [n for n in ordered if 100 <= n[START] < 200])


class CollectorCost(unittest.TestCase):
    def test_a_big_clip_adds_nothing_for_the_collector_to_walk(self):
        live = SteppedLive(script=False)
        try:
            slot = live.song.tracks[2].clip_slots[0]
            slot.create_clip(1300.0)
            clip = slot.clip
            gc.collect()
            tracked = len(gc.get_objects())
            from Live.Clip import MidiNoteSpecification
            for chunk in range(40):
                clip.add_new_notes(tuple(MidiNoteSpecification(24 + (n * 7) % 80, chunk * 32 + (n // 4) * 0.25, 0.25)
                                         for n in range(500)))
            gc.collect()
            self.assertLess(len(gc.get_objects()) - tracked, 1000, "20,000 notes must not be 20,000 objects")
        finally:
            live.close()

    def test_a_read_leaves_no_wrappers_behind_but_keeps_a_changed_one(self):
        vector = notes_vector([state(1, 60, 0, 1), state(2, 62, 1, 1)])
        self.assertEqual([note.pitch for note in vector], [60, 62])
        self.assertIsNone(vector._kept)  # nothing held after a read
        vector[-1].pitch = 64
        self.assertEqual([note.pitch for note in vector], [60, 64])
        self.assertIs(vector[1], vector[-1])


if __name__ == "__main__":
    unittest.main()
