"""Replaying protocol/fixtures/script/exchanges against the script on the simulator.

Each exchange runs on a fresh demo set with a simulated clock, so what the
script answers is exactly reproducible. `record_exchanges.py` writes the
answers into the fixtures; the tests replay and compare.
"""
import json
import os

from support import FIXTURES, SteppedLive, read_secret

EXCHANGES = os.path.join(FIXTURES, "script", "exchanges")
# What the fixtures write for the script's secret, which is new at each start: the replay puts the real one.
SECRET_PLACEHOLDER = "0" * 64


def exchange_files():
    return sorted(os.path.join(EXCHANGES, name) for name in os.listdir(EXCHANGES) if name.endswith(".json"))


def _expected_replies(step):
    if step.get("raw"):
        return 1
    line = step["send"]
    return len(line) if isinstance(line, list) and line else 1


def _read_available(client):
    client.sock.setblocking(False)
    messages = []
    while True:
        while b"\n" in client.buffer:
            line, client.buffer = client.buffer.split(b"\n", 1)
            messages.append(json.loads(line.decode("utf-8")))
        try:
            data = client.sock.recv(1 << 20)
        except BlockingIOError:
            return messages
        if not data:
            return messages
        client.buffer += data


def _with_secret(send, secret):
    if isinstance(send, dict) and send.get("op") == "hello" and send.get("secret") == SECRET_PLACEHOLDER:
        return dict(send, secret=secret)
    return send


def run_exchange(exchange):
    """What the script sends back at each step of an exchange."""
    live = SteppedLive()
    try:
        client = live.client(hello=False)
        received = []
        for step in exchange["steps"]:
            if "advance" in step:
                live.advance(step["advance"])
                received.append(_read_available(client))
                continue
            send = _with_secret(step["send"], read_secret(live.port))
            client.send_line(send.encode("utf-8") if step.get("raw") else json.dumps(send).encode("utf-8"))
            messages, replies = [], 0
            for _ in range(400):
                live.advance(0.005)
                for message in _read_available(client):
                    messages.append(message)
                    replies += "ok" in message
                if replies >= _expected_replies(step):
                    break
            received.append(messages)
        return received
    finally:
        live.close()
