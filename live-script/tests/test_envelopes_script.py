"""The script's envelope operations on the simulator: read, write, erase, envelope_parameters,
and the `envelope_revision` a clip gets from the script. Run in Live 12 here and in Live 11
by test_undo_live11.py (Live 11 has no events and no range erase)."""
import time
import unittest

from support import SteppedLive

import Live
from Live import _version
from simulator import devices

LIVE_12 = _version.MAJOR >= 12
NEEDS_12 = unittest.skipUnless(LIVE_12, "Live 12 API")

BUILD = "live_set tracks 4 clip_slots 3 clip"  # Pad Build: a step per beat on the Auto Filter's Frequency
FREQUENCY = "live_set tracks 4 devices 1 parameters 3"
BASS_BUILD = "live_set tracks 2 clip_slots 3 clip"  # curves on Sub Bass F1 Freq
F1_FREQ = "live_set tracks 2 devices 0 parameters 10"
INTRO = "live_set tracks 4 clip_slots 0 clip"  # a volume swell
VOLUME = "live_set tracks 4 mixer_device volume"
BREAK = "live_set tracks 4 clip_slots 5 clip"  # Filter Type, quantized
FILTER_TYPE = "live_set tracks 4 devices 1 parameters 1"
OUTRO = "live_set tracks 4 clip_slots 7 clip"  # no automation


