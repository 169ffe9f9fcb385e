"""_Framework.InputControlElement: a control bound to one MIDI message (simulator).

What Live does with it, as scripts observe it:
- `build_midi_map` installs each control: one connected to a Live parameter
  (`connect_to`) is mapped, so Live moves the parameter itself and the script
  hears nothing; one with value listeners is forwarded, so MIDI reaches the
  script's `receive_midi` and the control tells its listeners the value;
  one with neither is left alone (the MIDI goes on to Live's tracks).
- `send_value` sends the control's message with a value to the script's
  output port, once per change unless forced.
"""
import Live

from .ControlElement import NotifyingControlElement

MIDI_NOTE_TYPE = 0
MIDI_CC_TYPE = 1
MIDI_PB_TYPE = 2
MIDI_SYSEX_TYPE = 3
MIDI_INVALID_TYPE = 4
MIDI_MSG_TYPES = (MIDI_NOTE_TYPE, MIDI_CC_TYPE, MIDI_PB_TYPE, MIDI_SYSEX_TYPE, MIDI_INVALID_TYPE)

MIDI_NOTE_ON_STATUS = 144
MIDI_NOTE_OFF_STATUS = 128
MIDI_CC_STATUS = 176
MIDI_PB_STATUS = 224
MIDI_SYSEX_STATUS = 240

_STATUS = {MIDI_NOTE_TYPE: MIDI_NOTE_ON_STATUS, MIDI_CC_TYPE: MIDI_CC_STATUS, MIDI_PB_TYPE: MIDI_PB_STATUS}


class InputControlElement(NotifyingControlElement):
    def __init__(self, msg_type=MIDI_INVALID_TYPE, channel=0, identifier=None, sysex_identifier=None,
                 request_rebuild_midi_map=None, *a, **k):
        for key in ("send_should_depend_on_forwarding", "optimized_send_midi", "resource_type", "skin",
                    "is_feedback_enabled", "undo_step_handler", "encoder_sensitivity", "mapping_feedback_delay",
                    "is_rgb"):
            k.pop(key, None)
        super(InputControlElement, self).__init__(*a, **k)
        if msg_type not in MIDI_MSG_TYPES:
            raise ValueError("unknown MIDI message type %r" % (msg_type,))
        self._msg_type = msg_type
        self._original_channel = self._msg_channel = channel
        self._original_identifier = self._msg_identifier = identifier
        self._msg_sysex_identifier = tuple(sysex_identifier) if sysex_identifier is not None else None
        self._request_rebuild = request_rebuild_midi_map
        self._parameter = None
        self._needs_takeover = True
        self._mapping_sensitivity = 1.0
        self._last_sent_value = -1
        self._is_being_forwarded = False
        self._wants_forwarding = True
        self._feedback_delay = 0

    # -- the message it stands for
    def message_type(self):
        return self._msg_type

    def message_channel(self):
        return self._msg_channel

    def message_identifier(self):
        return self._msg_identifier

    def message_sysex_identifier(self):
        return self._msg_sysex_identifier

    def message_map_mode(self):
        return Live.MidiMap.MapMode.absolute

    def set_channel(self, channel):
        if channel != self._msg_channel:
            self._msg_channel = channel
            self._rebuild()

    def set_identifier(self, identifier):
        if identifier != self._msg_identifier:
            self._msg_identifier = identifier
            self._rebuild()

    def use_default_message(self):
        self._msg_channel = self._original_channel
        self._msg_identifier = self._original_identifier
        self._rebuild()

    def set_feedback_delay(self, delay):
        self._feedback_delay = delay

    def _midi_key(self):
        """The key the host's MIDI map uses for this control's incoming message."""
        if self._msg_type == MIDI_NOTE_TYPE:
            return ("note", self._msg_channel, self._msg_identifier)
        if self._msg_type == MIDI_CC_TYPE:
            return ("cc", self._msg_channel, self._msg_identifier)
        if self._msg_type == MIDI_PB_TYPE:
            return ("pitchbend", self._msg_channel, None)
        return None

    # -- mapping to a Live parameter
    def connect_to(self, parameter):
        if parameter is not self._parameter:
            self._parameter = parameter
            self._rebuild()

    def release_parameter(self):
        if self._parameter is not None:
            self._parameter = None
            self._rebuild()

    def mapped_parameter(self):
        return self._parameter

    @property
    def mapped_object(self):
        return self._parameter

    def _get_mapping_sensitivity(self):
        return self._mapping_sensitivity

    def _set_mapping_sensitivity(self, sensitivity):
        self._mapping_sensitivity = sensitivity

    mapping_sensitivity = property(_get_mapping_sensitivity, _set_mapping_sensitivity)

    def set_needs_takeover(self, needs_takeover):
        self._needs_takeover = bool(needs_takeover)

    def needs_takeover(self):
        return self._needs_takeover

    # -- forwarding to the script
    def script_wants_forwarding(self):
        return self._wants_forwarding and bool(self._value_listeners)

    def suppress_script_forwarding(self, suppress=True):
        self._wants_forwarding = not suppress
        self._rebuild()

    def _listeners_changed(self):
        self._rebuild()

    def _rebuild(self):
        if self._request_rebuild is not None:
            self._request_rebuild()
        elif self._surface is not None:
            self._surface.request_rebuild_midi_map()

    def install_connections(self, install_translation, install_mapping, install_forwarding):
        """What Live calls in build_midi_map: map to the parameter, else forward to the script."""
        self._is_being_forwarded = False
        if self._msg_type == MIDI_INVALID_TYPE:
            return
        parameter = self._parameter
        if parameter is not None and parameter != None and self._msg_type != MIDI_SYSEX_TYPE:  # noqa: E711
            install_mapping(self, parameter, self.message_map_mode(), self._feedback_delay)
        elif self.script_wants_forwarding():
            self._is_being_forwarded = bool(install_forwarding(self))

    def is_being_forwarded(self):
        return self._is_being_forwarded

    # -- values in
    def receive_value(self, value):
        self._last_received_value = value
        self.notify_value(value)

    # -- values out
    def send_value(self, value, force=False, channel=None):
        value = int(value)
        if force or value != self._last_sent_value or channel is not None:
            self._last_sent_value = value
            self._do_send_value(value, channel)

    def _do_send_value(self, value, channel=None):
        channel = self._msg_channel if channel is None else channel
        if self._msg_type == MIDI_SYSEX_TYPE:
            if self._msg_sysex_identifier is not None:
                self.send_midi(self._msg_sysex_identifier + (value, 0xF7))
            return
        status = _STATUS.get(self._msg_type)
        if status is None or channel is None:
            return
        if self._msg_type == MIDI_PB_TYPE:
            self.send_midi((status + channel, value & 127, (value >> 7) & 127))
        else:
            self.send_midi((status + channel, self._msg_identifier, value & 127))

    def clear_send_cache(self):
        self._last_sent_value = -1

    def reset(self):
        self.send_value(0)

    def disconnect(self):
        self._parameter = None
        super(InputControlElement, self).disconnect()


class InputSignal(object):
    """Kept for imports only."""
