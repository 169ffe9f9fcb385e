"""Live's selection as the clip editor follows it: the highlighted slot and the detail clip."""
import unittest

from support import SteppedLive


class Selection(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.view = self.song.view
        self.keys = self.song.tracks[3]
        self.fired = []
        self.view.add_detail_clip_listener(lambda: self.fired.append(self.view.detail_clip))

    def tearDown(self):
        self.live.close()

    def test_observable_as_in_the_dumps(self):
        self.assertTrue(hasattr(self.view, "add_detail_clip_listener"))
        self.assertFalse(hasattr(self.view, "add_highlighted_clip_slot_listener"))  # follow the track and scene
        self.assertFalse(hasattr(self.song, "add_can_undo_listener"))
        self.assertFalse(hasattr(self.song, "add_can_redo_listener"))

    def test_the_highlighted_slot_is_the_selected_track_in_the_selected_scene(self):
        self.view.selected_track = self.keys
        self.view.selected_scene = self.song.scenes[2]
        self.assertIs(self.view.highlighted_clip_slot, self.keys.clip_slots[2])
        self.assertIs(self.view.detail_clip, self.keys.clip_slots[2].clip)
        self.assertEqual(self.fired, [self.keys.clip_slots[0].clip, self.keys.clip_slots[2].clip])

    def test_highlighting_a_slot_selects_its_track_and_scene(self):
        self.view.highlighted_clip_slot = self.keys.clip_slots[0]
        self.assertIs(self.view.selected_track, self.keys)
        self.assertIs(self.view.selected_scene, self.song.scenes[0])
        self.assertIs(self.view.detail_clip, self.keys.clip_slots[0].clip)

    def test_an_empty_slot_leaves_no_detail_clip_and_return_tracks_no_highlighted_slot(self):
        self.view.highlighted_clip_slot = self.keys.clip_slots[1]
        self.assertIsNone(self.view.detail_clip)
        self.view.selected_track = self.song.return_tracks[0]
        self.assertIsNone(self.view.highlighted_clip_slot)

    def test_firing_a_clip_selects_it_with_select_on_launch(self):
        self.assertTrue(self.song.select_on_launch)
        self.keys.clip_slots[2].fire()
        self.assertIs(self.view.highlighted_clip_slot, self.keys.clip_slots[2])
        self.assertIs(self.view.detail_clip, self.keys.clip_slots[2].clip)
        self.song.tracks[4].clip_slots[0].clip.fire()
        self.assertIs(self.view.detail_clip, self.song.tracks[4].clip_slots[0].clip)

    def test_nothing_is_selected_when_select_on_launch_is_off(self):
        self.song._values["select_on_launch"] = False  # a preference in Live, not settable from scripts
        self.keys.clip_slots[2].fire()
        self.assertIs(self.view.selected_track, self.song.tracks[0])

    def test_the_detail_clip_follows_clips_created_and_deleted_in_the_highlighted_slot(self):
        slot = self.song.tracks[5].clip_slots[0]
        self.view.highlighted_clip_slot = slot
        clip = slot.create_clip(4.0)
        self.assertIs(self.view.detail_clip, clip)
        slot.delete_clip()
        self.assertIsNone(self.view.detail_clip)
        self.song.undo()  # the deletion
        self.assertIs(self.view.detail_clip, slot.clip)
        self.song.undo()  # the creation
        self.assertIsNone(self.view.detail_clip)

    def test_a_detail_clip_deleted_elsewhere_is_none(self):
        clip = self.keys.clip_slots[0].clip
        self.view.detail_clip = clip
        self.song.delete_track(3)
        self.assertIsNone(self.view.detail_clip)


if __name__ == "__main__":
    unittest.main()


class SelectingADevice(unittest.TestCase):
    """`select_device` selects in the device's own track; the selected track stays."""

    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.view = self.song.view

    def tearDown(self):
        self.live.close()

    def devices_of(self, track):
        self.assertGreaterEqual(len(track.devices), 2, "the demo set's track has two devices")
        return track.devices

    def test_a_device_on_another_track_is_selected_there_and_not_appointed(self):
        first, other = self.song.tracks[0], self.song.tracks[2]
        self.view.selected_track = first
        appointed = self.song.appointed_device
        device = self.devices_of(other)[1]
        self.view.select_device(device)
        self.assertIs(self.view.selected_track, first)
        self.assertIs(other.view.selected_device, device)
        self.assertIs(self.song.appointed_device, appointed)

    def test_a_device_on_the_selected_track_is_appointed_unless_asked_not_to(self):
        track = self.song.tracks[2]
        self.view.selected_track = track
        first, second = self.devices_of(track)[0], self.devices_of(track)[1]
        self.view.select_device(second)
        self.assertIs(track.view.selected_device, second)
        self.assertIs(self.song.appointed_device, second)
        self.view.select_device(first, False)
        self.assertIs(track.view.selected_device, first)
        self.assertIs(self.song.appointed_device, second)
