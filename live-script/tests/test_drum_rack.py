"""A Drum Rack in the demo set: its pads, and scrolling which sixteen are visible."""
import unittest

from support import SteppedLive


class DrumRackTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive(script=False)
        self.rack = self.live.song.tracks[0].devices[0]

    def tearDown(self):
        self.live.close()

    def test_shows_sixteen_pads_from_c1_named_after_their_chains(self):
        self.assertEqual(self.rack.view.drum_pads_scroll_position, 9)
        pads = self.rack.visible_drum_pads
        self.assertEqual([pad.note for pad in pads], list(range(36, 52)))
        self.assertEqual(pads[0].name, "Kick 808")
        self.assertEqual(len(pads[0].chains), 1)
        self.assertEqual(len(pads[4].chains), 0)

    def test_scrolling_moves_the_visible_pads_and_tells_their_listeners(self):
        heard = []
        self.rack.add_visible_drum_pads_listener(lambda: heard.append("pads"))
        self.rack.view.add_drum_pads_scroll_position_listener(lambda: heard.append("scroll"))
        self.rack.view.drum_pads_scroll_position = 10
        self.assertEqual([pad.note for pad in self.rack.visible_drum_pads], list(range(40, 56)))
        self.assertEqual(sorted(heard), ["pads", "scroll"])
        self.rack.view.drum_pads_scroll_position = 28
        self.assertEqual(self.rack.visible_drum_pads[-1].note, 127)

    def test_a_row_out_of_range_is_refused_and_changes_nothing(self):
        for row in (-1, 29):
            with self.assertRaises(RuntimeError):
                self.rack.view.drum_pads_scroll_position = row
        self.assertEqual(self.rack.view.drum_pads_scroll_position, 9)


if __name__ == "__main__":
    unittest.main()
