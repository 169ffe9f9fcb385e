"""The simulator's MIDI input: a TCP socket on 127.0.0.1 standing in for a MIDI port.

Bytes written to it are a raw MIDI stream (running status allowed, sysex
from F0 to F7). The bridge writes there when no virtual MIDI port can open.
What the set sends out (a script's `send_midi`) goes back to every client.
"""
import socket

SYSEX_START, SYSEX_END = 0xF0, 0xF7
_DATA_LENGTH = {0x80: 2, 0x90: 2, 0xA0: 2, 0xB0: 2, 0xC0: 1, 0xD0: 1, 0xE0: 2}
MAX_SYSEX = 64 * 1024


class MidiParser(object):
    """Turns a byte stream into complete MIDI messages (tuples of ints)."""

    def __init__(self):
        self._status = None
        self._data = []
        self._sysex = None

    def feed(self, data):
        messages = []
        for byte in bytearray(data):
            if byte >= 0xF8:  # real-time bytes may come anywhere and are not for us
                continue
            if self._sysex is not None:
                if byte == SYSEX_END:
                    self._sysex.append(byte)
                    messages.append(tuple(self._sysex))
                    self._sysex = None
                elif byte & 0x80:
                    self._sysex = None  # an unterminated sysex is dropped, as MIDI ports do
                    self._start(byte, messages)
                elif len(self._sysex) < MAX_SYSEX:
                    self._sysex.append(byte)
                continue
            if byte & 0x80:
                self._start(byte, messages)
            elif self._status is not None:
                self._data.append(byte)
                if len(self._data) == _DATA_LENGTH[self._status & 0xF0]:
                    messages.append((self._status,) + tuple(self._data))
                    self._data = []
        return messages

    def _start(self, byte, messages):
        if byte == SYSEX_START:
            self._sysex = [byte]
            self._status = None
        elif byte < 0xF0:
            self._status = byte
            self._data = []
        else:  # other system common messages cancel running status
            self._status = None


def listen(port, host="127.0.0.1"):
    """A non-blocking listening socket on `host`:`port` (0: any free port)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen(8)
        server.setblocking(False)
    except OSError:
        server.close()
        raise
    return server


def accept_local(server):
    """The next client of `server` if it is on this machine (127.*), non-blocking, else None."""
    try:
        client, address = server.accept()
    except (BlockingIOError, InterruptedError):
        return None
    if not address[0].startswith("127."):
        client.close()
        return None
    client.setblocking(False)
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return client


class LocalPort(object):
    """A listening socket on this machine standing in for a MIDI port, and its clients; the host's
    loop polls them. `_clients` maps each client to what the port keeps for it."""

    def __init__(self, port, host="127.0.0.1"):
        self._server = listen(port, host)
        self.port = self._server.getsockname()[1]
        self._clients = {}

    def sockets(self):
        return [self._server] + list(self._clients)

    def _accepted(self):
        """The client that knocked (None: not one of this machine's, or gone already)."""
        return accept_local(self._server)

    def _received(self, sock, size):
        """What `sock` sent, b"" when it is gone (then dropped), or None when nothing came after all."""
        try:
            data = sock.recv(size)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            data = b""
        if not data:
            self._drop(sock)
        return data

    def _drop(self, sock):
        self._clients.pop(sock, None)
        try:
            sock.close()
        except OSError:
            pass

    def close(self):
        for client in list(self._clients):
            self._drop(client)
        self._server.close()


class MidiInput(LocalPort):
    """The MIDI input: each client's bytes are MIDI for Live; what the set sends out goes back to all."""

    def handle_readable(self, sock):
        """Accept or read; returns the complete messages that arrived."""
        if sock is self._server:
            client = self._accepted()
            if client is not None:
                self._clients[client] = MidiParser()
            return []
        data = self._received(sock, 65536)
        return self._clients[sock].feed(data) if data else []

    def send(self, midi_bytes):
        """MIDI the set sends out (to every connected client)."""
        payload = bytes(bytearray(midi_bytes))
        for client in list(self._clients):
            try:
                client.send(payload)
            except OSError:
                self._drop(client)
