"""_Framework.EncoderElement: a knob or fader sending one CC (simulator).

Its map mode is how Live reads the CC when the encoder is mapped to a
parameter (absolute, or one of the relative encodings); a script that listens
gets the raw value, and `relative_value_to_delta` turns a relative one into a step.
"""
import Live

from .InputControlElement import InputControlElement, MIDI_CC_TYPE, MIDI_PB_TYPE

_MapMode = Live.MidiMap.MapMode


def _relative_delta(map_mode, value):
    """The step a relative encoder's value stands for, as Live reads it (0 for absolute modes)."""
    mode = int(map_mode)
    if mode in (int(_MapMode.relative_two_compliment), int(_MapMode.relative_smooth_two_compliment)):
        return value if value < 64 else value - 128
    if mode in (int(_MapMode.relative_binary_offset), int(_MapMode.relative_smooth_binary_offset)):
        return value - 64
    if mode in (int(_MapMode.relative_signed_bit), int(_MapMode.relative_smooth_signed_bit)):
        return -(value & 63) if value & 64 else value & 63
    if mode in (int(_MapMode.relative_signed_bit2), int(_MapMode.relative_smooth_signed_bit2)):
        return (value & 63) if value & 64 else -(value & 63)
    return 0


class EncoderElement(InputControlElement):
    def __init__(self, msg_type, channel, identifier, map_mode, *a, **k):
        super(EncoderElement, self).__init__(msg_type, channel, identifier, *a, **k)
        if msg_type not in (MIDI_CC_TYPE, MIDI_PB_TYPE):
            raise ValueError("an encoder sends CC or pitch bend")
        self._map_mode = map_mode

    def message_map_mode(self):
        return self._map_mode

    def is_absolute(self):
        return int(self._map_mode) in (int(_MapMode.absolute), int(_MapMode.absolute_14_bit))

    def relative_value_to_delta(self, value):
        return _relative_delta(self._map_mode, value)

    def normalize_value(self, value):
        if self.is_absolute():
            return value / 127.0
        return self.relative_value_to_delta(value) / 64.0
