"""Test support: the simulator with the LiveSurface script, on a simulated clock, and a client."""
import json
import os
import socket
import sys
import tempfile

LIVE_SCRIPT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(LIVE_SCRIPT)
SCRIPT_DIR = os.path.join(LIVE_SCRIPT, "LiveSurface")
FIXTURES = os.path.join(REPO, "protocol", "fixtures")
if LIVE_SCRIPT not in sys.path:
    sys.path.insert(0, LIVE_SCRIPT)

LOG_DIR = tempfile.mkdtemp(prefix="livesurface-tests-")
os.environ["LIVESURFACE_LOG_DIR"] = LOG_DIR
# the script writes its port's secret here (mkdtemp makes it 0700, as the script requires)
os.environ["LIVESURFACE_SECRET_DIR"] = tempfile.mkdtemp(prefix="livesurface-secrets-")
os.environ["LIVESURFACE_HOST"] = "simulator"
os.environ["LIVESURFACE_SCRIPT_PORT"] = "0"

from LiveSurface.secret import read_secret  # noqa: E402
from simulator import demo_set  # noqa: E402  (importing the simulator puts its Live on the path)
from simulator.clock import SimulatedClock  # noqa: E402
from simulator.host import Host  # noqa: E402


def load_fixture(*parts):
    with open(os.path.join(FIXTURES, *parts)) as handle:
        return json.load(handle)


class SteppedLive(object):
    """The simulator and the script, on a simulated clock the test moves (the test thread is Live's)."""

    def __init__(self, script=True, build=demo_set.build):
        self.clock = SimulatedClock()
        self.host = Host(build, midi_port=0, log_dir=LOG_DIR, clock=self.clock, midi_return_port=0)
        self.host.begin([SCRIPT_DIR] if script else [])
        self.song = self.host.song
        self._clients = []

    @property
    def surface(self):
        return self.host.surfaces[0].instance

    @property
    def port(self):
        return self.surface._server.port

    def advance(self, seconds):
        self.host.advance(seconds)

    def client(self, hello=True):
        client = LineClient(self.port, self.advance)
        self._clients.append(client)
        if hello:
            reply = client.hello("tests")
            assert reply["ok"], reply
        return client

    def close(self):
        for client in self._clients:
            client.close()
        self.host.shutdown()


class LineClient(object):
    """Speaks the script's protocol; `pump` moves Live's time while it waits."""

    def __init__(self, port, pump=None):
        self.port = port
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.pump = pump
        self.buffer = b""
        self.events = []
        self.replies = {}
        self.next_id = 1

    def send_line(self, data):
        if not isinstance(data, bytes):
            data = json.dumps(data).encode("utf-8")
        self.sock.sendall(data + b"\n")

    def read_message(self, max_steps=400):
        """The next line from the script."""
        self.sock.setblocking(self.pump is None)
        for _ in range(max_steps):
            if b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                return json.loads(line.decode("utf-8"))
            try:
                data = self.sock.recv(1 << 20)
                if not data:
                    raise ConnectionError("the script closed the connection")
                self.buffer += data
                continue
            except BlockingIOError:
                pass
            if self.pump is not None:
                self.pump(0.005)
        raise AssertionError("no message from the script")

    def reply_to(self, request_id):
        while request_id not in self.replies:
            message = self.read_message()
            if "ev" in message:
                self.events.append(message)
            else:
                self.replies[message["id"]] = message
        return self.replies.pop(request_id)

    def hello(self, name="tests", **fields):
        """Says hello with the secret the script wrote for its port, as the bridge does."""
        fields.setdefault("secret", read_secret(self.port))
        return self.request("hello", protocol=1, client=name, **fields)

    def request(self, op, **fields):
        request_id = self.next_id
        self.next_id += 1
        message = dict(op=op, id=request_id)
        message.update(fields)
        self.send_line(message)
        return self.reply_to(request_id)

    def result(self, op, **fields):
        reply = self.request(op, **fields)
        assert reply["ok"], reply
        return reply["result"]

    def wait_event(self, predicate, max_steps=400):
        for event in self.events:
            if predicate(event):
                self.events.remove(event)
                return event
        for _ in range(max_steps):
            message = self.read_message()
            if "ev" in message:
                if predicate(message):
                    return message
                self.events.append(message)
            else:
                self.replies[message["id"]] = message
        raise AssertionError("no such event")

    def close(self):
        self.sock.close()
