"""The LiveSurface script on the simulator: resolution and ids, conversions, observations, errors."""
import json
import unittest

from support import SteppedLive


class ScriptTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()
        self.song = self.live.song
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def result(self, op, **fields):
        return self.client.result(op, **fields)

    def error(self, op, **fields):
        reply = self.client.request(op, **fields)
        self.assertFalse(reply["ok"], reply)
        return reply["error"]["code"]


class Resolution(ScriptTest):
    def test_ids_survive_reordering_and_paths_follow(self):
        bass = self.result("get", target="live_set tracks 2")
        self.assertEqual(bass["path"], "live_set tracks 2")
        self.song._move_track(2, 5)
        moved = self.result("get", target="id %d" % bass["$ref"])
        self.assertEqual(moved, {"$ref": bass["$ref"], "type": "Track", "path": "live_set tracks 5"})
        self.assertEqual(self.result("get", target="id %d" % bass["$ref"], prop="name"), "Bass")

    def test_scene_and_device_ids_survive_reordering(self):
        scene = self.result("get", target="live_set scenes 1")
        slot = self.result("get", target="live_set tracks 0 clip_slots 1")
        self.song._move_scene(1, 6)
        self.assertEqual(self.result("get", target="id %d" % scene["$ref"])["path"], "live_set scenes 6")
        self.assertEqual(self.result("get", target="id %d" % slot["$ref"])["path"], "live_set tracks 0 clip_slots 6")
        device = self.result("get", target="live_set tracks 4 devices 1")
        pad = self.song.tracks[4]
        pad._devices.insert(0, pad._devices.pop(1))
        self.assertEqual(self.result("get", target="id %d" % device["$ref"])["path"], "live_set tracks 4 devices 0")

    def test_the_same_object_keeps_one_id_through_any_path(self):
        first = self.result("get", target="live_set tracks 0")["$ref"]
        second = self.result("get", target="live_set view selected_track")
        self.assertEqual(second["$ref"], first)
        self.assertEqual(second["path"], "live_set tracks 0")

    def test_canonical_paths_of_nested_objects(self):
        cases = {
            "live_set tracks 0 devices 0 chains 2 devices 0 parameters 1":
                "live_set tracks 0 devices 0 chains 2 devices 0 parameters 1",
            "live_set tracks 0 devices 0 drum_pads 36 chains 0": "live_set tracks 0 devices 0 chains 0",
            "live_set master_track mixer_device crossfader": "live_set master_track mixer_device crossfader",
            "live_set return_tracks 1 mixer_device sends 0": "live_set return_tracks 1 mixer_device sends 0",
            "live_app view": "live_app view",
            # a cue point's parent is the song (test_cue_points.py); its place is its index by time
            "live_set cue_points 1": "live_set cue_points 1",
        }
        for target, path in cases.items():
            with self.subTest(target):
                self.assertEqual(self.result("get", target=target)["path"], path)

    def test_a_deleted_object_is_gone_and_its_id_never_reused(self):
        track = self.result("get", target="live_set tracks 10")["$ref"]  # the last track
        self.result("call", target="live_set", fn="delete_track", args=[10])
        self.assertEqual(self.error("get", target="id %d" % track, prop="name"), "gone")
        created = self.result("call", target="live_set", fn="create_midi_track", args=[-1])
        self.assertNotEqual(created["$ref"], track)
        self.assertEqual(created["path"], "live_set tracks 10")

    def test_forgotten_ids_stay_gone(self):
        track = self.result("get", target="live_set tracks 7")["$ref"]
        self.song.delete_track(7)
        registry = self.live.surface._registry
        before = len(registry)
        registry.sweep()
        self.assertLess(len(registry), before)
        self.assertEqual(self.error("get", target="id %d" % track), "gone")

    def test_forbidden_names_never_reach_python_internals(self):
        for target, prop in [("live_set", "_live_ptr"), ("live_set", "__class__"), ("live_set", "__dict__"),
                             ("live_set", "add_tempo_listener"), ("live_set view", "_live_ptr")]:
            with self.subTest(prop):
                self.assertEqual(self.error("get", target=target, prop=prop), "forbidden")
        self.assertEqual(self.error("get", target="live_set __class__ __init__ __globals__"), "forbidden")
        self.assertEqual(self.error("call", target="live_set", fn="__reduce__"), "forbidden")
        self.assertEqual(self.error("call", target="live_set", fn="_Song__secret"), "forbidden")
        self.assertEqual(self.error("set", target="live_set", prop="__class__", value=1), "forbidden")


