"""A non-blocking line server on 127.0.0.1 (standard library only, no Live).

Nothing here blocks: the script polls it from Live's main thread with a
deadline, so a flood of requests waits for the next drain instead of
freezing Live. Lines are newline-delimited JSON; over-long lines are
refused and skipped, and a client that stops reading is disconnected
rather than allowed to grow the script's memory.

A line becomes work (`on_line` returns a generator): each `next()` is one
short step (a request of a batch, a slice of a long reply), and the deadline
is checked between steps, so a batch that runs past it goes on at the next
drain, its replies in order, while the other connections are served in turn.
A connection that has not said hello within `hello_timeout` seconds is
closed, and when all slots are taken the oldest such connection makes room:
nobody can hoard the slots.
"""
import errno
import socket
import time

READ_CHUNK = 256 * 1024
MAX_PENDING_INPUT = 8 * 1024 * 1024
MAX_PENDING_OUTPUT = 32 * 1024 * 1024
MAX_CONNECTIONS = 16
_WOULD_BLOCK = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)


def is_loopback(address):
    host = address[0] if isinstance(address, tuple) else address
    return host.startswith("127.") or host in ("::1", "::ffff:127.0.0.1")


class Connection(object):
    """One client: buffers, and what the protocol keeps per connection."""

    def __init__(self, sock, address, max_line, accepted_at=0.0):
        self.sock = sock
        self.address = address
        self.max_line = max_line
        self.accepted_at = accepted_at
        self.work = None  # the steps left of the line being answered (a generator)
        self.inbuf = bytearray()
        self.start = 0
        self.scan = 0
        self.outbuf = bytearray()
        self.discarding = False
        self.eof = False
        self.closed = False
        self.authenticated = False  # said hello with the script's secret
        self.greeted = False
        self.closing = False  # refused: closed once its last reply is written
        self.replying = False  # a long reply is being written in pieces: other lines wait in `held`
        self.held = []
        self.client = None
        self.observations = set()
        self.gestures = {}
        self.undo_steps = []  # the Songs this client began undo steps on and has not ended yet

    def __repr__(self):
        return "<Connection %s:%s %s>" % (self.address[0], self.address[1], self.client or "")

    def send(self, line):
        if self.replying:
            self.held.append(line)  # an event must not land inside the reply being written
        else:
            self.outbuf += line

    def begin_reply(self):
        self.replying = True

    def write_piece(self, piece):
        """A piece of the reply being written (between `begin_reply` and `end_reply`)."""
        self.outbuf += piece

    def end_reply(self):
        self.replying = False
        held, self.held = self.held, []
        for line in held:
            self.outbuf += line

    def read_available(self):
        """Read what the kernel holds, up to a bound; False when the peer closed."""
        while len(self.inbuf) - self.start < MAX_PENDING_INPUT:
            try:
                data = self.sock.recv(READ_CHUNK)
            except (OSError, socket.error) as error:
                if getattr(error, "errno", None) in _WOULD_BLOCK:
                    return True
                return False
            if not data:
                self.eof = True
                return True
            self.inbuf += data
            if len(data) < READ_CHUNK:
                return True
        return True

    def next_line(self):
        """The next complete line, `b""` for an over-long one (refused), or None."""
        while True:
            newline = self.inbuf.find(b"\n", self.scan)
            if newline < 0:
                self.scan = len(self.inbuf)
                if not self.discarding and self.scan - self.start > self.max_line:
                    self.discarding = True
                    self._consume(self.scan)
                    return b""
                if self.discarding:
                    self._consume(self.scan)
                return None
            line = bytes(self.inbuf[self.start:newline])
            self._consume(newline + 1)
            if self.discarding:
                self.discarding = False
                continue
            if len(line) > self.max_line:
                return b""
            if line.strip():
                return line

    def has_line(self):
        return self.inbuf.find(b"\n", self.start) >= 0

    def _consume(self, end):
        self.start = self.scan = end
        if self.start >= len(self.inbuf):
            del self.inbuf[:]
            self.start = self.scan = 0
        elif self.start > 65536:
            del self.inbuf[:self.start]
            self.scan -= self.start
            self.start = 0

    def write_pending(self):
        """Send what the socket takes now; False when the peer is gone or does not read."""
        while self.outbuf:
            try:
                sent = self.sock.send(self.outbuf)
            except (OSError, socket.error) as error:
                if getattr(error, "errno", None) in _WOULD_BLOCK:
                    break
                return False
            del self.outbuf[:sent]
        return len(self.outbuf) <= MAX_PENDING_OUTPUT


