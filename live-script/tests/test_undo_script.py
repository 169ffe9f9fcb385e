"""Live's undo through the script: the functions are callable, and no client leaves a step open."""
import unittest

from support import SteppedLive

CLIP = "live_set tracks 3 clip_slots 0 clip"


class UndoThroughTheScript(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()
        self.song = self.live.song
        self.history = self.song._history
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def call(self, fn, target="live_set", client=None, **fields):
        return (client or self.client).result("call", target=target, fn=fn, **fields)

    def can(self, what):
        return self.client.result("get", target="live_set", prop="can_" + what)

    def test_a_gesture_undone_and_redone(self):
        before = self.call("get_all_notes_extended", CLIP)
        self.assertFalse(self.can("undo"))
        self.call("begin_undo_step")
        added = self.call("add_new_notes", CLIP, args=[[{"pitch": 100, "start_time": 1, "duration": 0.5}]])
        self.call("apply_note_modifications", CLIP, args=[[{"note_id": added[0], "velocity": 20}]])
        self.call("end_undo_step")
        self.assertTrue(self.can("undo"))  # read in a later turn: the step is in the history
        self.assertEqual(self.call("undo"), "Undo Custom Action")
        self.assertEqual(self.call("get_all_notes_extended", CLIP), before)
        self.assertTrue(self.can("redo"))
        self.assertEqual(self.call("redo"), "Redo Custom Action")
        self.assertEqual(self.call("get_notes_by_id", CLIP, args=[added])[0]["velocity"], 20.0)

    def test_can_undo_cannot_be_observed_as_in_live(self):
        reply = self.client.request("observe", target="live_set", prop="can_undo")
        self.assertFalse(reply["ok"])
        self.assertEqual(reply["error"]["code"], "bad_request")

    def test_an_observer_of_the_notes_hears_the_undo(self):
        self.client.result("observe", target=CLIP, prop="notes")
        self.call("begin_undo_step")
        self.call("add_new_notes", CLIP, args=[[{"pitch": 100, "start_time": 1, "duration": 0.5}]])
        self.call("end_undo_step")
        self.client.wait_event(lambda e: e["ev"] == "changes")
        self.call("undo")
        self.client.wait_event(lambda e: e["ev"] == "changes")

    def test_a_client_leaving_mid_gesture_ends_its_open_steps(self):
        leaving = self.live.client()
        self.call("begin_undo_step", client=leaving)
        self.call("begin_undo_step", client=leaving)
        self.client.result("set", target=CLIP, prop="name", value="Mid-gesture")
        self.call("end_undo_step", client=leaving)
        leaving.close()
        self.live.advance(0.05)
        self.assertEqual(self.history._depth, 0)
        self.assertTrue(self.can("undo"))  # the step it left open is in the history, not swallowing what follows
        self.client.result("set", target="live_set", prop="tempo", value=130)
        self.call("end_undo_step")
        self.call("undo")
        self.assertEqual(self.song.tracks[3].clip_slots[0].clip.name, "Mid-gesture")

    def test_a_client_ends_only_what_it_began(self):
        other = self.live.client()
        self.call("begin_undo_step", client=other)
        self.call("begin_undo_step")
        self.call("end_undo_step")
        self.call("end_undo_step")  # one end too many: Live's business (its count is the set's), not counted here
        self.assertEqual(self.history._depth, 0)
        self.call("begin_undo_step", client=other)
        self.client.close()
        self.live.advance(0.05)
        self.assertEqual(self.history._depth, 1)  # the other client's step stays open

    def test_the_script_unloading_ends_open_steps(self):
        self.call("begin_undo_step")
        self.live.host.shutdown()  # Live calls disconnect()
        self.assertEqual(self.history._depth, 0)


if __name__ == "__main__":
    unittest.main()
