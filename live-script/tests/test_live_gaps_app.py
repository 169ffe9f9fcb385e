"""The application (issue 17): Live's browser and loading from it, dialogs, and the view's
scroll_view, zoom_view and visibility listeners (README, "Evidence: the browser" and
"Evidence: the application")."""
import unittest

from support import SteppedLive
from simulator import default_set

import Live
from Live import _version

NAV = Live.Application.Application.View.NavDirection


class BrowserTree(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False, build=default_set.build)
        self.song = self.live.song
        self.browser = self.live.host.application.browser

    def tearDown(self):
        self.live.close()

    def item(self, category, name):
        return [item for item in getattr(self.browser, category).children if item.name == name][0]

    def test_the_categories_and_their_items(self):
        self.assertEqual(type(self.browser).__name__, "Browser")
        self.assertIs(Live.Application.get_application().browser, self.browser)
        for category in ("instruments", "audio_effects", "midi_effects", "drums", "sounds", "samples", "clips",
                         "packs", "plugins", "max_for_live", "user_library", "current_project"):
            item = getattr(self.browser, category)
            self.assertTrue(item.is_folder, category)
            self.assertEqual(type(item).__name__, "BrowserItem")
        operator = self.item("instruments", "Operator")
        self.assertEqual((operator.uri, operator.is_device, operator.is_loadable, operator.is_folder),
                         ("query:Synths#Operator", True, True, False))
        self.assertEqual(self.item("audio_effects", "EQ Eight").uri, "query:AudioFx#EQ%20Eight")
        self.assertEqual([item.name for item in self.browser.instruments.iter_children],
                         [item.name for item in self.browser.instruments.children])
        self.assertEqual(self.browser.instruments, self.browser.instruments)  # new wrappers, equal by uri
        self.assertEqual(list(self.browser.legacy_libraries), [])
        kit = self.item("drums", "909 Core Kit.adg")
        self.assertEqual(kit.uri, "query:Drums#FileId_14946")

    def test_loading_an_instrument_on_the_selected_midi_track(self):
        track = self.song.tracks[0]
        self.song.view.selected_track = track
        self.browser.load_item(self.item("midi_effects", "Arpeggiator"))
        self.browser.load_item(self.item("instruments", "Operator"))
        self.assertEqual([d.class_name for d in track.devices], ["MidiArpeggiator", "Operator"])
        self.assertEqual(track.name, "1-Operator")  # a default-named track takes the instrument's name
        self.assertEqual(track.view.selected_device, track.devices[1])
        self.assertEqual(self.song.appointed_device, track.devices[1])
        self.browser.load_item(self.item("instruments", "Analog"))  # an instrument replaces the instrument
        self.assertEqual([d.class_name for d in track.devices], ["MidiArpeggiator", "UltraAnalog"])
        self.browser.load_item(self.item("midi_effects", "Chord"))  # before the instrument
        self.assertEqual([d.class_name for d in track.devices], ["MidiArpeggiator", "MidiChord", "UltraAnalog"])

    def test_effects_kits_presets_and_samples(self):
        audio = self.song.tracks[2]
        self.song.view.selected_track = audio
        self.browser.load_item(self.item("audio_effects", "Reverb"))
        self.assertEqual([d.name for d in audio.devices], ["Reverb"])
        with self.assertRaises(RuntimeError):
            self.browser.load_item(self.item("instruments", "Drift"))  # no instrument on an audio track
        sample = self.browser.samples.children[1].children[0]
        self.browser.load_item(sample)
        self.assertEqual((audio.clip_slots[0].clip.name, audio.clip_slots[0].clip.is_audio_clip),
                         ("Break 120 bpm", True))
        midi = self.song.tracks[1]
        self.song.view.selected_track = midi
        self.browser.load_item(self.item("drums", "909 Core Kit.adg"))
        self.assertEqual((midi.devices[0].name, midi.devices[0].class_name, midi.devices[0].can_have_drum_pads),
                         ("909 Core Kit", "DrumGroupDevice", True))
        self.browser.load_item(self.browser.sounds.children[0].children[0])  # Bass / Sub Bass.adv
        self.assertEqual(midi.devices[0].name, "Sub Bass")
        with self.assertRaises(RuntimeError):
            self.browser.load_item(self.browser.sounds)  # a folder

    def test_hotswap_and_the_browser_properties(self):
        track = self.song.return_tracks[0]
        self.song.view.selected_track = track
        reverb = track.devices[0]
        self.browser.hotswap_target = reverb
        self.assertEqual(self.browser.relation_to_hotswap_target(self.item("audio_effects", "Reverb")),
                         Live.Browser.Relation.equal)
        self.browser.load_item(self.item("audio_effects", "Delay"))
        self.assertEqual([d.name for d in track.devices], ["Delay"])
        self.assertTrue(reverb == None)  # noqa: E711
        heard = []
        self.browser.add_filter_type_listener(lambda: heard.append(self.browser.filter_type))
        self.browser.filter_type = Live.Browser.FilterType.samples
        self.assertEqual(heard, [6])
        self.browser.preview_item(self.item("audio_effects", "Delay"))
        self.browser.stop_preview()


