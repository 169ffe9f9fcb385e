"""ableton.v2.control_surface.input_control_element (simulator): the same control as `_Framework`'s."""
from _Framework.InputControlElement import (
    MIDI_CC_TYPE, MIDI_INVALID_TYPE, MIDI_MSG_TYPES, MIDI_NOTE_TYPE, MIDI_PB_TYPE, MIDI_SYSEX_TYPE,
    InputControlElement, InputSignal,
)

__all__ = ("MIDI_CC_TYPE", "MIDI_INVALID_TYPE", "MIDI_MSG_TYPES", "MIDI_NOTE_TYPE", "MIDI_PB_TYPE", "MIDI_SYSEX_TYPE",
           "InputControlElement", "InputSignal")
