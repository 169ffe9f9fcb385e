"""ableton.v2.control_surface (simulator): what public ableton.v2 scripts import.

`ControlSurface`, `Component`, `CompoundComponent`, the control elements and
the MIDI message types. See live-script/README.md, "Frameworks: what public
scripts use".
"""
from .component import Component, CompoundComponent
from .control_element import ControlElement, NotifyingControlElement
from .control_surface import ControlSurface
from .elements import ButtonElement, ButtonMatrixElement, EncoderElement, SliderElement
from .input_control_element import (MIDI_CC_TYPE, MIDI_INVALID_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, MIDI_SYSEX_TYPE,
                                    InputControlElement)

__all__ = (
    "Component", "CompoundComponent", "ControlElement", "NotifyingControlElement", "ControlSurface", "ButtonElement",
    "ButtonMatrixElement", "EncoderElement", "SliderElement", "MIDI_CC_TYPE", "MIDI_INVALID_TYPE", "MIDI_NOTE_TYPE",
    "MIDI_PB_TYPE", "MIDI_SYSEX_TYPE", "InputControlElement",
)