class LineServer(object):
    def __init__(self, port, max_line, log, host="127.0.0.1", hello_timeout=5.0, clock=time.monotonic):
        self.host = host
        self.port = port
        self.max_line = max_line
        self.hello_timeout = hello_timeout
        self.clock = clock  # tests move it
        self._log = log
        self._listener = None
        self.connections = []

    @property
    def listening(self):
        return self._listener is not None

    def start(self, before_listening=None):
        """Bind, call `before_listening(port)` (the port is known, nobody can connect yet), listen."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.port))
            if before_listening is not None:
                before_listening(listener.getsockname()[1])
            listener.listen(MAX_CONNECTIONS)
            listener.setblocking(False)
        except Exception:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]

    def poll(self, deadline, on_line, on_closed):
        """Accept, read, and run the work of complete lines (`on_line(conn, line)` gives it) until `deadline`."""
        if self._listener is None:
            return
        self._accept()
        self._expire()
        for conn in self.connections:
            if not conn.read_available():
                conn.closed = True
        busy = True
        while busy and time.perf_counter() < deadline:
            busy = False
            for conn in self.connections:
                if conn.closed or conn.closing:
                    continue
                if conn.work is None:
                    line = conn.next_line()
                    if line is None:
                        continue
                    conn.work = on_line(conn, line)
                busy = True
                if conn.work is not None and not self._step(conn):
                    conn.work = None
                if conn.work is None and conn.outbuf:
                    conn.write_pending()  # a short request's answer goes now, not after the others' work
        for conn in self.connections:
            if conn.eof and conn.work is None and not conn.has_line():
                conn.closed = True
        self._reap(on_closed)

    def _step(self, conn):
        """One step of a connection's work; False when it is done."""
        try:
            next(conn.work)
            return True
        except StopIteration:
            return False
        except Exception:  # the work answers its own errors; this is a bug of ours, and the line is dropped
            self._log.exception("the work of a line from %r failed" % (conn,))
            return False

    @property
    def busy(self):
        """Whether work or complete lines wait (a drain ran out of time)."""
        return any(not conn.closed and (conn.work is not None or conn.has_line()) for conn in self.connections)

    def flush(self, on_closed):
        for conn in self.connections:
            if conn.closed:
                continue
            if not conn.write_pending():
                if not conn.closing:
                    self._log.warning("closing %r: it does not read its replies" % (conn,))
                conn.closed = True
            elif conn.closing and not conn.outbuf:
                _shut(conn.sock)  # its last reply is on its way: the FIN follows it
                conn.closed = True
        self._reap(on_closed)

    def _expire(self):
        """Close connections that did not say hello in time: they hold slots others need."""
        limit = self.clock() - self.hello_timeout
        for conn in self.connections:
            if not conn.greeted and not conn.closed and conn.accepted_at < limit:
                self._log.warning("closing %s:%s: no hello within %s s" % (conn.address[:2] + (self.hello_timeout,)))
                conn.closed = True

    def _make_room(self):
        """All slots taken: the oldest connection that has not said hello goes, if there is one."""
        waiting = [conn for conn in self.connections if not conn.greeted and not conn.closed]
        if not waiting:
            return False
        oldest = min(waiting, key=lambda conn: conn.accepted_at)
        self._log.warning("closing %s:%s: all slots are taken and it has not said hello" % oldest.address[:2])
        oldest.closed = True  # reaped at the end of this poll
        return True

    def _open_count(self):
        return sum(1 for conn in self.connections if not conn.closed)

    def _accept(self):
        while True:
            try:
                sock, address = self._listener.accept()
            except (OSError, socket.error):
                return
            if not is_loopback(address) or (self._open_count() >= MAX_CONNECTIONS and not self._make_room()):
                self._log.warning("refused a connection from %s" % (address,))
                sock.close()
                continue
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.connections.append(Connection(sock, address, self.max_line, self.clock()))
            self._log.info("client connected from %s:%s" % address[:2])

    def _reap(self, on_closed):
        closed = [conn for conn in self.connections if conn.closed]
        if not closed:
            return
        self.connections = [conn for conn in self.connections if not conn.closed]
        for conn in closed:
            conn.work = None
            _close(conn.sock)
            self._log.info("client %s disconnected" % (conn.client or "%s:%s" % conn.address[:2]))
            on_closed(conn)

    def close(self, on_closed):
        for conn in self.connections:
            conn.closed = True
        self._reap(on_closed)
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def _shut(sock):
    try:
        sock.shutdown(socket.SHUT_WR)
    except (OSError, socket.error):
        pass


def _close(sock):
    try:
        sock.close()
    except (OSError, socket.error):
        pass
