"""MIDI notes of the Live 11+ notes API: MidiNote, MidiNoteSpecification, MidiNoteVector."""
from ._lom import ArgumentError, ValueObject, accepts, coerce, live_vector, set_class_name

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


MidiNoteVector = live_vector("Clip", "MidiNoteVector")
IntU64Vector = live_vector("Base", "IntU64Vector")


class StoredNote(object):
    """A note inside a clip (the model, not API)."""

    __slots__ = NOTE_FIELDS + ("selected",)

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

    def to_api(self):
        return MidiNote(**dict((f, getattr(self, f)) for f in NOTE_FIELDS))

    def state(self):
        """What undo keeps of a note (its id comes back with it; selection is not undone)."""
        return tuple(getattr(self, f) for f in NOTE_FIELDS)

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
    notes that remain."""
    pitches = set(n.pitch for n in notes if n.note_id in touched)
    kept = [n for n in notes if n.pitch not in pitches]
    for pitch in pitches:
        line = sorted((n for n in notes if n.pitch == pitch),
                      key=lambda n: (n.start_time, n.note_id in touched))  # at one start, the touched note last
        survivors = []
        for note in line:
            if survivors and survivors[-1].start_time == note.start_time:
                survivors.pop()  # replaced by the note that came in
            if survivors and survivors[-1].start_time + survivors[-1].duration > note.start_time:
                survivors[-1].duration = note.start_time - survivors[-1].start_time
            survivors.append(note)
        kept.extend(survivors)
    return kept
