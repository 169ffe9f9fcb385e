"""What a fuzzer and an attacker tried on the script's port (issue 13), each kept as a test:
every line gets an answer, no request holds Live's main thread for long, huge calls have limits,
envelope reads are bounded, and only a client with the script's secret gets in."""
import json
import os
import socket
import stat
import tempfile
import unittest

from support import LOG_DIR, LineClient, SteppedLive, read_secret
from LiveSurface import secret as secrets
from LiveSurface.protocol_constants import LIMITS

CLIP = "live_set tracks 1 clip_slots 7 clip"
SLOT = "live_set tracks 1 clip_slots 7"


def nested(depth):
    return ("[" * depth + "]" * depth).encode("ascii")


def notes(count, start=0.0):
    return [{"pitch": 36 + index % 48, "start_time": start + index * 0.25, "duration": 0.25, "velocity": 100}
            for index in range(count)]


class Hardening(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()
        self.client = self.live.client()

    def tearDown(self):
        self.live.close()

    def raw(self, line, client=None):
        """Send one raw line; the next message."""
        client = client or self.client
        client.send_line(line)
        return client.read_message()

    def new_clip(self):
        self.client.result("call", target=SLOT, fn="create_clip", args=[64.0])

    # ------------------------------------------------------------ every line gets an answer
    def test_lines_nested_1300_and_100000_deep_get_bad_request_at_once(self):
        for depth in (1300, 100000):
            reply = self.raw(nested(depth))
            self.assertEqual(reply["id"], None)
            self.assertEqual(reply["error"]["code"], "bad_request")
            self.assertIn("nests deeper", reply["error"]["message"])
        self.assertEqual(self.client.result("get", target="live_set", prop="tempo"), 122.0)

    def test_a_value_nested_past_the_limit_is_refused_with_its_id(self):
        value = json.loads(nested(LIMITS["maxJsonDepth"] + 1))
        line = json.dumps({"op": "set", "id": 77, "target": "live_set", "prop": "tempo", "value": value})
        reply = self.raw(line.encode())
        self.assertEqual((reply["id"], reply["error"]["code"]), (77, "bad_request"))
        self.assertIn("maxJsonDepth", reply["error"]["message"])
        args = [json.loads(nested(900))]
        reply = self.raw(json.dumps({"op": "call", "id": 78, "target": "live_set", "fn": "stop_playing",
                                     "args": args}).encode())
        self.assertEqual((reply["id"], reply["error"]["code"]), (78, "bad_request"))

    def test_garbage_of_every_kind_is_answered(self):
        for line in (b"\xff\xfe", b"NaN", b'{"op":"get","id":1e999}', b"[]", b"{" * 5000, b'"just a string"',
                     b'{"op":"get","id":5,"target":"live_set","prop":"tempo","extra":' + nested(5000) + b"}"):
            reply = self.raw(line)
            self.assertFalse(reply["ok"], line[:40])
            self.assertEqual(reply["error"]["code"], "bad_request", line[:40])

    # ------------------------------------------------------------ Live's main thread
    def test_a_batch_runs_across_drains_in_order_while_another_connection_is_served(self):
        other = self.live.client()
        batch = [{"op": "describe", "id": 1000 + index, "target": "live_set"} for index in range(400)]
        self.client.send_line(json.dumps(batch).encode())
        other.send_line(json.dumps({"op": "get", "id": 1, "target": "live_set", "prop": "tempo"}).encode())
        got_other = other.read_message()
        self.assertEqual(got_other["result"], 122.0)
        self.assertTrue(self.live.surface._server.busy)  # served while the batch still runs
        replies = [self.client.read_message() for _ in batch]
        self.assertEqual([reply["id"] for reply in replies], [request["id"] for request in batch])
        self.assertTrue(all(reply["ok"] for reply in replies))

    def test_a_long_read_comes_in_slices_and_is_what_live_said(self):
        self.new_clip()
        for start in range(0, 2000, 500):
            self.client.result("call", target=CLIP, fn="add_new_notes", args=[notes(500, start * 0.25)])
        read = self.client.result("call", target=CLIP, fn="get_all_notes_extended")
        self.assertEqual(len(read), 2000)
        self.assertEqual([note["start_time"] for note in read], [index * 0.25 for index in range(2000)])
        self.assertEqual(len(set(note["note_id"] for note in read)), 2000)

    def test_notes_calls_take_at_most_max_notes_per_call(self):
        self.new_clip()
        limit = LIMITS["maxNotesPerCall"]
        for fn, args in (("add_new_notes", [notes(limit + 1)]),
                         ("apply_note_modifications", [[{"note_id": n, "velocity": 1} for n in range(limit + 1)]]),
                         ("remove_notes_by_id", [list(range(limit + 1))]),
                         ("get_notes_by_id", [list(range(limit + 1))])):
            reply = self.client.request("call", target=CLIP, fn=fn, args=args)
            self.assertEqual(reply["error"]["code"], "bad_request", fn)
            self.assertIn("maxNotesPerCall", reply["error"]["message"])
        self.assertEqual(self.client.result("call", target=CLIP, fn="get_all_notes_extended"), [])
        self.assertEqual(len(self.client.result("call", target=CLIP, fn="add_new_notes", args=[notes(limit)])), limit)

    def test_no_request_holds_the_main_thread_past_the_budget_many_times_over(self):
        """Timings vary with the machine: this holds the heavy requests to a loose bound
        (npm run bench:script measures them)."""
        self.new_clip()
        for start in range(0, 3000, 500):
            self.client.result("call", target=CLIP, fn="add_new_notes", args=[notes(500, start * 0.25)])
        self.live.host.blocks.longest = 0.0
        batch = [{"op": "describe", "id": 5000 + index, "target": "live_set"} for index in range(1000)]
        self.client.send_line(json.dumps(batch).encode())
        for _ in batch:
            self.client.read_message(max_steps=4000)
        self.assertEqual(len(self.client.result("call", target=CLIP, fn="get_all_notes_extended")), 3000)
        self.assertLess(self.live.host.longest_block, 0.25)

    # ------------------------------------------------------------ envelopes
    def test_read_envelope_refuses_a_step_too_small_before_any_work_and_logs_nothing(self):
        log = os.path.join(LOG_DIR, "LiveSurface.log")
        before = os.path.getsize(log)
        for step, end in ((1e-308, 16), (1e-300, 1e300), (1e-3, 4096 * 1e-3 + 1)):
            reply = self.client.request("read_envelope", target="live_set tracks 4 clip_slots 3 clip",
                                        parameter="live_set tracks 4 devices 1 parameters 3", start=0, end=end,
                                        step=step)
            self.assertEqual(reply["error"]["code"], "bad_request", step)
            self.assertIn("maxEnvelopeSamples", reply["error"]["message"])
        with open(log) as handle:
            handle.seek(before)
            self.assertNotIn("Traceback", handle.read())

    def test_a_long_envelope_write_and_read_run_in_steps_and_answer_in_full(self):
        limit = LIMITS["maxEnvelopeSteps"]
        steps = [{"time": index * 0.01, "length": 0.01, "value": 0.3 + (index % 7) * 0.05} for index in range(limit)]
        target, parameter = "live_set tracks 4 clip_slots 3 clip", "live_set tracks 4 devices 1 parameters 3"
        other = self.live.client()
        self.client.send_line(json.dumps({"op": "write_envelope", "id": 90, "target": target,
                                          "parameter": parameter, "steps": steps}).encode())
        self.assertEqual(other.result("get", target="live_set", prop="tempo"), 122.0)
        self.assertEqual(self.client.reply_to(90)["result"], {"inserted": limit})
        reply = self.client.request("write_envelope", target=target, parameter=parameter, steps=steps + steps[:1])
        self.assertIn("more than %d items" % limit, reply["error"]["message"])
        reading = self.client.result("read_envelope", target=target, parameter=parameter, start=0,
                                     end=(limit - 1) * 0.01, step=0.01)
        self.assertEqual(len(reading["samples"]), limit)
        self.assertAlmostEqual(reading["samples"][100]["value"], steps[100]["value"], places=6)
        self.assertGreater(len(reading["events"]), limit)

    # ------------------------------------------------------------ removing notes
    def test_remove_notes_by_id_tells_which_were_removed_and_which_were_not_there(self):
        self.new_clip()
        ids = self.client.result("call", target=CLIP, fn="add_new_notes", args=[notes(3)])
        removed = self.client.result("call", target=CLIP, fn="remove_notes_by_id", args=[[ids[0], 9999]])
        self.assertEqual(removed, {"removed": [ids[0]], "missing": [9999]})
        again = self.client.result("call", target=CLIP, fn="remove_notes_by_id", args=[[ids[0], ids[1], ids[1]]])
        self.assertEqual(again, {"removed": [ids[1]], "missing": [ids[0]]})
        self.assertEqual(self.client.result("call", target=CLIP, fn="remove_notes_by_id", args=[[]]),
                         {"removed": [], "missing": []})


class WhoMayConnect(unittest.TestCase):
    def setUp(self):
        self.live = SteppedLive()

    def tearDown(self):
        self.live.close()

    def stranger(self):
        client = LineClient(self.live.port, self.live.advance)
        self.live._clients.append(client)
        return client

    def assert_refused_and_closed(self, client, line, request_id=None):
        client.send_line(line)
        reply = client.read_message()
        self.assertEqual((reply["id"], reply["ok"], reply["error"]["code"]), (request_id, False, "forbidden"))
        with self.assertRaises(ConnectionError):
            for _ in range(10):
                client.read_message()

    def test_the_secret_is_the_users_alone(self):
        path = secrets.secret_path(self.live.port)
        info = os.lstat(path)
        self.assertEqual(stat.S_IMODE(info.st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.lstat(os.path.dirname(path)).st_mode) & 0o077, 0)
        self.assertRegex(read_secret(self.live.port), "^[0-9a-f]{64}$")

    def test_a_wrong_secret_or_any_other_first_line_is_refused_and_the_connection_closed(self):
        wrong = "0" * 64
        self.assert_refused_and_closed(self.stranger(), json.dumps(
            {"op": "hello", "id": 1, "protocol": 1, "client": "x", "secret": wrong}).encode(), 1)
        self.assert_refused_and_closed(self.stranger(), json.dumps(
            {"op": "call", "id": 2, "target": "live_set", "fn": "delete_track", "args": [0]}).encode(), 2)
        self.assert_refused_and_closed(self.stranger(), json.dumps(
            {"op": "hello", "id": 3, "protocol": 1, "client": "x"}).encode(), 3)
        self.assert_refused_and_closed(self.stranger(), json.dumps(
            [{"op": "hello", "id": 4, "protocol": 1, "client": "x", "secret": read_secret(self.live.port)},
             {"op": "call", "id": 5, "target": "live_set", "fn": "delete_track", "args": [0]}]).encode())
        self.assertEqual(len(self.live.song.tracks), 11)  # the demo set's, none deleted
        self.assertEqual(self.live.client().result("get", target="live_set", prop="tempo"), 122.0)

    def test_every_later_hello_must_carry_the_secret_too(self):
        client = self.live.client()
        for secret in ("0" * 64, None):
            fields = {} if secret is None else {"secret": secret}
            reply = client.request("hello", protocol=1, client="renamed", **fields)
            self.assertEqual((reply["ok"], reply["error"]["code"]), (False, "forbidden"))
        self.assertTrue(client.hello("again")["ok"])
        self.assertEqual(client.result("get", target="live_set", prop="tempo"), 122.0)

    def test_a_bad_line_before_hello_is_answered_and_the_connection_closed(self):
        client = self.stranger()
        client.send_line(nested(5000))
        self.assertEqual(client.read_message()["error"]["code"], "bad_request")
        with self.assertRaises(ConnectionError):
            client.read_message()

    def test_a_connection_that_does_not_say_hello_in_time_is_closed(self):
        server = self.live.surface._server
        now = [1000.0]
        server.clock = lambda: now[0]
        client = self.stranger()
        self.live.advance(0.05)
        self.assertEqual(len(server.connections), 1)
        now[0] += LIMITS["helloTimeoutSeconds"] + 0.1
        with self.assertRaises(ConnectionError):
            client.read_message()
        self.assertEqual(server.connections, [])

    def test_idle_connections_cannot_take_every_slot(self):
        server = self.live.surface._server
        idle = []
        for _ in range(20):  # Live's main thread accepts them as they come
            idle.append(self.stranger())
            self.live.advance(0.01)
        self.assertLessEqual(len(server.connections), 16)
        self.assertEqual(self.live.client().result("get", target="live_set", prop="tempo"), 122.0)
        self.assertEqual(len(idle), 20)


class SecretFile(unittest.TestCase):
    def setUp(self):
        self.directory = os.path.join(tempfile.mkdtemp(), "livesurface")

    def test_the_folder_is_made_private_and_the_file_0600(self):
        secret, path = secrets.write_secret(9401, self.directory)
        self.assertEqual(stat.S_IMODE(os.stat(self.directory).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(secrets.read_secret(9401, self.directory), secret)
        secrets.remove_secret(path, secret)
        self.assertFalse(os.path.exists(path))

    def test_a_link_planted_at_the_secret_is_replaced_never_followed(self):
        os.mkdir(self.directory, 0o700)
        victim = os.path.join(tempfile.mkdtemp(), "victim")
        with open(victim, "w") as handle:
            handle.write("precious")
        os.symlink(victim, secrets.secret_path(9401, self.directory))
        secret, path = secrets.write_secret(9401, self.directory)
        with open(victim) as handle:
            self.assertEqual(handle.read(), "precious")
        self.assertFalse(os.path.islink(path))
        self.assertEqual(secrets.read_secret(9401, self.directory), secret)

    def test_a_folder_others_may_enter_or_a_link_is_refused_with_the_reason(self):
        os.mkdir(self.directory, 0o777)
        os.chmod(self.directory, 0o777)
        with self.assertRaisesRegex(secrets.SecretError, "chmod 700"):
            secrets.write_secret(9401, self.directory)
        link = self.directory + "-link"
        os.symlink(tempfile.mkdtemp(), link)
        with self.assertRaisesRegex(secrets.SecretError, "not a folder"):
            secrets.write_secret(9401, link)

    def test_stale_secrets_of_dead_scripts_are_removed(self):
        os.mkdir(self.directory, 0o700)
        with socket.socket() as free:
            free.bind(("127.0.0.1", 0))
            dead_port = free.getsockname()[1]
        listening = socket.socket()
        listening.bind(("127.0.0.1", 0))
        listening.listen(1)
        try:
            alive_port = listening.getsockname()[1]
            for port in (dead_port, alive_port):
                with open(secrets.secret_path(port, self.directory), "w") as handle:
                    handle.write("a" * 64)
            secrets.write_secret(9401, self.directory)
            self.assertFalse(os.path.exists(secrets.secret_path(dead_port, self.directory)))
            self.assertTrue(os.path.exists(secrets.secret_path(alive_port, self.directory)))
        finally:
            listening.close()

    def test_a_script_that_cannot_write_its_secret_does_not_listen_and_says_why(self):
        os.mkdir(self.directory, 0o777)
        os.chmod(self.directory, 0o777)
        previous = os.environ["LIVESURFACE_SECRET_DIR"]
        os.environ["LIVESURFACE_SECRET_DIR"] = self.directory
        try:
            live = SteppedLive()
            try:
                self.assertFalse(live.surface._server.listening)
                with open(os.path.join(LOG_DIR, "LiveSurface.log")) as handle:
                    self.assertIn("cannot write its secret safely", handle.read())
            finally:
                live.close()
        finally:
            os.environ["LIVESURFACE_SECRET_DIR"] = previous


if __name__ == "__main__":
    unittest.main()