class ApplicationGaps(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.song = self.live.song
        self.app = self.live.host.application
        self.view = self.app.view

    def tearDown(self):
        self.live.close()

    def test_dialogs_count_and_a_button_closes_the_current(self):
        heard = []
        self.app.add_open_dialog_count_listener(lambda: heard.append(self.app.open_dialog_count))
        self.app.press_current_dialog_button(0)  # none open: nothing happens
        self.app._show_dialog("Save changes?", ("Yes", "No", "Cancel"))
        self.assertEqual((self.app.open_dialog_count, self.app.current_dialog_message,
                          self.app.current_dialog_button_count), (1, "Save changes?", 3))
        with self.assertRaises(RuntimeError):
            self.app.press_current_dialog_button(3)
        self.app.press_current_dialog_button(1)
        self.assertEqual((self.app.open_dialog_count, self.app.current_dialog_message), (0, ""))
        self.assertEqual(heard, [1, 0])

    def test_scroll_view_moves_the_selection_as_the_arrow_keys_do(self):
        self.song.view.selected_scene = self.song.scenes[0]
        self.view.scroll_view(NAV.down, "Session", False)
        self.assertEqual(self.song.view.selected_scene, self.song.scenes[1])
        self.view.scroll_view(NAV.up, "", False)  # '': the main view in front
        self.view.scroll_view(NAV.up, "", False)  # at the top nothing moves
        self.assertEqual(self.song.view.selected_scene, self.song.scenes[0])
        self.song.view.selected_track = self.song.tracks[-1]  # the last track: right goes to the returns
        self.view.scroll_view(NAV.right, "Session", False)
        self.assertEqual(self.song.view.selected_track, self.song.return_tracks[0])
        pad = self.song.tracks[4]
        self.song.view.selected_track = pad
        self.song.view.select_device(pad.devices[0])
        self.view.scroll_view(NAV.right, "Detail/DeviceChain", False)
        self.assertEqual(pad.view.selected_device, pad.devices[1])
        self.view.scroll_view(NAV.down, "No Such View", False)  # "silently return"
        self.view.zoom_view(NAV.up, "Arranger", True)

    def test_view_listeners_and_the_views_that_take_turns(self):
        heard = []
        self.view.add_is_view_visible_listener("Detail/Clip", lambda: heard.append("clip"))
        self.view.add_is_view_visible_listener("Arranger", lambda: heard.append("arranger"))
        self.view.add_view_focus_changed_listener(lambda: heard.append("focus"))
        self.view.show_view("Detail/DeviceChain")
        self.assertFalse(self.view.is_view_visible("Detail/Clip"))
        self.view.focus_view("Arranger")
        self.assertEqual((self.view.focused_document_view, self.view.is_view_visible("Session")),
                         ("Arranger", False))
        self.assertEqual(heard, ["clip", "arranger", "focus"])
        self.assertEqual(list(self.view.available_main_views())[:3], ["Browser", "Arranger", "Session"])
        callback = heard.append
        self.view.add_is_view_visible_listener("Session", callback)
        self.assertTrue(self.view.is_view_visible_has_listener("Session", callback))
        self.view.remove_is_view_visible_listener("Session", callback)
        self.assertFalse(self.view.is_view_visible_has_listener("Session", callback))

    @unittest.skipIf(_version.MAJOR < 12, "the version differs")
    def test_main_is_live_12s_name(self):
        self.assertEqual(self.song.master_track.name, "Main")


if __name__ == "__main__":
    unittest.main()