class Conversions(ScriptTest):
    def test_enums_are_ints_and_vectors_lists(self):
        self.assertEqual(self.result("get", target="live_set", prop="clip_trigger_quantization"), 4)
        self.assertEqual(self.result("get", target="live_set", prop="scale_intervals"), [0, 2, 3, 5, 7, 8, 10])

    def test_value_objects_become_plain_objects(self):
        self.assertEqual(self.result("call", target="live_set", fn="get_current_beats_song_time"),
                         {"bars": 1, "beats": 1, "sub_division": 1, "ticks": 0})

    def test_numbers_are_coerced_to_what_live_wants(self):
        self.result("set", target="live_set", prop="tempo", value=100)  # int -> float
        self.assertEqual(self.song.tempo, 100.0)
        self.assertIs(type(self.song.tempo), float)
        self.result("set", target="live_set tracks 0", prop="color_index", value=5.0)  # integral float -> int
        self.assertEqual(self.song.tracks[0].color_index, 5)
        self.assertEqual(self.error("set", target="live_set tracks 0", prop="color_index", value=5.5), "bad_request")
        self.assertEqual(self.error("set", target="live_set", prop="metronome", value=1), "bad_request")
        notes = self.result("call", target="live_set tracks 3 clip_slots 0 clip", fn="get_notes_extended",
                            args=[0, 128, 0, 4])  # ints for Live's float times
        self.assertGreater(len(notes), 0)

    def test_references_are_checked_against_the_type_live_expects(self):
        scene = self.result("get", target="live_set scenes 3")
        self.result("set", target="live_set view", prop="selected_scene", value={"$ref": scene["$ref"]})
        self.assertEqual(self.song.view.selected_scene, self.song.scenes[3])
        self.assertEqual(self.error("set", target="live_set view", prop="selected_scene",
                                    value={"$ref": self.result("get", target="live_set tracks 1")["$ref"]}),
                         "bad_request")
        self.assertEqual(self.error("set", target="live_set view", prop="selected_scene", value={"$ref": 9999}),
                         "not_found")
        self.assertEqual(self.error("set", target="live_set view", prop="selected_scene", value="Intro"),
                         "bad_request")

    def test_an_invalid_note_among_valid_ones_adds_nothing(self):
        clip = self.song.tracks[3].clip_slots[0].clip
        before = len(clip.get_all_notes_extended())
        self.assertEqual(self.error("call", target="live_set tracks 3 clip_slots 0 clip", fn="add_new_notes",
                                    args=[[{"pitch": 60, "start_time": 0, "duration": 1},
                                           {"pitch": 60, "start_time": 0, "duration": -1}]]), "bad_request")
        self.assertEqual(len(clip.get_all_notes_extended()), before)

    def test_a_modification_of_a_missing_note_changes_nothing(self):
        target = "live_set tracks 3 clip_slots 0 clip"
        first = self.result("call", target=target, fn="get_all_notes_extended")[0]
        self.assertEqual(self.error("call", target=target, fn="apply_note_modifications",
                                    args=[[{"note_id": first["note_id"], "velocity": 1},
                                           {"note_id": 99999, "velocity": 1}]]), "not_found")
        again = self.result("call", target=target, fn="get_notes_by_id", args=[[first["note_id"]]])[0]
        self.assertEqual(again, first)

    def test_a_live_12_envelope_is_an_object_to_call(self):
        frequency = self.result("get", target="live_set tracks 4 devices 1 parameters 3")
        envelope = self.result("call", target="live_set tracks 4 clip_slots 3 clip", fn="automation_envelope",
                               args=[{"$ref": frequency["$ref"]}])
        self.assertEqual(envelope["type"], "Envelope")
        self.assertEqual(self.result("call", target="id %d" % envelope["$ref"], fn="value_at_time", args=[0]), 0.3)


