"""MIDI notes of the Live 11+ notes API: MidiNote, MidiNoteSpecification, MidiNoteVector.

A clip keeps its notes as state tuples (`_note_store.py`); a read answers a
vector whose MidiNote wrappers are made when looked at, as Boost.Python's
vectors make them.
"""
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
_FAR = 1e9  # beats: no evidence of Live's own limit; anything past this is no musical time


def note_state(note_id, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
               velocity_deviation=0.0, release_velocity=64.0):
    """A note as the clip keeps it (`_note_store.py`), checked: its values in Live's types."""
    state = (note_id, int(pitch), float(start_time), float(duration), float(velocity), bool(mute),
             float(probability), float(velocity_deviation), float(release_velocity))
    check_note(state)
    return state


def check_note(state):
    # No negative start check: a clip holds notes before its start (pickup notes; AbletonOSC
    # reads from time -8192 for them). Durations, velocities and the rest: no evidence of
    # Live's limits, so the simulator refuses what a piano roll cannot show (see the README).
    _, pitch, start_time, duration, velocity, _, probability, velocity_deviation, release_velocity = state
    if not (-_FAR <= start_time <= _FAR):  # also refuses NaN, which no clip could sort
        raise RuntimeError("Invalid note start time: %r" % start_time)
    if not (0 <= pitch <= 127):
        raise RuntimeError("Invalid note pitch: %r" % pitch)
    if not (0 < duration <= _FAR):
        raise RuntimeError("Invalid note duration: %r" % duration)
    if not (0 <= velocity <= 127 and 0 <= release_velocity <= 127):
        raise RuntimeError("Invalid note velocity")
    if not (0.0 <= probability <= 1.0):
        raise RuntimeError("Invalid note probability")
    if not (-127 <= velocity_deviation <= 127):
        raise RuntimeError("Invalid note velocity deviation")
