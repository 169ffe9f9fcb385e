"""Song.CuePoint, the arrangement's locators, and what the Song does with them (private module).

As Live (the dumps; live-script/README.md, "Evidence: transport"):
- `Song.cue_points` lists them by time and tells its listeners when one comes,
  goes or moves past another; a CuePoint's `name` (settable in Live 12 only) and
  `time` are observable, and a deleted one is dead (equal to None);
- `can_jump_to_next_cue` / `can_jump_to_prev_cue` say whether a cue lies right or
  left of the song position, and change as the position moves;
- jumping to a cue (`CuePoint.jump`, `jump_to_next_cue`, `jump_to_prev_cue`) is
  quantized by the global quantization while the song plays, and moves the start
  position when it does not;
- `set_or_delete_cue` deletes the cue the position is on, else sets one there
  (quantized while playing); both are steps of Live's undo history.
"""
from . import _version
from ._lom import LomObject, Prop, live_class, signature

ON_CUE = 1e-6  # a position this close to a cue is on it


@live_class(
    "Song",
    "CuePoint",
    props={
        # Live 11's dump has the name read-only, Live 12's settable
        "name": Prop("", "sou" if _version.MAJOR >= 12 else "o"),
        "time": Prop(0.0, "o"),
        "canonical_parent": Prop(None, get=lambda cue: cue._song),
    },
)
class CuePoint(LomObject):
    """A locator of the arrangement: a name at a time in beats."""

    def __init__(self, song, time, name):
        LomObject.__init__(self, name=name, time=float(time))
        self._song = song

    @signature()
    def jump(self):
        # "When the Song is playing, set the playing-position quantized to this Cuepoint's time.
        # When not playing, simply move the start playing position." (the dumps)
        self._song._cues.jump_to(self._values["time"])


class CuesChange(object):
    """The song's cue list before and after a change, for Live's undo history (_journal.py's protocol)."""

    key = None

    def __init__(self, cues, old, new):
        self.cues, self.old, self.new = cues, [_spec(c) for c in old], [_spec(c) for c in new]

    def is_empty(self):
        return self.old == self.new

    def revert(self, history):
        self.cues.restore(self.old, history)

    def replay(self, history):
        self.cues.restore(self.new, history)


def _spec(cue):
    return cue, cue._values["name"], cue._values["time"]


class Cues(object):
    """The song's cue points, and the flags that depend on where the song is."""

    def __init__(self, song):
        self._song = song
        self.points = []

    def _position(self):
        return self._song._transport.beat()

    # ------------------------------------------------------------ reading
    def at(self, time):
        return next((c for c in self.points if abs(c._values["time"] - time) <= ON_CUE), None)

    def after(self, time):
        return next((c for c in self.points if c._values["time"] > time + ON_CUE), None)

    def before(self, time):
        return next((c for c in reversed(self.points) if c._values["time"] < time - ON_CUE), None)

    def update_flags(self):
        """The song position moved, or the cues changed: the jump flags follow (Live notifies each change)."""
        position = self._position()
        song = self._song
        song._update("can_jump_to_next_cue", self.after(position) is not None)
        song._update("can_jump_to_prev_cue", self.before(position) is not None)

    # ------------------------------------------------------------ changing
    def add(self, time, name):
        """A cue the set opens with, or one a musician makes: in time order, journaled."""
        cue = CuePoint(self._song, time, name)
        self._replace(self.points + [cue])
        return cue

    def remove(self, cue):
        self._replace([c for c in self.points if c is not cue])
        cue._delete()

    def move(self, cue, time):
        """A locator dragged in Live's arrangement (no API moves one)."""
        cue._update("time", float(time))
        self._replace(list(self.points))

    def _replace(self, points):
        before = list(self.points)
        self.points = sorted(points, key=lambda c: c._values["time"])
        history = self._song._history
        if history is not None and [id(c) for c in before] != [id(c) for c in self.points]:
            history.record(CuesChange(self, before, self.points))
        self._changed(before)

    def _changed(self, before):
        if [id(c) for c in before] != [id(c) for c in self.points]:
            self._song._notify("cue_points")
        self.update_flags()

    def restore(self, specs, history):
        """Undo or redo puts a cue list back: a deleted cue comes back as a new object (_snapshots.py's rule)."""
        before = list(self.points)
        wanted = []
        for original, name, time in specs:
            cue = history.resolve(original)
            if cue._deleted:
                revived = CuePoint(self._song, time, name)
                history.alias(cue, revived)
                cue = revived
            wanted.append(cue)
        for cue in before:
            if cue not in wanted:
                cue._delete()
        self.points = sorted(wanted, key=lambda c: c._values["time"])
        self._changed(before)

    # ------------------------------------------------------------ the Song's functions
    def jump_to(self, time):
        transport = self._song._transport
        if self._song._values["is_playing"]:
            transport.jump_quantized(time)
        else:
            transport.locate(time)

    def jump_next(self):
        cue = self.after(self._position())
        if cue is not None:  # "Jump to the next cue (marker) if possible."
            self.jump_to(cue._values["time"])

    def jump_prev(self):
        cue = self.before(self._position())
        if cue is not None:
            self.jump_to(cue._values["time"])

    def set_or_delete(self):
        position = self._position()
        cue = self.at(position)
        if cue is not None:
            self.remove(cue)
            return
        time = position
        if self._song._values["is_playing"]:
            time = self._song._transport.nearest_grid_line(position)  # Live's manual: set while playing, quantized
        if self.at(time) is None:
            self.add(time, self._new_name())

    def _new_name(self):
        # no evidence of the name Live gives a new locator: the next number no cue is called
        taken = set(c._values["name"] for c in self.points)
        number = 1
        while str(number) in taken:
            number += 1
        return str(number)