class Observations(ScriptTest):
    def test_one_live_listener_whatever_the_number_of_observers(self):
        other = self.live.client()
        self.result("observe", target="live_set", prop="tempo")
        self.result("observe", target="live_set", prop="tempo")
        other.result("observe", target="live_set", prop="tempo")
        self.assertEqual(len(self.song._listeners["tempo"]), 1)
        self.result("set", target="live_set", prop="tempo", value=99)
        mine = self.client.wait_event(lambda e: e["ev"] == "changes")
        theirs = other.wait_event(lambda e: e["ev"] == "changes")
        self.assertEqual(mine["changes"], [{"obs": 2, "value": 99.0}, {"obs": 3, "value": 99.0}])
        self.assertEqual(theirs["changes"], [{"obs": 2, "value": 99.0}])

    def test_changes_are_coalesced_to_the_latest_value(self):
        self.result("observe", target="live_set tracks 0 mixer_device volume", prop="value")
        volume = self.song.tracks[0].mixer_device.volume
        for value in (0.1, 0.2, 0.3, 0.4):
            volume.value = value
        event = self.client.wait_event(lambda e: e["ev"] == "changes")
        self.assertEqual(event["changes"], [{"obs": 2, "value": 0.4}])

    def test_a_flush_past_its_deadline_leaves_the_rest_for_the_next(self):
        targets = ["live_set tracks %d mixer_device %s" % (track, control)
                   for track in range(8) for control in ("volume", "panning", "sends 0", "sends 1")]
        for target in targets:
            self.result("observe", target=target, prop="value")
        for track in self.song.tracks:
            mixer = track.mixer_device
            for parameter in [mixer.volume, mixer.panning] + list(mixer.sends):
                parameter.value = 0.5
        hub = self.live.surface._hub
        first, _ = hub.flush(deadline=0.0)  # already past: the first slice only
        second, _ = hub.flush()
        self.assertEqual(sum(len(items) for items in first.values()), 15)
        self.assertEqual(sum(len(items) for items in second.values()), len(targets) - 15)

    def test_the_listener_goes_with_the_last_observer(self):
        observed = self.result("observe", target="live_set", prop="metronome")
        self.assertFalse(observed)
        self.assertEqual(len(self.song._listeners["metronome"]), 1)
        self.result("unobserve", obs=2)
        self.assertEqual(self.song._listeners["metronome"], [])

    def test_a_client_leaving_drops_its_observations(self):
        other = self.live.client()
        other.result("observe", target="live_set", prop="tempo")
        other.close()
        self.live.advance(0.02)
        self.assertEqual(self.song._listeners["tempo"], [])

    def test_disconnect_removes_every_listener_and_closes_the_socket(self):
        self.result("observe", target="live_set", prop="tempo")
        self.result("observe", target="live_set tracks 0", prop="name")
        port = self.live.port
        self.live.surface.disconnect()
        self.assertEqual(self.song._listeners["tempo"], [])
        self.assertEqual(self.song.tracks[0]._listeners["name"], [])
        import socket
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1)
        self.live.host.surfaces = []

    def test_events_without_a_value(self):
        self.assertIsNone(self.result("observe", target="live_set tracks 3 clip_slots 0 clip", prop="notes"))
        self.result("call", target="live_set tracks 3 clip_slots 0 clip", fn="remove_notes_by_id", args=[[1]])
        event = self.client.wait_event(lambda e: e["ev"] == "changes")
        self.assertEqual(event["changes"], [{"obs": 2, "value": None}])

    def test_a_gesture_left_open_by_a_vanishing_client_is_ended(self):
        other = self.live.client()
        other.result("gesture", target="live_set tracks 0 mixer_device volume", phase="begin")
        volume = self.song.tracks[0].mixer_device.volume
        self.assertTrue(volume._touched)
        other.close()
        self.live.advance(0.02)
        self.assertFalse(volume._touched)


