"""The control surface Live loads: wires Live's main-thread callbacks to the socket.

Live runs Python only when it calls in, so the socket is drained from
three places, each with a time budget so a flood cannot freeze Live:
- `receive_midi` when the bridge sends an empty sysex (F0 F7): the wake-up path;
- a `Live.Base.Timer` every few milliseconds: the timer path;
- `update_display` (about every 100 ms), which also finds dead objects.
After each drain, observed properties that changed are sent once each.

The budget holds inside a line too: a line is answered in steps (a request
of a batch, a slice of a long reply) and a drain stops between steps, so no
client keeps Live's main thread for long. A connection must first say hello
with the secret the script writes for its port (secret.py); anything else is
refused and the connection closed.
"""
import os
import time

import Live
from _Framework.ControlSurface import ControlSurface

from .api import LiveApi
from . import secret as secrets
from .errors import RequestError, bad_request, forbidden, live_error
from .handlers import Handlers
from .logfile import ScriptLog, log_dir
from .observers import ObservationHub
from .protocol import encode, error_reply, parse_line, request_id_of, validate_request
from .protocol_constants import LIMITS, PROTOCOL_VERSION
from .registry import Registry
from .replies import LongReply, Stepped
from .resolver import Resolver
from .revisions import ENVELOPE_REVISION, EnvelopeRevisions
from .server import LineServer
from .values import Converter

SCRIPT_NAME = "LiveSurface"
SCRIPT_VERSION = "0.1.0"
DEFAULT_PORT = 9401
WAKE_SYSEX = (0xF0, 0xF7)
SWEEP_EVERY = 3  # update_display calls between searches for deleted observed objects
FORGET_EVERY = 50  # update_display calls between forgetting deleted objects' ids
RETRY_LISTEN_EVERY = 50  # update_display calls between attempts to listen when the port was busy
PIECES_PER_STEP = 8  # pieces of a long reply written to its connection per step (about 8 x 45 kB of notes)


def _env_number(name, default, low, high):
    try:
        return min(high, max(low, float(os.environ.get(name, default))))
    except ValueError:
        return default


