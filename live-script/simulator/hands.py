"""The musician's hands: what only Live's own UI does to a set, done to the simulated one.

No remote script can select a device parameter (`song.view.selected_parameter`
is read-only in Live's API): the musician clicks it in Live. Tests of the app
need that click on a running simulator, so `sim.py --exit-with-stdin` takes
hands on its stdin, one JSON object a line:

    {"hand": "select_parameter", "target": "live_set tracks 1 devices 0 parameters 3"}
    {"hand": "select_track", "target": "live_set return_tracks 0"}

Hands stand for Live's UI and are no part of the script's protocol: the script
sees only what they change, as it sees a musician's clicks. Each runs on the
host's main thread (Live's); a line that cannot be done is reported and
ignored, never taken into the main loop.
"""
import json
import re

import Live


class HandError(Exception):
    """A hand that cannot be done: the line, its action or its target is wrong."""


_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")  # Live's own members: nothing of the simulator's (`_x`)
_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


def resolve(song, target):
    """The object `target` names in `song`: `live_set`, then member names, a list's followed by an index."""
    tokens = target.split(" ")
    if tokens[0] != "live_set":
        raise HandError('a target starts with live_set, not "%s"' % tokens[0])
    obj, position = song, 1
    while position < len(tokens):
        name = tokens[position]
        walked = " ".join(tokens[:position])
        if not _NAME.match(name):
            raise HandError('"%s" in "%s" is not a member name' % (name, target))
        try:
            obj = getattr(obj, name)
        except (AttributeError, RuntimeError):  # RuntimeError: a deleted object
            raise HandError('"%s" has no %s' % (walked, name))
        position += 1
        if position < len(tokens) and _INDEX.match(tokens[position]):
            index = int(tokens[position])
            try:
                obj = obj[index]
            except (TypeError, IndexError, KeyError):
                raise HandError('"%s %s" has no item %d' % (walked, name, index))
            position += 1
    return obj


def _resolve_as(song, target, live_class, what):
    obj = resolve(song, target)
    if not isinstance(obj, live_class):
        raise HandError('"%s" is not %s' % (target, what))
    return obj


def select_parameter(song, target):
    """The musician clicks a device's parameter (or a mixer's) in Live: it becomes the selected parameter."""
    song.view._select_parameter(_resolve_as(song, target, Live.DeviceParameter.DeviceParameter, "a parameter"))


def select_track(song, target):
    """The musician clicks a track's title bar in Live: it becomes the selected track."""
    # The selection the API's setter makes, without the API's guards: Live's UI is no listener to refuse.
    song.view._select(track=_resolve_as(song, target, Live.Track.Track, "a track"))


ACTIONS = {"select_parameter": select_parameter, "select_track": select_track}
FIELDS = ("hand", "target")


def parse(line):
    """The action and target of one line (bytes or text); HandError says what is wrong with it."""
    try:
        hand = json.loads(line)
    except Exception as error:  # not JSON, not UTF-8, or nested past what Python's json reads
        raise HandError("not a JSON line: %s" % error)
    if not isinstance(hand, dict):
        raise HandError("a hand is a JSON object, not %s" % type(hand).__name__)
    name = hand.get("hand")
    if not isinstance(name, str) or name not in ACTIONS:
        raise HandError("unknown hand %s (the hands: %s)" % (json.dumps(name), ", ".join(sorted(ACTIONS))))
    unknown = sorted(key for key in hand if key not in FIELDS)
    if unknown:
        raise HandError("%s takes no %s" % (name, ", ".join(unknown)))
    target = hand.get("target")
    if not isinstance(target, str):
        raise HandError("%s needs a target (a path as text)" % name)
    return ACTIONS[name], target


class Hands(object):
    """Lines in, hands done on the host's main thread, what went wrong told to `report` (one line each)."""

    def __init__(self, host, report):
        self.host = host
        self.report = report
        self._pending = b""

    def feed(self, data):
        """Bytes as they arrive: each complete line is a hand (an unfinished one waits for its newline)."""
        lines = (self._pending + data).split(b"\n")
        self._pending = lines.pop()
        for line in lines:
            if line.strip():
                self.line(line)

    def line(self, line):
        """One hand: parsed here, done on Live's thread."""
        try:
            action, target = parse(line)
        except HandError as error:
            self._tell(error)
            return
        self.host.call_soon(lambda: self._do(action, target))

    def _do(self, action, target):
        try:
            action(self.host.song, target)
        except HandError as error:
            self._tell(error)
        except Exception as error:  # kept out of the main loop, which it would end
            self._tell("%s %s failed: %s: %s" % (action.__name__, json.dumps(target), type(error).__name__, error))

    def _tell(self, why):
        self.report(" ".join(str(why).splitlines()))
