"""Paths into Live's object model: the Python mirror of protocol/src/path.ts.

`live_set tracks 0 clip_slots 2 clip`, `live_app view`, `id 12 devices 0`:
a root and steps, each step a member name and, for lists, an index. Tokens
are separated by spaces (U+0020) and nothing else: a control character
anywhere (tab, newline, U+001C..., DEL, C1) makes the text no path, so that
Python's `str.split()` (which splits on U+001C to U+001F) and JavaScript's
whitespace class never read one text two ways.
"""
import re

from .errors import bad_request

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INDEX = re.compile(r"^(0|[1-9][0-9]{0,8})$")


class ParsedPath(object):
    __slots__ = ("root", "root_id", "steps")

    def __init__(self, root, root_id, steps):
        self.root = root  # "live_set", "live_app" or "id"
        self.root_id = root_id
        self.steps = steps  # [(name, index or None)]

    def format(self):
        head = "id %d" % self.root_id if self.root == "id" else self.root
        tail = [name if index is None else "%s %d" % (name, index) for name, index in self.steps]
        return " ".join([head] + tail)

    def to_json(self):
        root = {"kind": self.root}
        if self.root == "id":
            root["id"] = self.root_id
        steps = []
        for name, index in self.steps:
            step = {"name": name}
            if index is not None:
                step["index"] = index
            steps.append(step)
        return {"root": root, "steps": steps}


def _control_character(text):
    """The first control character (C0, DEL or C1) in `text`: (position, code), or None."""
    for position, char in enumerate(text):
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return position, code
    return None


def parse_path(text):
    """Parse a path or raise `bad_request` with the reason."""
    control = _control_character(text)
    if control is not None:
        raise bad_request("a path has no control characters (U+%04X at %d); separate words with spaces"
                          % (control[1], control[0]))
    tokens = [token for token in text.split(" ") if token]
    if not tokens:
        raise bad_request("empty path")
    first, rest = tokens[0], tokens[1:]
    root_id = None
    if first in ("live_set", "live_app"):
        root = first
    elif first == "id":
        id_token = rest.pop(0) if rest else ""
        if not _INDEX.fullmatch(id_token) or id_token == "0":
            raise bad_request('"id" must be followed by an object id, got "%s"' % id_token)
        root, root_id = "id", int(id_token)
    else:
        raise bad_request('a path starts with live_set, live_app or id N, not "%s"' % first)
    steps = []
    position = 0
    while position < len(rest):
        name = rest[position]
        if not _NAME.fullmatch(name):
            raise bad_request('"%s" is not a member name' % name)
        following = rest[position + 1] if position + 1 < len(rest) else None
        if following is not None and _INDEX.fullmatch(following):
            steps.append((name, int(following)))
            position += 2
        else:
            steps.append((name, None))
            position += 1
    return ParsedPath(root, root_id, steps)
