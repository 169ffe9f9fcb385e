"""Tracks (issue 17): routing as types and channels, group tracks that fold, a track's arrangement
clips, and Live 12.3's insert_device (README, "Evidence: track routing", "Evidence: group tracks",
"Evidence: the arrangement")."""
import os
import struct
import tempfile
import unittest
import wave

from support import SteppedLive
from simulator import default_set

import Live
from Live import _version

CATEGORY = Live.Track.RoutingTypeCategory


def write_wav(folder, name="probe.wav", seconds=2.0, rate=44100):
    path = os.path.join(folder, name)
    with wave.open(path, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\0\0" * int(seconds * rate))
    return path


def write_aiff(folder, frames=88200):
    """A silent AIFF: COMM (channels, frames, bits, 80-bit rate 44100) and an empty SSND."""
    comm = struct.pack(">hIh", 1, frames, 16) + struct.pack(">HQ", 0x400E, 0xAC44 << 48)
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm + b"SSND" + struct.pack(">III", 8, 0, 0)
    path = os.path.join(folder, "probe.aif")
    with open(path, "wb") as handle:
        handle.write(b"FORM" + struct.pack(">I", len(body)) + body)
    return path


class Routing(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.midi, self.audio = self.song.tracks[0], self.song.tracks[2]

    def tearDown(self):
        self.live.close()

    def test_an_audio_track_takes_ext_in_and_goes_to_the_main_track(self):
        routing = self.audio.input_routing_type
        self.assertEqual((routing.display_name, routing.category), ("Ext. In", CATEGORY.external))
        self.assertEqual(type(routing).__name__, "RoutingType")
        self.assertEqual(self.audio.input_routing_channel.display_name, "1/2")
        self.assertEqual(self.audio.input_routing_channel.layout, Live.Track.RoutingChannelLayout.stereo)
        self.assertEqual([c.display_name for c in self.audio.available_input_routing_channels], ["1", "2", "1/2"])
        names = [t.display_name for t in self.audio.available_input_routing_types]
        self.assertEqual(names, ["Ext. In", "Resampling", "4-Audio", "A-Reverb", "B-Delay",
                                 "Main" if _version.MAJOR >= 12 else "Master", "No Input"])
        self.assertIs(self.audio.available_input_routing_types[2].attached_object, self.song.tracks[3])
        self.assertEqual(self.audio.output_routing_type.category, CATEGORY.master)
        self.assertEqual(self.audio.current_input_routing, "Ext. In")  # the older API reads the same choice

    def test_a_midi_track_with_no_instrument_sends_midi_nowhere(self):
        self.assertEqual(self.midi.input_routing_type.display_name, "All Ins")
        self.assertEqual(self.midi.input_routing_channel.display_name, "All Channels")
        self.assertEqual(len(self.midi.available_input_routing_channels), 17)
        self.assertEqual((self.midi.has_midi_output, self.midi.has_audio_output), (True, False))
        self.assertEqual(self.midi.output_routing_type.display_name, "No Output")
        self.midi._add_device(
            Live.Device.Device(self.midi, "Operator", "Operator", "Operator", Live.Device.DeviceType.instrument))
        self.assertEqual((self.midi.has_midi_output, self.midi.has_audio_output), (False, True))
        self.assertEqual(self.midi.output_routing_type.category, CATEGORY.master)

    def test_setting_a_type_and_channel_from_the_lists_and_listeners_hear_it(self):
        heard = []
        self.audio.add_input_routing_type_listener(lambda: heard.append("type"))
        self.audio.add_input_routing_channel_listener(lambda: heard.append("channel"))
        resampling = [t for t in self.audio.available_input_routing_types if t.display_name == "Resampling"][0]
        self.audio.input_routing_type = resampling
        self.assertEqual(self.audio.input_routing_type, resampling)
        self.assertEqual(list(self.audio.available_input_routing_channels), [])
        self.assertIn("type", heard)
        self.audio.input_routing_type = self.audio.available_input_routing_types[0]
        self.audio.input_routing_channel = self.audio.available_input_routing_channels[0]
        self.assertEqual(self.audio.current_input_sub_routing, "1")
        self.audio.current_input_routing = "No Input"  # the older API by name
        self.assertEqual(self.audio.input_routing_type.category, CATEGORY.none)

    def test_a_type_or_channel_not_offered_raises_value_error(self):
        with self.assertRaises(ValueError):
            self.audio.input_routing_type = self.midi.available_input_routing_types[0]  # "All Ins"
        with self.assertRaises(ValueError):
            self.audio.input_routing_channel = self.midi.available_input_routing_channels[1]
        with self.assertRaises(Exception):
            self.audio.input_routing_type = "Ext. In"  # not a RoutingType: Boost.Python refuses it

    def test_renamed_and_deleted_tracks_follow(self):
        heard = []
        self.audio.add_available_input_routing_types_listener(lambda: heard.append(1))
        source = [t for t in self.audio.available_input_routing_types if t.display_name == "4-Audio"][0]
        self.audio.input_routing_type = source
        self.assertEqual(self.audio.input_routing_channel.display_name, "Post FX")
        self.song.tracks[3].name = "Vox"
        self.assertEqual(self.audio.input_routing_type.display_name, "Vox")
        self.song.delete_track(3)
        self.assertEqual(self.audio.input_routing_type.display_name, "Ext. In")  # back to the default
        self.assertTrue(heard)

    def test_returns_have_no_input_and_the_master_no_output(self):
        with self.assertRaises(RuntimeError):
            self.song.return_tracks[0].input_routing_type
        with self.assertRaises(RuntimeError):
            self.song.master_track.available_output_routing_types
        self.assertEqual([t.display_name for t in self.song.return_tracks[0].available_output_routing_types][1:],
                         ["Ext. Out"])


class GroupTracks(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)  # the demo set: "Atmos" holds "Riser" and "Texture"
        self.song = self.live.song
        self.song.tempo = 120.0
        self.group, self.riser, self.texture = self.song.tracks[8], self.song.tracks[9], self.song.tracks[10]

    def tearDown(self):
        self.live.close()

    def test_the_group_holds_the_two_tracks_after_the_demo_sets_eight(self):
        self.assertEqual([t.name for t in self.song.tracks][7:], ["Vox", "Atmos", "Riser", "Texture"])
        self.assertEqual((self.group.is_foldable, self.group.is_grouped, self.group.fold_state), (True, False, False))
        self.assertEqual([(t.is_grouped, t.group_track) for t in (self.riser, self.texture)],
                         [(True, self.group), (True, self.group)])
        self.assertIsNone(self.song.tracks[0].group_track)
        self.assertFalse(self.group.can_be_armed)
        with self.assertRaises(RuntimeError):
            self.song.tracks[0].fold_state  # "Only available if is_foldable is True"

    def test_folding_hides_the_tracks_it_holds(self):
        heard = []
        self.song.add_visible_tracks_listener(lambda: heard.append(1))
        self.group.fold_state = True
        self.assertEqual((self.riser.is_visible, self.texture.is_visible), (False, False))
        self.assertEqual(len(self.song.visible_tracks), 9)
        self.assertEqual(len(self.song.tracks), 11)
        self.group.fold_state = False
        self.assertEqual(len(self.song.visible_tracks), 11)
        self.assertEqual(heard, [1, 1])

    def test_a_group_slot_shows_and_plays_its_row(self):
        slot = self.group.clip_slots[3]
        self.assertEqual((slot.is_group_slot, slot.has_clip, slot.controls_other_clips), (True, False, True))
        self.assertEqual(slot.color, self.riser.clip_slots[3].clip.color)
        self.assertFalse(self.group.clip_slots[0].controls_other_clips)
        heard = []
        slot.add_playing_status_listener(lambda: heard.append(slot.playing_status))
        slot.fire()
        self.assertEqual(self.riser.playing_slot_index, 3)
        self.assertTrue(slot.is_playing)
        self.assertEqual(heard, [Live.ClipSlot.ClipSlotPlayingState.started])
        slot.stop()
        self.live.advance(2.0)
        self.assertFalse(slot.is_playing)
        with self.assertRaises(RuntimeError):
            slot.create_clip(4.0)
        with self.assertRaises(RuntimeError):
            self.riser.clip_slots[3].duplicate_clip_to(slot)

    def test_deleting_the_group_deletes_its_tracks_and_undo_brings_them_back(self):
        self.song.delete_track(8)
        self.assertEqual(len(self.song.tracks), 8)
        self.song.undo()
        self.assertEqual([t.name for t in self.song.tracks][8:], ["Atmos", "Riser", "Texture"])
        self.assertIs(self.song.tracks[9].group_track, self.song.tracks[8])
        self.assertEqual(self.song.tracks[9].output_routing_type.display_name, "Group")

    def test_a_grouped_track_goes_to_its_group(self):
        routing = self.riser.output_routing_type
        self.assertEqual((routing.display_name, routing.category), ("Group", CATEGORY.parent_group_track))
        self.assertIs(routing.attached_object, self.group)


class Arrangement(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.folder = tempfile.mkdtemp(prefix="live-gaps-")
        self.audio = self.song.tracks[2]

    def tearDown(self):
        self.live.close()

    def test_an_audio_file_into_the_arrangement(self):
        clip = self.audio.create_audio_clip(write_wav(self.folder), 16.0)
        self.assertEqual((clip.is_arrangement_clip, clip.is_audio_clip, clip.start_time), (True, True, 16.0))
        self.assertEqual((clip.length, clip.end_time, clip.warping, clip.warp_mode), (4.0, 20.0, True, 0))
        self.assertEqual(list(self.audio.arrangement_clips), [clip])
        self.assertIs(clip.canonical_parent, self.audio)
        self.assertIsNone(clip.automation_envelope(self.audio.mixer_device.volume))
        with self.assertRaises(RuntimeError) as caught:
            clip.create_automation_envelope(self.audio.mixer_device.volume)
        self.assertEqual(str(caught.exception), "Not a session clip or parameter belongs to another track.")

    def test_what_live_refuses(self):
        with self.assertRaises(RuntimeError) as caught:
            self.song.tracks[0].create_audio_clip(write_wav(self.folder), 0.0)
        self.assertEqual(str(caught.exception), "Audio clips can only be created on audio tracks")
        with self.assertRaises(ValueError) as caught:
            self.audio.create_audio_clip("relative/probe.wav", 0.0)
        self.assertEqual(str(caught.exception), "Please provide an absolute path")
        with self.assertRaises(ValueError) as caught:
            self.audio.create_audio_clip(os.path.join(self.folder, "missing.wav"), 0.0)
        self.assertEqual(str(caught.exception), "The provided path does not appear to point to a valid audio file")
        with self.assertRaises(RuntimeError):
            self.audio.create_audio_clip(write_wav(self.folder), 1576801.0)

    def test_aiff_files_are_read_too(self):
        clip = self.audio.create_audio_clip(write_aiff(self.folder), 0.0)
        self.assertEqual((clip.sample_length, clip.sample_rate, clip.length), (88200, 44100.0, 4.0))

    def test_a_session_clip_duplicated_to_the_arrangement_and_deleted(self):
        clip = self.audio.clip_slots[0].create_audio_clip(write_wav(self.folder))
        copy = self.audio.duplicate_clip_to_arrangement(clip, 32.0)
        self.assertEqual((copy.start_time, copy.file_path, copy.is_arrangement_clip), (32.0, clip.file_path, True))
        with self.assertRaises(RuntimeError):
            self.song.tracks[0].duplicate_clip_to_arrangement(clip, 0.0)  # a MIDI track
        with self.assertRaises(RuntimeError):
            self.song.tracks[3].delete_clip(copy)  # "when the clip belongs to another track"
        self.audio.delete_clip(copy)
        self.assertTrue(copy == None)  # noqa: E711
        self.assertEqual(list(self.audio.arrangement_clips), [])
        self.audio.delete_clip(clip)
        self.assertFalse(self.audio.clip_slots[0].has_clip)

    @unittest.skipIf(_version.MAJOR < 12, "Live 12 only")
    def test_an_empty_midi_clip_into_the_arrangement(self):
        clip = self.song.tracks[0].create_midi_clip(8.0, 4.0)
        self.assertEqual((clip.is_midi_clip, clip.start_time, clip.length), (True, 8.0, 4.0))
        with self.assertRaises(RuntimeError):
            self.audio.create_midi_clip(0.0, 4.0)

    @unittest.skipIf(_version.MAJOR >= 12, "Live 11 only")
    def test_live_11_has_no_create_midi_clip_nor_insert_device(self):
        self.assertFalse(hasattr(self.song.tracks[0], "create_midi_clip"))
        self.assertFalse(hasattr(self.song.tracks[0], "insert_device"))


@unittest.skipIf(_version.MAJOR < 12, "Live 12.3 only")
class InsertDevice(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.track = self.live.song.tracks[0]

    def tearDown(self):
        self.live.close()

    def test_devices_by_their_names_in_the_ui_where_live_allows_them(self):
        operator = self.track.insert_device("Operator")
        self.assertEqual((operator.name, operator.class_name), ("Operator", "Operator"))
        self.assertGreater(len(operator.parameters), 10)  # the simulator's Operator, with its real parameters
        self.track.insert_device("Arpeggiator", 0)
        self.track.insert_device("Reverb")
        self.assertEqual([d.class_name for d in self.track.devices], ["MidiArpeggiator", "Operator", "Reverb"])
        with self.assertRaises(RuntimeError):
            self.track.insert_device("Chord", 2)  # "a MIDI effect can't be inserted after an instrument"
        with self.assertRaises(RuntimeError):
            self.track.insert_device("Drift")  # a second instrument
        with self.assertRaises(RuntimeError):
            self.track.insert_device("No Such Device")


if __name__ == "__main__":
    unittest.main()
