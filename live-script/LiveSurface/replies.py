"""Replies made in steps, so that no request holds Live's main thread for long.

The drain that runs a line's steps stops between them when its budget is
spent (server.py), and goes on at the next drain.
- `LongReply`: a clip's notes come thousands at a time; converting and
  encoding them in one go would take tens of milliseconds. It converts and
  encodes `SLICE` items per step, and its line goes to the connection in
  pieces, a few per step (events meanwhile wait: server.Connection). The
  items are Live's answer as it was when the request ran (a MidiNoteVector
  holds copies of the notes), so the reply is what Live said then, whenever
  the last slice is made.
- `Stepped`: a handler that is a generator (`read_envelope`, `write_envelope`)
  yields between steps, using `Pace` to know when a step has run long enough,
  and returns its result.
"""
import itertools
import json
import time

from .errors import RequestError, live_error
from .protocol import encode, error_reply, ok_reply

SLICE = 250  # items per step: well under a millisecond each
STEP_SECONDS = 0.001  # how long a `Pace`d step runs before it yields
_SEPARATORS = (",", ":")


class Pace(object):
    """`if pace.due(): yield`: true once the current step has run `seconds`; the next step's time
    starts at its first `due()`."""

    def __init__(self, seconds=STEP_SECONDS):
        self.seconds = seconds
        self.until = None

    def due(self):
        now = time.perf_counter()
        if self.until is None:
            self.until = now + self.seconds
            return False
        if now < self.until:
            return False
        self.until = None
        return True


class Stepped(object):
    """The reply of a generator handler: `work` yields between steps and returns the result."""

    def __init__(self, request_id, work):
        self.request_id = request_id
        self.work = work
        self.line = None

    @property
    def pieces(self):
        return [self.line]

    def steps(self, log):
        """Yields between steps; `line` then holds the reply (or the error it ended with)."""
        try:
            result = yield from self.work
            text = yield from encode_in_steps(ok_reply(self.request_id, result))
        except RequestError as error:
            self.line = encode(error_reply(self.request_id, error))
        except Exception as error:
            log.exception("request %s failed" % self.request_id)
            self.line = encode(error_reply(self.request_id, live_error("unexpected error: %s" % error)))
        else:
            self.line = (text + "\n").encode("utf-8")


def encode_in_steps(value):
    """JSON text of `value` (a generator: yields between slices of its long lists, returns the text)."""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            text = yield from encode_in_steps(item)
            parts.append("%s:%s" % (json.dumps(str(key)), text))
        return "{%s}" % ",".join(parts)
    if isinstance(value, list) and len(value) > SLICE:
        parts = []
        for start in range(0, len(value), SLICE):
            if start:
                yield
            parts.append(json.dumps(value[start:start + SLICE], separators=_SEPARATORS, allow_nan=False)[1:-1])
        return "[%s]" % ",".join(parts)
    return json.dumps(value, separators=_SEPARATORS, allow_nan=False)


def is_long(value):
    """Whether a result is a list long enough to be sent in slices."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        return False
    try:
        return len(value) > SLICE
    except TypeError:
        return False


class LongReply(object):
    def __init__(self, request_id, items, convert, ref=None):
        self.request_id = request_id
        self.items = items
        self.convert = convert
        self.ref = ref
        self.pieces = None  # the reply line's bytes, in pieces, once `steps` ran out

    def steps(self, log):
        """Yields between slices; `pieces` then hold the reply (or the error it ended with)."""
        parts = []
        try:
            items = iter(self.items)
            while True:
                chunk = [self.convert(item) for item in itertools.islice(items, SLICE)]
                if chunk:
                    text = json.dumps(chunk, separators=_SEPARATORS, allow_nan=False)[1:-1]
                    parts.append(("," if parts else "").encode("utf-8") + text.encode("utf-8"))
                if len(chunk) < SLICE:
                    break
                yield
        except RequestError as error:
            self.pieces = [encode(error_reply(self.request_id, error))]
            return
        except Exception as error:
            log.exception("the reply to request %s failed" % self.request_id)
            self.pieces = [encode(error_reply(self.request_id, live_error("unexpected error: %s" % error)))]
            return
        tail = "]}" if self.ref is None else "],\"ref\":%s}" % json.dumps(self.ref, separators=_SEPARATORS)
        # never joined: a connection takes the pieces a few per step (surface.py), so no step copies them all
        self.pieces = [('{"id":%d,"ok":true,"result":[' % self.request_id).encode("utf-8")] + parts + [
            (tail + "\n").encode("utf-8")]
