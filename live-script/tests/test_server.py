"""The script's line server, without Live: framing, limits, budgets, loopback only."""
import importlib
import socket
import time
import unittest

importlib.import_module("support")  # puts live-script/ (the script's package) on the path
from LiveSurface import server as server_module
from LiveSurface.server import LineServer, is_loopback


class QuietLog(object):
    def __init__(self):
        self.lines = []

    def info(self, message):
        self.lines.append(("info", message))

    def warning(self, message):
        self.lines.append(("warning", message))


class LineServerTest(unittest.TestCase):
    def setUp(self):
        self.log = QuietLog()
        self.server = LineServer(0, max_line=64, log=self.log)
        self.server.start()
        self.lines, self.closed = [], []
        self.client = socket.create_connection(("127.0.0.1", self.server.port))

    def tearDown(self):
        self.client.close()
        self.server.close(self.closed.append)

    def poll(self, budget=1.0):
        for _ in range(50):
            self.server.poll(time.perf_counter() + budget, lambda conn, line: self.lines.append(line),
                             self.closed.append)
            if self.server.connections:
                time.sleep(0.01)
                self.server.poll(time.perf_counter() + budget, lambda conn, line: self.lines.append(line),
                                 self.closed.append)
                return
            time.sleep(0.01)

    def test_lines_split_across_writes_are_joined(self):
        self.client.sendall(b'{"a":')
        self.poll()
        self.assertEqual(self.lines, [])
        self.client.sendall(b'1}\n{"b":2}\n\n{"c"')
        self.poll()
        self.assertEqual(self.lines, [b'{"a":1}', b'{"b":2}'])

    def test_an_over_long_line_is_refused_and_the_next_ones_still_read(self):
        self.client.sendall(b"x" * 200 + b"\n" + b'{"ok":1}\n')
        self.poll()
        self.assertEqual(self.lines, [b"", b'{"ok":1}'])

    def test_an_over_long_line_arriving_in_pieces_is_skipped_once(self):
        self.client.sendall(b"y" * 100)
        self.poll()
        self.client.sendall(b"y" * 100 + b'\n{"after":1}\n')
        self.poll()
        self.assertEqual(self.lines, [b"", b'{"after":1}'])

    def test_lines_wait_for_the_next_drain_when_the_budget_is_spent(self):
        self.client.sendall(b"".join(b'{"n":%d}\n' % n for n in range(20)))
        self.poll(budget=-1.0)  # a drain that has no time left handles nothing
        self.assertEqual(self.lines, [])
        self.poll()
        self.assertEqual(len(self.lines), 20)

    def test_a_closed_client_is_reaped_after_its_last_lines(self):
        self.client.sendall(b'{"last":1}\n')
        self.client.close()
        self.poll()
        time.sleep(0.02)
        self.server.poll(time.perf_counter() + 1, lambda conn, line: self.lines.append(line), self.closed.append)
        self.assertEqual(self.lines, [b'{"last":1}'])
        self.assertEqual(len(self.closed), 1)
        self.assertEqual(self.server.connections, [])

    def test_replies_are_written(self):
        self.poll()
        conn = self.server.connections[0]
        conn.send(b'{"id":1}\n')
        self.server.flush(self.closed.append)
        self.client.settimeout(2)
        self.assertEqual(self.client.recv(100), b'{"id":1}\n')

    def test_a_client_that_does_not_read_is_disconnected(self):
        self.poll()
        original = server_module.MAX_PENDING_OUTPUT
        server_module.MAX_PENDING_OUTPUT = 1024
        try:
            conn = self.server.connections[0]
            for _ in range(200):
                conn.send(b"z" * 65536)
                self.server.flush(self.closed.append)
                if self.closed:
                    break
        finally:
            server_module.MAX_PENDING_OUTPUT = original
        self.assertEqual(len(self.closed), 1)
        self.assertTrue(any(level == "warning" for level, _ in self.log.lines))


class LoopbackOnly(unittest.TestCase):
    def test_only_loopback_peers_are_accepted(self):
        self.assertTrue(is_loopback(("127.0.0.1", 5000)))
        self.assertTrue(is_loopback(("127.3.2.1", 5000)))
        self.assertTrue(is_loopback(("::1", 5000, 0, 0)))
        self.assertFalse(is_loopback(("192.168.1.20", 5000)))
        self.assertFalse(is_loopback(("10.0.0.1", 5000)))

    def test_the_server_listens_on_loopback_only(self):
        server = LineServer(0, 64, QuietLog())
        server.start()
        try:
            self.assertEqual(server._listener.getsockname()[0], "127.0.0.1")
        finally:
            server.close(lambda conn: None)


if __name__ == "__main__":
    unittest.main()
