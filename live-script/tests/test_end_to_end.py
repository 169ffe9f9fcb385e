"""End to end: `python3 live-script/sim.py` with the script, spoken to over real TCP."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from support import LIVE_SCRIPT, LineClient
from probe_script import write_probe_script

SIM = os.path.join(LIVE_SCRIPT, "sim.py")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Simulator(object):
    def __init__(self, *args):
        self.port, self.midi_port = free_port(), free_port()
        self.log_dir = tempfile.mkdtemp(prefix="sim-e2e-")
        env = dict(os.environ, LIVESURFACE_SCRIPT_PORT=str(self.port), LIVESURFACE_LOG_DIR=self.log_dir)
        env.pop("LIVESURFACE_SIM_LIVE_VERSION", None)
        self.process = subprocess.Popen(
            [sys.executable, SIM, "--midi-port", str(self.midi_port), "--log-dir", self.log_dir] + list(args),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.ready_line = self.process.stdout.readline().decode()
        if "simulator ready" not in self.ready_line:
            self.process.kill()
            raise AssertionError("the simulator did not start: %s %s" % (self.ready_line,
                                                                         self.process.stderr.read().decode()))
        self.clients = []

    def client(self):
        for _ in range(100):
            try:
                client = LineClient(self.port)
                break
            except ConnectionRefusedError:
                time.sleep(0.05)
        client.sock.settimeout(10)
        self.clients.append(client)
        assert client.hello("e2e")["ok"]
        return client

    def stop(self, how=signal.SIGTERM):
        for client in self.clients:
            client.close()
        self.process.send_signal(how)
        out, err = self.process.communicate(timeout=10)
        return self.process.returncode, out.decode(), err.decode()


class EndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator()

    @classmethod
    def tearDownClass(cls):
        cls.sim.stop()

    def setUp(self):
        self.client = self.sim.client()

    def test_tempo_get_set_and_observe(self):
        other = self.sim.client()
        self.assertEqual(self.client.result("observe", target="live_set", prop="tempo"), 122.0)
        self.assertEqual(other.result("set", target="live_set", prop="tempo", value=126), 126.0)
        event = self.client.wait_event(lambda e: e["ev"] == "changes")
        self.assertEqual(event["changes"], [{"obs": 1 + 1, "value": 126.0}])
        self.assertEqual(self.client.result("get", target="live_set", prop="tempo"), 126.0)
        other.result("set", target="live_set", prop="tempo", value=122)

    def test_list_tracks(self):
        tracks = self.client.result("get", target="live_set", prop="tracks")
        names = [self.client.result("get", target="id %d" % t["$ref"], prop="name") for t in tracks]
        self.assertEqual(names, ["Drums", "Perc", "Bass", "Keys", "Pad", "Lead", "Arp", "Vox",
                                 "Atmos", "Riser", "Texture"])

    def test_fire_a_clip_and_see_it_play(self):
        slot = "live_set tracks 2 clip_slots 2"
        self.assertEqual(self.client.result("observe", target=slot, prop="playing_status"), 0)
        self.client.result("call", target=slot, fn="fire")
        event = self.client.wait_event(lambda e: e["ev"] == "changes" and {"obs": 2, "value": 1} in e["changes"])
        self.assertTrue(event)
        self.client.result("call", target="live_set", fn="stop_playing")
        self.client.wait_event(lambda e: e["ev"] == "changes" and {"obs": 2, "value": 0} in e["changes"])

    def test_add_notes_and_read_them_back_by_id(self):
        slot = "live_set tracks 5 clip_slots 0"
        self.client.result("call", target=slot, fn="create_clip", args=[8])
        clip = slot + " clip"
        ids = self.client.result("call", target=clip, fn="add_new_notes", args=[[
            {"pitch": 72, "start_time": 0, "duration": 1, "velocity": 100},
            {"pitch": 76, "start_time": 1, "duration": 0.5, "velocity": 80, "probability": 0.5}]])
        self.assertEqual(len(ids), 2)
        notes = self.client.result("call", target=clip, fn="get_notes_by_id", args=[ids])
        self.assertEqual([(n["note_id"], n["pitch"], n["start_time"], n["probability"]) for n in notes],
                         [(ids[0], 72, 0.0, 1.0), (ids[1], 76, 1.0, 0.5)])
        self.client.result("call", target=slot, fn="delete_clip")

    def test_write_and_read_automation(self):
        clip, parameter = "live_set tracks 3 clip_slots 5 clip", "live_set tracks 3 mixer_device panning"
        written = self.client.result("write_envelope", target=clip, parameter=parameter,
                                     steps=[{"time": 4, "length": 4, "value": -0.5}])
        self.assertEqual(written, {"inserted": 1})
        reading = self.client.result("read_envelope", target=clip, parameter=parameter, start=0, end=8, step=2)
        self.assertTrue(reading["exists"])
        self.assertEqual([s["value"] for s in reading["samples"]], [-0.2, -0.2, -0.5, -0.5, -0.2])  # the Keys pan is -0.2
        self.assertIsInstance(reading["events"], list)

    def test_private_and_dunder_names_are_forbidden(self):
        for request in ({"target": "live_set", "prop": "_live_ptr"}, {"target": "live_set __class__"},
                        {"target": "live_set tracks 0 __dict__"}, {"target": "live_set", "prop": "__init__"}):
            reply = self.client.request("get", **request)
            self.assertEqual(reply["error"]["code"], "forbidden", request)

    def test_garbage_gets_bad_request_and_the_connection_stays_up(self):
        self.client.send_line(b"\x00\xffnot json at all")
        reply = self.client.read_message()
        self.assertEqual(reply["id"], None)
        self.assertEqual(reply["error"]["code"], "bad_request")
        self.client.send_line(b"[]")
        self.assertEqual(self.client.read_message()["error"]["code"], "bad_request")
        self.assertEqual(self.client.result("get", target="live_set", prop="signature_numerator"), 4)

    def test_a_batch_in_one_line(self):
        self.client.send_line(json.dumps([
            {"op": "get", "id": 501, "target": "live_set", "prop": "signature_numerator"},
            {"op": "get", "id": 502, "target": "live_set", "prop": "nope"},
            {"op": "get", "id": 503, "target": "live_set scenes 4", "prop": "name"}]).encode())
        self.assertEqual(self.client.reply_to(501)["result"], 4)
        self.assertEqual(self.client.reply_to(502)["error"]["code"], "forbidden")
        self.assertEqual(self.client.reply_to(503)["result"], "Drop")

    def test_wake_up_sysex_over_the_midi_socket(self):
        midi = socket.create_connection(("127.0.0.1", self.sim.midi_port))
        try:
            self.client.send_line({"op": "get", "id": 900, "target": "live_set", "prop": "tempo"})
            midi.sendall(b"\xf0\xf7")
            self.assertEqual(self.client.reply_to(900)["result"], 122.0)
        finally:
            midi.close()


class Lifecycle(unittest.TestCase):
    def test_sigint_and_sigterm_stop_it_cleanly(self):
        for how in (signal.SIGINT, signal.SIGTERM):
            sim = Simulator()
            sim.client()
            code, out, err = sim.stop(how)
            self.assertEqual(code, 0, err)
            self.assertIn("simulator stopped", out)
            with open(os.path.join(sim.log_dir, "LiveSurface.log")) as handle:
                self.assertIn("stopped", handle.read())

    def test_live_11_mode(self):
        sim = Simulator("--live-version", "11")
        try:
            client = sim.client()
            self.assertIn("Live 11.3.43", sim.ready_line)
            reading = client.result("read_envelope", target="live_set tracks 4 clip_slots 3 clip",
                                    parameter="live_set tracks 4 devices 1 parameters 3", start=0, end=2, step=1)
            self.assertTrue(reading["exists"])
            self.assertIsNone(reading["events"])
            reply = client.request("call", target="live_set tracks 4 clip_slots 3 clip", fn="automation_envelope",
                                   args=[client.result("get", target="live_set tracks 4 devices 1 parameters 3")])
            self.assertEqual(reply["error"]["code"], "bad_request")
            reply = client.request("get", target="live_set tracks 0 mixer_device volume", prop="display_value")
            self.assertEqual(reply["error"]["code"], "not_found")
        finally:
            sim.stop()

    def test_it_hosts_any_remote_script(self):
        sim = Simulator("--script", write_probe_script())
        code, out, err = sim.stop()
        self.assertEqual(code, 0, err)
        with open(os.path.join(sim.log_dir, "Log.txt")) as handle:
            log = handle.read()
        self.assertIn("probe loaded", log)
        self.assertIn("Remote script ProbeSurface loaded", log)

    def test_a_folder_that_is_not_a_script_is_refused(self):
        result = subprocess.run([sys.executable, SIM, "--script", tempfile.mkdtemp(), "--midi-port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
        self.assertEqual(result.returncode, 2)
        self.assertIn("not a remote script folder", result.stderr.decode())


if __name__ == "__main__":
    unittest.main()