class EnvelopeTest(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()
        self.song = self.live.song
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def read(self, clip=BUILD, parameter=FREQUENCY, start=0, end=16, step=1, client=None):
        return (client or self.client).result("read_envelope", target=clip, parameter=parameter, start=start, end=end,
                                              step=step)

    def error(self, op, **fields):
        reply = self.client.request(op, **fields)
        self.assertFalse(reply["ok"], reply)
        return reply["error"]

    def everything(self):
        """Every envelope of the set, as the simulator holds it."""
        shapes = []
        for track in self.song._tracks:
            for slot in track._slots:
                if slot._clip is not None:
                    shapes.append(slot._clip._envelopes_state())
        return shapes


class Reading(EnvelopeTest):
    def test_events_in_parameter_units_a_step_first_holding_the_value_before_it(self):
        reading = self.read(end=2, step=0.5)
        self.assertEqual([s["value"] for s in reading["samples"]], [0.3, 0.3, 0.34, 0.34, 0.38])
        if not LIVE_12:
            self.assertIsNone(reading["events"])
            return
        self.assertEqual([(e["time"], e["value"], e["curve"]) for e in reading["events"]],
                         [(0.0, 0.55, None), (0.0, 0.3, None), (1.0, 0.3, None), (1.0, 0.34, None), (2.0, 0.34, None),
                          (2.0, 0.38, None)])

    @NEEDS_12
    def test_curves_and_the_mixers_volume(self):
        events = self.read(BASS_BUILD, F1_FREQ)["events"]
        self.assertEqual([(e["time"], e["value"]) for e in events], [(0.0, 0.2), (8.0, 0.55), (14.0, 0.85), (14.0, 0.4)])
        self.assertEqual(events[0]["curve"], {"x1": 0.65, "y1": 0.0, "x2": 0.9, "y2": 0.35})
        self.assertIsNone(events[2]["curve"])
        volume = self.read(INTRO, VOLUME)["events"]
        self.assertEqual([(e["time"], e["value"]) for e in volume], [(0.0, 0.55), (8.0, 0.78)])  # not gains

    def test_no_envelope(self):
        reading = self.read(OUTRO, VOLUME)
        self.assertEqual(reading, {"exists": False, "samples": [], "events": [] if LIVE_12 else None})

    def test_reading_and_listing_never_change_anything(self):
        before = self.everything()
        for clip, parameter in ((BUILD, FREQUENCY), (BASS_BUILD, F1_FREQ), (INTRO, VOLUME), (BREAK, FILTER_TYPE),
                                (OUTRO, VOLUME)):
            self.read(clip, parameter, step=0.25)
            self.client.result("envelope_parameters", target=clip)
            self.client.result("get", target=clip, prop="envelope_revision")
        self.client.result("observe", target=BUILD, prop="envelope_revision")
        self.live.advance(0.1)
        self.assertEqual(self.everything(), before)
        self.assertFalse(self.song.can_undo)


class Writing(EnvelopeTest):
    def test_a_quantized_parameter_takes_only_whole_steps_and_nothing_is_written_before_refusing(self):
        before = self.everything()
        error = self.error("write_envelope", target=BREAK, parameter=FILTER_TYPE, steps=[
            {"time": 0, "length": 1, "value": 3}, {"time": 1, "length": 1, "value": 2.5}])
        self.assertEqual(error["code"], "bad_request")
        self.assertIn("steps[1]", error["message"])
        self.assertEqual(self.everything(), before)
        self.client.result("write_envelope", target=BREAK, parameter=FILTER_TYPE,
                           steps=[{"time": 0, "length": 2, "value": 3.0000001}])
        self.assertEqual(self.read(BREAK, FILTER_TYPE, end=2)["samples"][1]["value"], 3.0)

    def test_a_new_envelope_for_a_parameter_without_one(self):
        self.client.result("write_envelope", target=OUTRO, parameter=VOLUME, steps=[{"time": 4, "length": 4, "value": 0.2}])
        samples = self.read(OUTRO, VOLUME, end=8, step=2)["samples"]
        self.assertEqual([s["value"] for s in samples], [0.7, 0.7, 0.2, 0.2, 0.7])

    def test_a_stroke_in_one_undo_step_is_undone_at_once(self):
        before = self.everything()
        self.client.result("call", target="live_set", fn="begin_undo_step")
        for beat in range(4):
            self.client.result("write_envelope", target=BUILD, parameter=FREQUENCY,
                               steps=[{"time": beat, "length": 1, "value": 0.9}])
            self.live.advance(0.02)
        self.client.result("call", target="live_set", fn="end_undo_step")
        self.assertTrue(self.client.result("get", target="live_set", prop="can_undo"))
        self.client.result("call", target="live_set", fn="undo")
        self.assertEqual(self.everything(), before)
        self.assertFalse(self.client.result("get", target="live_set", prop="can_undo"))


class Erasing(EnvelopeTest):
    def test_a_range(self):
        if not LIVE_12:
            error = self.error("erase_envelope", target=BUILD, parameter=FREQUENCY, start=2, end=6)
            self.assertEqual(error["code"], "not_found")
            self.assertIn("Live 11 has no delete_events_in_range", error["message"])
            return
        self.assertEqual(self.client.result("erase_envelope", target=BUILD, parameter=FREQUENCY, start=1, end=15),
                         {"erased": True})
        events = self.read(end=16)["events"]
        self.assertEqual([(e["time"], e["value"]) for e in events], [(0.0, 0.55), (0.0, 0.3), (16.0, 0.9), (16.0, 0.55)])
        self.assertEqual(self.client.result("erase_envelope", target=OUTRO, parameter=VOLUME, start=0, end=4),
                         {"erased": False})

    def test_start_and_end_come_together_in_order(self):
        for fields in ({"start": 2}, {"end": 2}, {"start": 4, "end": 2}):
            self.assertEqual(self.error("erase_envelope", target=BUILD, parameter=FREQUENCY, **fields)["code"],
                             "bad_request", fields)

    def test_the_whole_envelope(self):
        self.assertEqual(self.client.result("erase_envelope", target=BUILD, parameter=FREQUENCY), {"erased": True})
        self.assertFalse(self.read()["exists"])
        self.assertEqual(self.client.result("erase_envelope", target=BUILD, parameter=FREQUENCY), {"erased": False})
        self.client.result("call", target="live_set", fn="end_undo_step")
        self.client.result("call", target="live_set", fn="undo")
        self.assertTrue(self.read()["exists"])


class Parameters(EnvelopeTest):
    def groups(self, clip):
        return self.client.result("envelope_parameters", target=clip)["groups"]

    def test_the_mixer_then_each_device_with_a_racks_chains(self):
        groups = self.groups("live_set tracks 3 clip_slots 0 clip")  # Keys: a rack of two chains, then a chorus
        self.assertEqual([(g["kind"], g["name"], g["path"]) for g in groups], [
            ("mixer", "Mixer", []),
            ("device", "Keys Rack", ["Keys Rack"]),
            ("device", "Electric", ["Keys Rack", "Electric", "Electric"]),
            ("device", "Tines", ["Keys Rack", "Tines", "Tines"]),
            ("device", "Chorus-Ensemble", ["Chorus-Ensemble"]),
        ])
        self.assertEqual([p["name"] for p in groups[0]["parameters"]], ["Track Volume", "Track Panning", "A-Send", "B-Send"])
        tines = groups[3]["parameters"]
        self.assertEqual(tines[0]["ref"]["path"], "live_set tracks 3 devices 0 chains 1 devices 0 parameters 0")
        algorithm = tines[1]
        self.assertEqual((algorithm["name"], algorithm["quantized"], algorithm["items"][:2], algorithm["min"],
                          algorithm["max"]), ("Algorithm", True, ["1", "2"], 0.0, 10.0))
        self.assertEqual(groups[0]["parameters"][0]["items"], [])
        for parameter in (tines[1], groups[0]["parameters"][2], groups[4]["parameters"][3]):
            reply = self.client.request("get", target=parameter["ref"]["path"], prop="name")
            self.assertEqual(reply["ref"], parameter["ref"])  # the resolver's own reference
            self.assertEqual(reply["result"], parameter["name"])

    def test_automated_parameters_are_marked(self):
        groups = self.groups(BREAK)
        automated = [(g["name"], p["name"]) for g in groups for p in g["parameters"] if p["automated"]]
        self.assertEqual(automated, [("Auto Filter", "Filter Type")])
        self.assertEqual(self.groups(INTRO)[0]["parameters"][0]["automated"], True)

    def test_a_track_is_not_a_clip(self):
        self.assertEqual(self.error("envelope_parameters", target="live_set tracks 3")["code"], "bad_request")

    def test_a_big_rack_is_listed_fast(self):
        lead = self.song._tracks[5]
        rack = Live.RackDevice.RackDevice(lead, "Big Rack", "InstrumentGroupDevice", "Instrument Rack",
                                          devices.INSTRUMENT, ["Macro %d" % n for n in range(1, 17)])
        for index in range(48):
            chain = Live.Chain.Chain(rack, "Layer %d" % index)
            chain._add_device(devices.operator(chain, "Op %d" % index))
            chain._add_device(devices.reverb(chain))
            rack._add_chain(chain)
        lead._add_device(rack)
        started = time.perf_counter()
        groups = self.groups("live_set tracks 5 clip_slots 4 clip")
        elapsed = time.perf_counter() - started
        count = sum(len(g["parameters"]) for g in groups)
        self.assertGreater(count, 1300)
        self.assertLess(elapsed, 2.0, "%d parameters in %.3f s" % (count, elapsed))


class Revision(EnvelopeTest):
    def setUp(self):
        EnvelopeTest.setUp(self)
        self.other = self.live.client()

    def observe(self, clip=BUILD):
        return self.client.result("observe", target=clip, prop="envelope_revision")

    def next_revision(self, obs_id):
        event = self.client.wait_event(lambda e: e["ev"] == "changes" and any(c["obs"] == obs_id for c in e["changes"]))
        return [c["value"] for c in event["changes"] if c["obs"] == obs_id][-1]

    def test_a_write_from_another_connection_makes_it_grow(self):
        first = self.observe()
        obs_id = self.client.next_id - 1
        self.other.result("write_envelope", target=BUILD, parameter=FREQUENCY,
                          steps=[{"time": 0, "length": 1, "value": 0.9}])
        second = self.next_revision(obs_id)
        self.assertGreater(second, first)
        self.other.result("call", target=BUILD, fn="clear_envelope",
                          args=[self.other.result("get", target=FREQUENCY)])
        self.assertGreater(self.next_revision(obs_id), second)
        self.assertEqual(self.client.result("get", target=BUILD, prop="envelope_revision"),
                         self.other.result("get", target=BUILD, prop="envelope_revision"))

    def test_undo_through_the_script_makes_every_observed_clip_grow(self):
        build, intro = self.observe(BUILD), self.observe(INTRO)
        build_obs, intro_obs = self.client.next_id - 2, self.client.next_id - 1
        self.other.result("write_envelope", target=BUILD, parameter=FREQUENCY,
                          steps=[{"time": 0, "length": 1, "value": 0.9}])
        self.other.result("call", target="live_set", fn="end_undo_step")
        grown = self.next_revision(build_obs)
        self.other.result("call", target="live_set", fn="undo")
        event = self.client.wait_event(lambda e: e["ev"] == "changes")
        values = dict((c["obs"], c["value"]) for c in event["changes"])  # one flush tells both
        self.assertGreater(values[build_obs], grown)
        self.assertGreater(values[intro_obs], intro)
        self.assertGreater(grown, build)

    @NEEDS_12
    def test_calls_on_an_envelope_object(self):
        self.observe()
        obs_id = self.client.next_id - 1
        envelope = self.other.result("call", target=BUILD, fn="automation_envelope",
                                     args=[self.other.result("get", target=FREQUENCY)])
        self.other.result("call", target="id %d" % envelope["$ref"], fn="insert_step", args=[0, 1, 0.9])
        self.assertGreater(self.next_revision(obs_id), 0)

    def test_a_change_live_tells_by_has_envelopes(self):
        self.observe(BREAK)
        obs_id = self.client.next_id - 1
        self.song.tracks[4].clip_slots[5].clip.clear_all_envelopes()  # the musician, in Live
        self.assertGreater(self.next_revision(obs_id), 0)

    def test_unobserve_and_gone(self):
        self.observe(BREAK)
        obs_id = self.client.next_id - 1
        self.client.result("unobserve", obs=obs_id)
        self.observe(BUILD)
        obs_id = self.client.next_id - 1
        self.other.result("call", target="live_set tracks 4 clip_slots 3", fn="delete_clip")
        event = self.client.wait_event(lambda e: e["ev"] == "gone")
        self.assertEqual(event["obs"], obs_id)
        self.assertEqual(len(self.live.surface._hub), 0)

    def test_only_clips_have_it(self):
        self.assertEqual(self.error("observe", target="live_set tracks 4", prop="envelope_revision")["code"],
                         "forbidden")


if __name__ == "__main__":
    unittest.main()
