"""`ClipSlot.duplicate_clip_to` onto a slot that holds a clip, in the simulator (live-script/README.md,
"Evidence: duplicate_clip_to"): the copy replaces the target's clip, a playing target stops, a move
made of a copy and a delete is one undo step, and what Live refuses is refused."""
import unittest

from support import SteppedLive

import Live

STATE = Live.ClipSlot.ClipSlotPlayingState


def notes_of(clip):
    return sorted((n.pitch, n.start_time, n.duration) for n in clip.get_all_notes_extended())


class ReplaceTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.song.tempo = 120.0
        self.keys, self.pad, self.vox = self.song.tracks[3], self.song.tracks[4], self.song.tracks[7]
        self.source = self.keys.clip_slots[2]  # Keys Stabs
        self.target = self.pad.clip_slots[3]  # Pad Build

    def tearDown(self):
        self.live.close()

    def turn(self):
        self.live.advance(0.001)

    def test_the_copy_replaces_the_target_clip(self):
        old = self.target.clip
        heard = []
        self.target.add_has_clip_listener(lambda: heard.append(self.target.has_clip))
        self.source.duplicate_clip_to(self.target)
        self.assertTrue(old == None)  # noqa: E711 (the replaced clip is deleted: its handle is dead)
        self.assertEqual(self.target.clip.name, "Keys Stabs")
        self.assertEqual(notes_of(self.target.clip), notes_of(self.source.clip))
        self.assertEqual(self.source.clip.name, "Keys Stabs")
        self.assertEqual(heard, [True])

    def test_a_playing_target_clip_stops_and_the_copy_does_not_play(self):
        self.target.fire()
        self.song.start_playing()
        self.live.advance(2.5)
        self.assertEqual(self.target.playing_status, STATE.started)
        self.assertEqual(self.pad.playing_slot_index, 3)
        self.source.duplicate_clip_to(self.target)
        self.live.advance(2.5)
        self.assertEqual(self.target.playing_status, STATE.stopped)
        self.assertFalse(self.target.clip.is_playing)
        self.assertLess(self.pad.playing_slot_index, 0)  # no clip plays on the track

    def test_a_move_onto_a_clip_is_one_undo_step_and_undo_brings_both_back(self):
        before = (self.target.clip.name, notes_of(self.target.clip))
        self.song.begin_undo_step()
        self.source.duplicate_clip_to(self.target)
        self.source.delete_clip()
        self.song.end_undo_step()
        self.turn()
        self.assertFalse(self.source.has_clip)
        self.assertEqual(self.target.clip.name, "Keys Stabs")
        self.song.undo()
        self.assertEqual((self.target.clip.name, notes_of(self.target.clip)), before)
        self.assertEqual(self.source.clip.name, "Keys Stabs")
        self.assertFalse(self.song.can_undo)
        self.song.redo()
        self.assertFalse(self.source.has_clip)
        self.assertEqual(self.target.clip.name, "Keys Stabs")

    def test_tracks_of_another_kind_are_refused_and_nothing_changes(self):
        vox = self.vox.clip_slots[2]  # Vox Chop, an audio clip
        with self.assertRaises(RuntimeError):
            self.source.duplicate_clip_to(vox)
        with self.assertRaises(RuntimeError):
            vox.duplicate_clip_to(self.target)
        self.assertEqual(vox.clip.name, "Vox Chop")
        self.assertEqual(self.target.clip.name, "Pad Build")

    def test_an_audio_clip_copied_stays_an_audio_clip(self):
        source, target = self.vox.clip_slots[2], self.vox.clip_slots[4]
        source.duplicate_clip_to(target)
        self.assertTrue(target.clip.is_audio_clip)
        self.assertFalse(target.clip.is_midi_clip)
        self.assertEqual(target.clip.file_path, source.clip.file_path)
        self.assertEqual(target.clip.name, "Vox Chop")

    def test_an_empty_source_is_refused(self):
        with self.assertRaises(RuntimeError):
            self.keys.clip_slots[1].duplicate_clip_to(self.target)
        self.assertEqual(self.target.clip.name, "Pad Build")


if __name__ == "__main__":
    unittest.main()
