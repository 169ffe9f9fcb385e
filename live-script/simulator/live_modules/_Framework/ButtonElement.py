"""_Framework.ButtonElement: a button sending a note or a CC (simulator).

Pressed is any value but 0 (a note off is 0). `turn_on` / `turn_off` light it
with `ON_VALUE` / `OFF_VALUE`; `set_light(True/False)` does the same.
"""
from .InputControlElement import InputControlElement, MIDI_NOTE_TYPE, MIDI_CC_TYPE

ON_VALUE = 127
OFF_VALUE = 0


class DummyUndoStepHandler(object):
    def begin_undo_step(self):
        pass

    def end_undo_step(self):
        pass


class ButtonValue(object):
    def __init__(self, midi_value=127):
        self.midi_value = midi_value

    def __int__(self):
        return self.midi_value


class ButtonElement(InputControlElement):
    def __init__(self, is_momentary, msg_type, channel, identifier, *a, **k):
        super(ButtonElement, self).__init__(msg_type, channel, identifier, *a, **k)
        if msg_type not in (MIDI_NOTE_TYPE, MIDI_CC_TYPE):
            raise ValueError("a button sends a note or a CC")
        self._is_momentary = bool(is_momentary)
        self._is_pressed = False

    def is_momentary(self):
        return self._is_momentary

    def is_pressed(self):
        return self._is_pressed

    def receive_value(self, value):
        self._is_pressed = value != 0
        super(ButtonElement, self).receive_value(value)

    def turn_on(self):
        self.send_value(ON_VALUE)

    def turn_off(self):
        self.send_value(OFF_VALUE)

    def set_light(self, value):
        if value is True:
            self.turn_on()
        elif value is False or value is None:
            self.turn_off()
        else:
            self.send_value(int(value))

    def reset(self):
        self.turn_off()
