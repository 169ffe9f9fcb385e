"""The simulator's "LiveSurface Return" MIDI port: a TCP socket on 127.0.0.1 standing in for it.

With real Live the bridge opens a virtual MIDI input of that name, and a MIDI track sending
its output there plays the musician's hardware through the bridge. Here every connected client
gets the raw bytes Live sends to that port (Live/_midi_out.py): whole messages, in order, no
running status. What a client writes is not MIDI for Live (the port only goes out) and is read
only to notice when it leaves.
"""
from .midi_input import LocalPort

# Bytes one client may have waiting, unsent, before it counts as gone (it does not read).
MAX_PENDING = 256 * 1024


class MidiReturn(LocalPort):
    """The return port: `send` writes to every client (each client keeps a bytearray not yet taken by it)."""

    @property
    def client_count(self):
        return len(self._clients)

    def owns(self, sock):
        return sock is self._server or sock in self._clients

    def handle_readable(self, sock):
        """Accept a client, or read one (to see it leave)."""
        if sock is self._server:
            client = self._accepted()
            if client is not None:
                self._clients[client] = bytearray()
            return
        self._received(sock, 4096)  # what a client writes is not MIDI for Live: only its leaving counts

    def send(self, message):
        """A complete MIDI message for every client."""
        payload = bytes(bytearray(message))
        for client in list(self._clients):
            self._clients[client] += payload
            self._write(client)

    def flush(self):
        """Write what a busy client could not take before (the host's loop calls this)."""
        for client, pending in list(self._clients.items()):
            if pending:
                self._write(client)

    def _write(self, client):
        pending = self._clients[client]
        try:
            sent = client.send(pending)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._drop(client)
            return
        del pending[:sent]  # a message cut by a full buffer goes on whole from where it stopped
        if len(pending) > MAX_PENDING:
            self._drop(client)