class LiveElevenScript(unittest.TestCase):
    """The script treats members Live 11 lacks as absent (here on the Live 12 fake, told it is Live 11)."""

    def test_twelve_only_members_are_not_found_on_eleven(self):
        live = SteppedLive()
        try:
            live.surface._resolver.major = 11
            live.surface._handlers._major = 11
            client = live.client()
            reply = client.request("get", target="live_set tracks 0 mixer_device volume", prop="display_value")
            self.assertEqual(reply["error"]["code"], "not_found")
            self.assertIn("Live 12", reply["error"]["message"])
        finally:
            live.close()


if __name__ == "__main__":
    unittest.main()


class WakePath(unittest.TestCase):
    """An empty sysex on the script's MIDI input drains the socket at once, without waiting
    for the timer or update_display (Live's clock does not move in these tests)."""

    def setUp(self):
        self.live = SteppedLive()
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def send_without_time_passing(self, request):
        self.client.send_line(dict(request, id=99))
        self.client.sock.setblocking(False)

    def test_a_wake_sysex_drains_the_socket(self):
        self.send_without_time_passing({"op": "get", "target": "live_set", "prop": "tempo"})
        self.live.host.midi_in((0xF0, 0xF7))
        self.client.sock.settimeout(2)
        self.assertEqual(json.loads(self.client.sock.recv(4096).decode().splitlines()[0])["result"], 122.0)

    def test_the_wake_sysex_arrives_over_the_midi_socket(self):
        import socket
        midi = socket.create_connection(("127.0.0.1", self.live.host.midi.port))
        try:
            self.live.host._iterate(timeout=0.2)  # accept the MIDI connection
            self.send_without_time_passing({"op": "get", "target": "live_set", "prop": "tempo"})
            midi.sendall(b"\xf0\xf7")
            clock_before = self.live.clock()
            for _ in range(20):
                self.live.host._iterate(timeout=0.2)
                try:
                    data = self.client.sock.recv(4096)
                    break
                except BlockingIOError:
                    continue
            self.assertEqual(self.live.clock(), clock_before)
            self.assertEqual(json.loads(data.decode().splitlines()[0])["result"], 122.0)
        finally:
            midi.close()

    def test_other_sysex_is_not_a_wake_up(self):
        self.send_without_time_passing({"op": "get", "target": "live_set", "prop": "tempo"})
        self.live.host.midi_in((0xF0, 0x7D, 0x00, 0xF7))
        with self.assertRaises(BlockingIOError):
            self.client.sock.recv(4096)


class SessionBox(ScriptTest):
    def test_a_tablets_part_of_the_session_is_outlined_in_live_and_hidden_with_minus_ones(self):
        c_instance = self.live.surface._c_instance
        box = {"track_offset": 2, "scene_offset": 3, "width": 5, "height": 4}
        self.assertIsNone(self.result("session_box", box=box))
        self.assertEqual(c_instance.session_highlight, (2, 3, 5, 4, False))
        self.assertIsNone(self.result("session_box", box=None))
        self.assertEqual(c_instance.session_highlight, (-1, -1, -1, -1, False))

    def test_a_box_of_no_size_is_refused_and_the_outline_kept(self):
        c_instance = self.live.surface._c_instance
        self.result("session_box", box={"track_offset": 0, "scene_offset": 0, "width": 4, "height": 4})
        self.assertEqual(self.error("session_box", box={"track_offset": 0, "scene_offset": 0, "width": 0,
                                                        "height": 4}), "bad_request")
        self.assertEqual(c_instance.session_highlight, (0, 0, 4, 4, False))
