"""_Framework.ControlSurface: the base class of most remote scripts.

What the simulator provides is the part scripts rely on: access to the song
and application, messages and logging, `schedule_message` in ticks of
`update_display` (about 100 ms), MIDI in and out, the MIDI map rebuild
request, `component_guard` and `disconnect`.
"""
import contextlib

import Live


class ControlSurface(object):
    def __init__(self, c_instance, *a, **k):
        self._c_instance = c_instance
        self._scheduled_messages = []
        self._suppress_requests_counter = 0
        self._rebuild_requests_during_suppression = 0

    # -- what the script reaches
    def song(self):
        return self._c_instance.song()

    def application(self):
        return Live.Application.get_application()

    def instance_identifier(self):
        return self._c_instance.instance_identifier()

    def show_message(self, message):
        self._c_instance.show_message(message)

    def log_message(self, *message):
        self._c_instance.log_message(" ".join(str(part) for part in message))

    def send_midi(self, midi_event_bytes):
        self._c_instance.send_midi(midi_event_bytes)
        return True

    def request_rebuild_midi_map(self):
        if self._suppress_requests_counter > 0:
            self._rebuild_requests_during_suppression += 1
        else:
            self._c_instance.request_rebuild_midi_map()

    @contextlib.contextmanager
    def component_guard(self):
        """Groups changes; MIDI map rebuilds asked for inside happen once, at the end."""
        self._suppress_requests_counter += 1
        try:
            yield
        finally:
            self._suppress_requests_counter -= 1
            if self._suppress_requests_counter == 0 and self._rebuild_requests_during_suppression:
                self._rebuild_requests_during_suppression = 0
                self._c_instance.request_rebuild_midi_map()

    def schedule_message(self, delay_in_ticks, callback, parameter=None):
        """Calls `callback` after `delay_in_ticks` calls of `update_display` (100 ms each)."""
        if delay_in_ticks < 1:
            raise ValueError("delay_in_ticks must be at least 1")
        self._scheduled_messages.append([delay_in_ticks, callback, parameter])

    # -- what Live calls
    def update_display(self):
        due = []
        for message in self._scheduled_messages:
            message[0] -= 1
            if message[0] <= 0:
                due.append(message)
        for message in due:
            self._scheduled_messages.remove(message)
        for _, callback, parameter in due:
            if parameter is None:
                callback()
            else:
                callback(parameter)

    def receive_midi(self, midi_bytes):
        if midi_bytes and midi_bytes[0] == 0xF0:
            self.handle_sysex(midi_bytes)
        else:
            self.handle_nonsysex(midi_bytes)

    def handle_sysex(self, midi_bytes):
        pass

    def handle_nonsysex(self, midi_bytes):
        pass

    def build_midi_map(self, midi_map_handle):
        pass

    def refresh_state(self):
        pass

    def port_settings_changed(self):
        self.refresh_state()

    def can_lock_to_devices(self):
        return False

    def suggest_input_port(self):
        return ""

    def suggest_output_port(self):
        return ""

    def suggest_map_mode(self, cc_no, channel):
        return Live.MidiMap.MapMode.absolute

    def connect_script_instances(self, instanciated_scripts):
        pass

    def disconnect(self):
        self._scheduled_messages = []
