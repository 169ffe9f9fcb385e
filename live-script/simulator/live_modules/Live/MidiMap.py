"""Live.MidiMap: what a script asks Live to do with the MIDI reaching its input.

Forwarded messages go to the script's `receive_midi`; mapped ones move a
parameter directly. Both are per script, rebuilt whenever the script asks.
"""
from . import _enums
from . import _lom

MapMode = _enums.MapMode


class CCFeedbackRule(_lom.ValueObject):
    _fields = ("cc_no", "cc_value_map", "channel", "delay_in_ms", "enabled")
    _settable = _fields


class NoteFeedbackRule(_lom.ValueObject):
    _fields = ("channel", "delay_in_ms", "enabled", "note_no", "vel_map")
    _settable = _fields


class PitchBendFeedbackRule(_lom.ValueObject):
    _fields = ("channel", "delay_in_ms", "enabled", "value_pair_map")
    _settable = _fields


for _rule in (CCFeedbackRule, NoteFeedbackRule, PitchBendFeedbackRule):
    _lom.set_class_name(_rule, "MidiMap")


def _map(handle):
    _lom.HOST.check_thread()
    midi_map = _lom.HOST.scheduler.midi_map(handle) if _lom.HOST.scheduler is not None else None
    if midi_map is None:
        raise RuntimeError("Invalid midi map handle (MIDI maps may only change inside build_midi_map)")
    return midi_map


def _ints(*values):
    for value in values:
        if not isinstance(value, int):
            raise TypeError("Python argument types did not match C++ signature")


def forward_midi_cc(script_handle, midi_map_handle, channel, cc, ShouldConsumeEvent=True):
    _ints(script_handle, midi_map_handle, channel, cc)
    _map(midi_map_handle).forward(("cc", channel, cc))
    return True


def forward_midi_note(script_handle, midi_map_handle, channel, note, ShouldConsumeEvent=True):
    _ints(script_handle, midi_map_handle, channel, note)
    _map(midi_map_handle).forward(("note", channel, note))
    return True


def forward_midi_pitchbend(script_handle, midi_map_handle, channel):
    _ints(script_handle, midi_map_handle, channel)
    _map(midi_map_handle).forward(("pitchbend", channel, None))
    return True


def map_midi_cc(midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover,
                sensitivity=1.0):
    _ints(midi_map_handle, midi_channel, controller_number)
    _map(midi_map_handle).map(("cc", midi_channel, controller_number), parameter, int(map_mode))
    return True


def map_midi_cc_with_feedback_map(midi_map_handle, parameter, midi_channel, controller_number, map_mode,
                                  feedback_rule, avoid_takeover, sensitivity=1.0):
    return map_midi_cc(midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover)


def map_midi_note(midi_map_handle, parameter, channel, note):
    _ints(midi_map_handle, channel, note)
    _map(midi_map_handle).map(("note", channel, note), parameter, 0)
    return True


def map_midi_note_with_feedback_map(midi_map_handle, parameter, channel, note, feedback_rule):
    return map_midi_note(midi_map_handle, parameter, channel, note)


def map_midi_pitchbend(midi_map_handle, parameter, channel, avoid_takeover):
    _ints(midi_map_handle, channel)
    _map(midi_map_handle).map(("pitchbend", channel, None), parameter, 0)
    return True


def map_midi_pitchbend_with_feedback_map(midi_map_handle, parameter, channel, feedback_rule, avoid_takeover):
    return map_midi_pitchbend(midi_map_handle, parameter, channel, avoid_takeover)


def send_feedback_for_parameter(midi_map_handle, parameter):
    _map(midi_map_handle)
