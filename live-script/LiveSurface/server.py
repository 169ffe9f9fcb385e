"""A non-blocking line server on 127.0.0.1 (standard library only, no Live).

Nothing here blocks: the script polls it from Live's main thread with a
deadline, so a flood of requests waits for the next drain instead of
freezing Live. Lines are newline-delimited JSON; over-long lines are
refused and skipped, and a client that stops reading is disconnected
rather than allowed to grow the script's memory.
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

    def __init__(self, sock, address, max_line):
        self.sock = sock
        self.address = address
        self.max_line = max_line
        self.inbuf = bytearray()
        self.start = 0
        self.scan = 0
        self.outbuf = bytearray()
        self.discarding = False
        self.eof = False
        self.closed = False
        self.greeted = False
        self.client = None
        self.observations = set()
        self.gestures = {}
        self.undo_steps = []  # the Songs this client began undo steps on and has not ended yet

    def __repr__(self):
        return "<Connection %s:%s %s>" % (self.address[0], self.address[1], self.client or "")

    def send(self, line):
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
    def __init__(self, port, max_line, log, host="127.0.0.1"):
        self.host = host
        self.port = port
        self.max_line = max_line
        self._log = log
        self._listener = None
        self.connections = []

    @property
    def listening(self):
        return self._listener is not None

    def start(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.port))
            listener.listen(MAX_CONNECTIONS)
            listener.setblocking(False)
        except Exception:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]

    def poll(self, deadline, on_line, on_closed):
        """Accept, read, and hand complete lines to `on_line(conn, line)` until `deadline`."""
        if self._listener is None:
            return
        self._accept()
        for conn in self.connections:
            if not conn.read_available():
                conn.closed = True
        busy = True
        while busy and time.perf_counter() < deadline:
            busy = False
            for conn in self.connections:
                if conn.closed:
                    continue
                line = conn.next_line()
                if line is not None:
                    on_line(conn, line)
                    busy = True
        for conn in self.connections:
            if conn.eof and not conn.has_line():
                conn.closed = True
        self._reap(on_closed)

    def flush(self, on_closed):
        for conn in self.connections:
            if not conn.closed and not conn.write_pending():
                self._log.warning("closing %r: it does not read its replies" % (conn,))
                conn.closed = True
        self._reap(on_closed)

    def _accept(self):
        while True:
            try:
                sock, address = self._listener.accept()
            except (OSError, socket.error):
                return
            if not is_loopback(address) or len(self.connections) >= MAX_CONNECTIONS:
                self._log.warning("refused a connection from %s" % (address,))
                sock.close()
                continue
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.connections.append(Connection(sock, address, self.max_line))
            self._log.info("client connected from %s:%s" % address[:2])

    def _reap(self, on_closed):
        closed = [conn for conn in self.connections if conn.closed]
        if not closed:
            return
        self.connections = [conn for conn in self.connections if not conn.closed]
        for conn in closed:
            try:
                conn.sock.close()
            except (OSError, socket.error):
                pass
            self._log.info("client %s disconnected" % (conn.client or "%s:%s" % conn.address[:2]))
            on_closed(conn)

    def close(self, on_closed):
        for conn in self.connections:
            conn.closed = True
        self._reap(on_closed)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
