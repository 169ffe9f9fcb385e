"""What Live's undo history holds in the simulator, kind by kind, and what it leaves out."""
import unittest

from test_undo_grouping import UndoTest, spec


class Notes(UndoTest):
    def assert_undo_redo(self, action):
        before = self.notes_now()
        self.step(action)
        after = self.notes_now()
        self.assertNotEqual(after, before)
        self.song.undo()
        self.assertEqual(self.notes_now(), before)
        self.song.redo()
        self.assertEqual(self.notes_now(), after)

    def test_add_modify_remove_duplicate(self):
        ids = [n[0] for n in self.notes]
        self.assert_undo_redo(lambda: self.clip.add_new_notes((spec(70, 1), spec(71, 2))))
        self.assert_undo_redo(lambda: self.clip.remove_notes_by_id(ids[:3]))
        self.assert_undo_redo(lambda: self.clip.duplicate_notes_by_id(ids[3:5], 2.0))
        self.assert_undo_redo(lambda: self.clip.remove_notes_extended(0, 128, 0, 2))

        def louder():
            notes = self.clip.get_notes_by_id(ids)
            for note in notes:
                note.velocity = 127.0
            self.clip.apply_note_modifications(notes)

        self.assert_undo_redo(louder)

    def test_quantize_and_duplicate_loop(self):
        loop_end = self.clip.loop_end
        self.step(lambda: self.clip.add_new_notes((spec(72, 0.3),)))
        self.assert_undo_redo(lambda: self.clip.quantize(6, 1.0))
        self.assert_undo_redo(self.clip.duplicate_loop)
        self.song.undo()
        self.assertEqual(self.clip.loop_end, loop_end)

    def test_undo_of_a_removal_brings_the_same_note_ids_back_and_ids_are_never_given_again(self):
        removed = self.notes[0][0]
        self.step(lambda: self.clip.remove_notes_by_id((removed,)))
        self.song.undo()
        self.assertIn(removed, [n[0] for n in self.notes_now()])
        self.step(lambda: self.clip.add_new_notes((spec(70, 1),)))
        self.song.undo()
        added = self.clip.add_new_notes((spec(71, 1),))[0]
        self.assertGreater(added, max(n[0] for n in self.notes) + 1)


class ClipsAndProperties(UndoTest):
    def test_clip_loop_and_marker_properties(self):
        before = dict((name, getattr(self.clip, name)) for name in (
            "loop_start", "loop_end", "start_marker", "end_marker", "looping", "name", "color", "position"))

        def edit():
            self.clip.loop_end = 32.0
            self.clip.loop_start = 8.0
            self.clip.end_marker = 32.0
            self.clip.start_marker = 4.0
            self.clip.looping = False
            self.clip.name = "Edited"
            self.clip.color_index = 3

        self.step(edit)
        self.song.undo()
        self.assertEqual(dict((name, getattr(self.clip, name)) for name in before), before)
        self.song.redo()
        self.assertEqual((self.clip.loop_start, self.clip.loop_end, self.clip.color_index), (8.0, 32.0, 3))

    def test_mute_and_solo_with_the_tracks_a_solo_mutes(self):
        drums, bass = self.song.tracks[0], self.song.tracks[2]
        self.step(lambda: (setattr(drums, "mute", True), setattr(bass, "solo", True)))
        self.assertTrue(drums.muted_via_solo)
        self.song.undo()
        self.assertEqual((drums.mute, bass.solo, drums.muted_via_solo), (False, False, False))
        self.song.redo()
        self.assertEqual((drums.mute, bass.solo, drums.muted_via_solo), (True, True, True))

    def test_tempo_is_one_step_and_the_tempo_parameter_follows(self):
        self.step(lambda: setattr(self.song, "tempo", 140.0))
        self.song.undo()
        self.assertEqual(self.song.tempo, 122.0)
        self.assertEqual(self.song.master_track.mixer_device.song_tempo.value, 122.0)
        self.assertFalse(self.song.can_undo)

    def test_device_parameter_values(self):
        cutoff = self.song.tracks[3].devices[0].parameters[1]
        before = cutoff.value
        self.step(lambda: setattr(cutoff, "value", cutoff.min))
        self.song.undo()
        self.assertEqual(cutoff.value, before)

    def test_created_and_deleted_clips_come_back_as_new_objects(self):
        slot = self.song.tracks[3].clip_slots[0]
        old = slot.clip
        self.step(slot.delete_clip)
        self.assertTrue(old == None)  # noqa: E711 (Live's deleted objects)
        self.song.undo()
        self.assertTrue(slot.has_clip)
        self.assertTrue(old == None)  # noqa: E711 (the old handle stays dead)
        self.assertEqual((slot.clip.name, self.notes_now(slot.clip)), (self.name, self.notes))
        empty = self.song.tracks[5].clip_slots[0]
        self.step(lambda: empty.create_clip(4.0))
        self.song.undo()
        self.assertFalse(empty.has_clip)

    def test_later_steps_follow_a_clip_brought_back(self):
        slot = self.song.tracks[5].clip_slots[0]
        self.step(lambda: slot.create_clip(4.0))
        self.step(lambda: slot.clip.add_new_notes((spec(60, 0),)))
        self.song.undo()
        self.song.undo()
        self.song.redo()
        self.song.redo()  # applies to the new clip that stands for the one created first
        self.assertEqual([n[1] for n in self.notes_now(slot.clip)], [60])

    def test_duplicate_clip_to_an_occupied_slot(self):
        source, target = self.song.tracks[3].clip_slots[0], self.song.tracks[3].clip_slots[2]
        target_name = target.clip.name
        self.step(lambda: source.duplicate_clip_to(target))
        self.song.undo()
        self.assertEqual(target.clip.name, target_name)