class LiveSurface(ControlSurface):
    def __init__(self, c_instance):
        ControlSurface.__init__(self, c_instance)
        application = Live.Application.get_application()
        version = (application.get_major_version(), application.get_minor_version(),
                   application.get_bugfix_version())
        self._major = version[0]
        self._log = ScriptLog(log_dir(version))
        self._drain_budget = _env_number("LIVESURFACE_DRAIN_BUDGET_MS", 4, 1, 50) / 1000.0
        port = int(_env_number("LIVESURFACE_SCRIPT_PORT", DEFAULT_PORT, 0, 65535))
        api = LiveApi.load()
        self._registry = Registry()
        self._resolver = Resolver(self.song(), application, api, self._registry, self._major)
        converter = Converter(api, self._registry, self._resolver)
        self._hub = ObservationHub(self._resolver, converter, self._registry, self._log)
        revisions = EnvelopeRevisions(self._registry)
        self._hub.add_source(ENVELOPE_REVISION, revisions)
        facts = {
            "protocol": PROTOCOL_VERSION,
            "script": SCRIPT_NAME,
            "script_version": SCRIPT_VERSION,
            "host": "simulator" if os.environ.get("LIVESURFACE_HOST") == "simulator" else "live",
            "live_version": "%d.%d.%d" % version,
        }
        self._handlers = Handlers(facts, self._set_name, self._resolver, converter, self._hub, self._major,
                                  revisions, highlight=self._c_instance.set_session_highlight)
        self._server = LineServer(port, LIMITS["maxLineBytes"], self._log,
                                  hello_timeout=LIMITS["helloTimeoutSeconds"])
        self._secret = None
        self._secret_path = None
        self._draining = False
        self._display_calls = 0
        self._listen()
        interval = int(_env_number("LIVESURFACE_DRAIN_MS", 5, 1, 100))
        self._timer = Live.Base.Timer(callback=self._on_timer, interval=interval, repeat=True)
        self._timer.start()

    # ------------------------------------------------------------ Live calls these
    def receive_midi(self, midi_bytes):
        if tuple(midi_bytes) == WAKE_SYSEX:
            self._drain()
        else:
            ControlSurface.receive_midi(self, midi_bytes)

    def update_display(self):
        ControlSurface.update_display(self)
        self._display_calls += 1
        if not self._server.listening and self._display_calls % RETRY_LISTEN_EVERY == 0:
            self._listen()
        if self._display_calls % SWEEP_EVERY == 0:
            self._send_gone(self._hub.sweep())
        if self._display_calls % FORGET_EVERY == 0:
            self._registry.sweep()
            self._log.tick()
        self._drain()

    def disconnect(self):
        """Live unloads the script (set closed, Live quitting): leave nothing behind."""
        try:
            self._timer.stop()
            self._server.close(self._on_closed)  # ends every client's gestures, undo steps and observations
            self._hub.remove_all()
            if self._secret_path is not None:
                secrets.remove_secret(self._secret_path, self._secret)
            self._log.info("stopped")
        finally:
            self._log.close()
            ControlSurface.disconnect(self)

    # ------------------------------------------------------------ the socket
    def _listen(self):
        try:
            self._server.start(before_listening=self._write_secret)
        except secrets.SecretError as error:
            message = "LiveSurface cannot write its secret safely (%s); retrying" % error
            self._log.error(message)
            self.show_message(message)
            return
        except (IOError, OSError) as error:
            message = "LiveSurface cannot listen on 127.0.0.1:%d (%s); retrying" % (self._server.port, error)
            self._log.error(message)
            self.show_message(message)
            return
        self._log.info("listening on 127.0.0.1:%d (Live %s), secret in %s" % (
            self._server.port, self._resolver.major, self._secret_path))

    def _write_secret(self, port):
        """Before anyone can connect: a new secret for this port, readable by this user only."""
        try:
            self._secret, self._secret_path = secrets.write_secret(port)
        except (IOError, OSError) as error:
            raise secrets.SecretError("%s: %s" % (secrets.secret_dir(), error))

    def _on_timer(self):
        self._drain()

    def _drain(self):
        if self._draining:
            return
        self._draining = True
        try:
            deadline = time.perf_counter() + self._drain_budget
            self._server.poll(deadline, self._on_line, self._on_closed)
            changes, gone_events = self._hub.flush(deadline + self._drain_budget)
            for conn, items in changes.items():
                if not conn.closed:
                    conn.send(encode({"ev": "changes", "changes": items}))
            self._send_gone(gone_events)
            self._server.flush(self._on_closed)
        except Exception:
            # An exception escaping into Live would stop the timer; log it and carry on.
            self._log.exception("drain failed")
        finally:
            self._draining = False

    def _send_gone(self, gone_events):
        for conn, obs_id in gone_events:
            if not conn.closed:
                conn.send(encode({"ev": "gone", "obs": obs_id, "message": "the observed object was deleted in Live"}))

    def _on_line(self, conn, line):
        """The work of one line, in steps (server.py runs them within the drain's budget)."""
        return self._work(conn, line)

    def _work(self, conn, line):
        if not line:
            self._refuse_or_send(conn, None, bad_request(
                "the line is longer than %d bytes (maxLineBytes) and was skipped" % LIMITS["maxLineBytes"]))
            return
        requests, error = parse_line(line)
        if error is not None:
            if conn.authenticated:
                conn.send(encode(error))
            else:
                self._refuse(conn, error["id"], bad_request(error["error"]["message"]))
            return
        if not conn.authenticated and not self._authenticate(conn, requests):
            return
        if len(requests) > 1:
            yield  # reading the batch was this step's work
        for index, message in enumerate(requests):
            if index:
                yield
            outcome = self._answer(conn, message)
            if isinstance(outcome, (LongReply, Stepped)):
                for _ in outcome.steps(self._log):
                    yield
                conn.begin_reply()
                try:
                    for written, piece in enumerate(outcome.pieces):
                        if written and written % PIECES_PER_STEP == 0:
                            yield
                        conn.write_piece(piece)
                finally:
                    conn.end_reply()
            else:
                conn.send(self._encode(outcome))

    def _encode(self, reply):
        try:
            return encode(reply)
        except Exception as error:  # a value JSON cannot hold: the request still gets its answer
            return encode(error_reply(reply.get("id"), live_error("the result cannot travel as JSON: %s" % error)))

    def _authenticate(self, conn, requests):
        """The first line must be hello, alone, with this script's secret; else the connection ends."""
        message = requests[0] if len(requests) == 1 else None
        request_id = request_id_of(message)
        if not (isinstance(message, dict) and message.get("op") == "hello"):
            self._refuse(conn, request_id, forbidden(
                "the first line on a connection must be hello with the script's secret"))
            return False
        if not secrets.matches(message.get("secret"), self._secret):
            self._refuse(conn, request_id, forbidden(
                "wrong secret: hello must carry the secret the script wrote to %s" % self._secret_path))
            return False
        conn.authenticated = True
        return True

    def _refuse_or_send(self, conn, request_id, error):
        if conn.authenticated:
            conn.send(encode(error_reply(request_id, error)))
        else:
            self._refuse(conn, request_id, error)

    def _refuse(self, conn, request_id, error):
        """Answer, then close: a client that cannot prove it runs as this user gets nothing more."""
        self._log.warning("refused %s:%s: %s" % (conn.address[:2] + (error.message,)))
        conn.send(encode(error_reply(request_id, error)))
        conn.closing = True

    def _answer(self, conn, message):
        request_id = request_id_of(message)
        if isinstance(message, dict) and message.get("op") == "hello" and not secrets.matches(
                message.get("secret"), self._secret):
            # a connection's first hello proved it; every later one must carry the secret too
            return error_reply(request_id, forbidden(
                "wrong secret: hello must carry the secret the script wrote to %s" % self._secret_path))
        try:
            return self._handlers.handle(conn, validate_request(message))
        except RequestError as error:
            return error_reply(request_id, error)
        except Exception as error:  # a bug of ours must not close a healthy connection
            self._log.exception("request %r failed" % (message,))
            return error_reply(request_id, live_error("unexpected error: %s" % error))

    def _on_closed(self, conn):
        self._handlers.end_gestures(conn)
        self._handlers.end_undo_steps(conn)
        self._hub.drop_connection(conn)

    def _set_name(self):
        song = self.song()
        name = getattr(song, "name", "") or ""
        if not name:
            path = getattr(song, "file_path", "") or ""
            name = os.path.splitext(os.path.basename(path))[0]
        return name or "Untitled"
