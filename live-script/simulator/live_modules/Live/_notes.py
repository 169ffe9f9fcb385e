"""MIDI notes of the Live 11+ notes API: MidiNote, MidiNoteSpecification, MidiNoteVector."""
from ._lom import ArgumentError, ValueObject, live_vector, set_class_name

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
        # C++ signature: (int pitch, double start_time, double duration [, float ...])
        values = (pitch, start_time, duration, velocity, mute, probability, velocity_deviation, release_velocity)
        kinds = ("int", "float", "float", "float", "bool", "float", "float", "float")
        for kind, value in zip(kinds, values):
            ok = {
                "int": isinstance(value, int) and not isinstance(value, bool),
                "float": isinstance(value, float),
                "bool": isinstance(value, bool),
            }[kind]
            if not ok:
                raise ArgumentError(
                    "Python argument types in\n    MidiNoteSpecification.__init__(MidiNoteSpecification, %s)\n"
                    "did not match C++ signature:\n    __init__(_object*, int, double, double [, float [, bool "
                    "[, float [, float [, float]]]]])" % ", ".join(type(v).__name__ for v in values)
                )
        ValueObject.__init__(self, **dict(zip(SETTABLE_NOTE_FIELDS, values)))


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

    def check(self):
        if not (0 <= self.pitch <= 127):
            raise RuntimeError("Invalid note pitch: %r" % self.pitch)
        if self.duration <= 0:
            raise RuntimeError("Invalid note duration: %r" % self.duration)
        if self.start_time < 0:
            raise RuntimeError("Invalid note start time: %r" % self.start_time)
        if not (0 <= self.velocity <= 127 and 0 <= self.release_velocity <= 127):
            raise RuntimeError("Invalid note velocity")
        if not (0.0 <= self.probability <= 1.0):
            raise RuntimeError("Invalid note probability")
        if not (-127 <= self.velocity_deviation <= 127):
            raise RuntimeError("Invalid note velocity deviation")