class Structure(UndoTest):
    def fingerprint(self):
        return [(t.name, tuple(d.name for d in t.devices),
                 tuple(s.has_clip and (s.clip.name, s.clip.is_midi_clip and len(s.clip.get_all_notes_extended()))
                       for s in t.clip_slots))
                for t in self.song.tracks] + [tuple(s.name for s in self.song.scenes)]

    def test_tracks_and_scenes_created_deleted_and_duplicated(self):
        before = self.fingerprint()
        fired = []
        self.song.add_tracks_listener(lambda: fired.append("tracks"))
        self.song.add_scenes_listener(lambda: fired.append("scenes"))

        def edit():
            self.song.delete_track(2)
            self.song.delete_scene(3)
            self.song.duplicate_track(0)
            self.song.duplicate_scene(0)
            self.song.create_midi_track(-1)
            self.song.create_scene(-1)

        self.step(edit)
        after = self.fingerprint()
        del fired[:]
        self.song.undo()
        self.assertEqual(self.fingerprint(), before)
        self.assertIn("tracks", fired)
        self.assertIn("scenes", fired)
        self.song.redo()
        self.assertEqual(self.fingerprint(), after)

    def test_a_track_deleted_while_playing_comes_back_stopped(self):
        self.song.tracks[3].clip_slots[0].fire()
        self.live.advance(0.1)
        self.assertEqual(self.song.tracks[3].playing_slot_index, 0)
        self.step(lambda: self.song.delete_track(3))
        self.song.undo()
        keys = self.song.tracks[3]
        self.assertEqual((keys.playing_slot_index, keys.clip_slots[0].clip.is_playing), (-2, False))

    def test_a_restored_drum_rack_still_follows_its_device_on_switch(self):
        self.step(lambda: self.song.delete_track(0))
        self.song.undo()
        rack = self.song.tracks[0].devices[0]
        rack.parameters[0].value = 0.0
        self.assertFalse(rack.is_active)


class LeftOut(UndoTest):
    """What Live does not undo: playing, recording set-up, selection."""

    def test_transport_arm_session_record_and_selection_are_not_undone(self):
        keys = self.song.tracks[3]
        self.step(lambda: (self.song.start_playing(), setattr(keys, "arm", True),
                           setattr(self.song.view, "selected_track", keys), keys.clip_slots[0].fire()))
        self.step(lambda: setattr(self.song, "session_record", True))
        self.assertFalse(self.song.can_undo)
        self.assertTrue(self.song.is_playing)


if __name__ == "__main__":
    unittest.main()
