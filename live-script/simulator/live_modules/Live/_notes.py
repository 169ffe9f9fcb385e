"""MIDI notes of the Live 11+ notes API: MidiNote, MidiNoteSpecification, MidiNoteVector.

A clip may hold tens of thousands of notes, and Live's main thread must not
stall on them more than Live would: a note keeps its state tuple (what undo
journals) and its order key, refreshed where it changes (`refresh()`), so a
change of a few notes costs little more than a copy of the list; a read
answers a vector whose MidiNote wrappers are made when looked at, as
Boost.Python's vectors make them.
"""
from itertools import compress
from operator import attrgetter, not_

from ._lom import (ArgumentError, LazyVector, ValueObject, accepts, coerce, lazy_vector, live_vector,
                   set_class_name)

NOTE_FIELDS = ("note_id", "pitch", "start_time", "duration", "velocity", "mute",
               "probability", "velocity_deviation", "release_velocity")
SETTABLE_NOTE_FIELDS = NOTE_FIELDS[1:]


class MidiNote(ValueObject):
    """A note as `get_notes_extended` returns it; all but `note_id` may be changed
    and handed back to `apply_note_modifications`."""

    _fields = NOTE_FIELDS
    _settable = SETTABLE_NOTE_FIELDS


set_class_name(MidiNote, "Clip")


class MidiNoteSpecification(ValueObject):
    """The data for a note to create with `add_new_notes`."""

    _fields = SETTABLE_NOTE_FIELDS
    _settable = ()

    def __init__(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                 velocity_deviation=0.0, release_velocity=64.0):
        # C++ signature: (int pitch, double start_time, double duration [, float ...]); Boost.Python
        # takes an int for a double (AbletonOSC's tests pass velocity 64) but no float for the int pitch.
        values = (pitch, start_time, duration, velocity, mute, probability, velocity_deviation, release_velocity)
        kinds = ("int", "float", "float", "float", "bool", "float", "float", "float")
        if not all(accepts(kind, value) for kind, value in zip(kinds, values)):
            raise ArgumentError(
                "Python argument types in\n    MidiNoteSpecification.__init__(MidiNoteSpecification, %s)\n"
                "did not match C++ signature:\n    __init__(_object*, int, double, double [, float [, bool "
                "[, float [, float [, float]]]]])" % ", ".join(type(v).__name__ for v in values)
            )
        ValueObject.__init__(self, **dict(zip(SETTABLE_NOTE_FIELDS, [coerce(k, v) for k, v in zip(kinds, values)])))


set_class_name(MidiNoteSpecification, "Clip")


def _note_of(state):
    """A MidiNote of a state tuple, without the checks a script's own MidiNote would need."""
    note = MidiNote.__new__(MidiNote)
    note.__dict__.update(zip(NOTE_FIELDS, state))
    return note


MidiNoteVector = live_vector("Clip", "MidiNoteVector", LazyVector)


def notes_vector(states):
    """The MidiNoteVector a clip answers: its notes' state tuples, wrapped when looked at."""
    return lazy_vector(MidiNoteVector, states, _note_of)


IntU64Vector = live_vector("Base", "IntU64Vector")

_STATE_OF = attrgetter(*NOTE_FIELDS)
_START = attrgetter("start_time")
_PITCH = attrgetter("pitch")
_NOTE_ID = attrgetter("note_id")


class StoredNote(object):
    """A note inside a clip (the model, not API)."""

    __slots__ = NOTE_FIELDS + ("selected", "cached_state", "order")

    def __init__(self, note_id, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                 velocity_deviation=0.0, release_velocity=64.0):
        self.note_id = note_id
        self.pitch = pitch
        self.start_time = start_time
        self.duration = duration
        self.velocity = velocity
        self.mute = mute
        self.probability = probability
        self.velocity_deviation = velocity_deviation
        self.release_velocity = release_velocity
        self.selected = False
        self.refresh()

    def refresh(self):
        """After a field changed in place: the state and the order key follow."""
        self.cached_state = _STATE_OF(self)
        self.order = (self.start_time, self.pitch)

    def to_api(self):
        return _note_of(self.cached_state)

    def state(self):
        """What undo keeps of a note (its id comes back with it; selection is not undone)."""
        return self.cached_state

    @classmethod
    def from_state(cls, state):
        return cls(*state)

    def check(self):
        # No negative start check: a clip holds notes before its start (pickup notes; AbletonOSC
        # reads from time -8192 for them). Durations, velocities and the rest: no evidence of
        # Live's limits, so the simulator refuses what a piano roll cannot show (see the README).
        if not (0 <= self.pitch <= 127):
            raise RuntimeError("Invalid note pitch: %r" % self.pitch)
        if self.duration <= 0:
            raise RuntimeError("Invalid note duration: %r" % self.duration)
        if not (0 <= self.velocity <= 127 and 0 <= self.release_velocity <= 127):
            raise RuntimeError("Invalid note velocity")
        if not (0.0 <= self.probability <= 1.0):
            raise RuntimeError("Invalid note probability")
        if not (-127 <= self.velocity_deviation <= 127):
            raise RuntimeError("Invalid note velocity deviation")


def resolve_overlaps(notes, touched):
    """Live keeps no two notes of a pitch on top of each other (whybothercoding/ableton-mcp-server,
    reference/live-api-quirks.md, proven on Live 12): where a note starts inside an earlier one of
    the same pitch, the earlier is cut short; a note starting where another starts replaces it.
    Only pitches with a note in `touched` (ids just added or changed) are looked at; returns the
    notes that remain.

    The notes of a pitch that were not touched lie apart already (every change ends here), so only
    the places around touched notes can change: each pitch's line is walked there, not whole, and
    the rest is sorted and sifted by the interpreter's own loops (a clip may hold 40,000 notes).
    """
    touched = set(touched)
    is_touched = touched.__contains__
    pitches = set(n.pitch for n in compress(notes, map(is_touched, map(_NOTE_ID, notes))))
    if not pitches:
        return notes
    involved_mask = list(map(pitches.__contains__, map(_PITCH, notes)))
    kept = list(compress(notes, map(not_, involved_mask)))
    lines = dict((pitch, []) for pitch in pitches)
    for note in compress(notes, involved_mask):  # each pitch's notes in the list's order
        lines[note.pitch].append(note)
    for line in lines.values():
        flags = list(map(is_touched, map(_NOTE_ID, line)))
        line = list(compress(line, map(not_, flags))) + list(compress(line, flags))
        line.sort(key=_START)  # stable: at one start, the touched note comes last
        kept.extend(_resolve_line(line, is_touched))
    return kept


def _resolve_line(line, is_touched):
    """A pitch's notes by start, with the places around touched notes resolved."""
    positions = list(compress(range(len(line)), map(is_touched, map(_NOTE_ID, line))))
    windows = []
    for position in positions:  # each touched note and its neighbours; neighbouring windows merged
        first, last = max(0, position - 1), min(len(line) - 1, position + 1)
        if windows and first <= windows[-1][1] + 1:
            windows[-1][1] = last
        else:
            windows.append([first, last])
    for first, last in reversed(windows):  # from the end: an earlier window's indices stay right
        line[first:last + 1] = _survivors(line[first:last + 1])
    return line


def _survivors(line):
    survivors = []
    for note in line:
        if survivors and survivors[-1].start_time == note.start_time:
            survivors.pop()  # replaced by the note that came in
        if survivors and survivors[-1].start_time + survivors[-1].duration > note.start_time:
            survivors[-1].duration = note.start_time - survivors[-1].start_time
            survivors[-1].refresh()
        survivors.append(note)
    return survivors
