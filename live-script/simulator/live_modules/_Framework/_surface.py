"""What `_Framework.ControlSurface` and `ableton.v2`'s ControlSurface share (simulator-private).

Observable behaviour it follows:
- `schedule_message(delay_in_ticks, callback, parameter=None)`: the callback
  runs on Live's main thread from `update_display`, `delay_in_ticks` calls of
  it later (a tick is about 100 ms); 0 means the next tick, as 1 does (public
  scripts call `schedule_message(0, ...)` on both frameworks: AbletonOSC to
  start its tick, ableton-mcp from its socket threads); a negative delay is
  refused. It may be called from any thread: only the callback touches Live.
- `component_guard()`: controls and components made inside belong to this
  surface; MIDI map rebuilds asked for inside happen once, when it ends.
- `build_midi_map`: every control is installed (mapped to its parameter, or
  forwarded when it has listeners); `receive_midi` hands forwarded MIDI to
  the control it belongs to, sysex to `handle_sysex`, the rest to
  `handle_nonsysex`.
- `log_message`: Live 11 hands it to `c_instance.log_message` ("RemoteScriptMessage:
  (script) ..." in Log.txt); Live 12 logs it through Python's `logging`
  (`info: Python: INFO:_Framework.ControlSurface:<line> - LOG: (<class>) ...`,
  the line a public Live 12 hello-world script shows in its README).
"""
import contextlib
import logging
import threading

import Live

from . import _context
from .InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, MIDI_SYSEX_TYPE


def _live_major():
    try:
        return Live.Application.get_application().get_major_version()
    except Exception:
        return 12


class SurfaceCore(object):
    _logger = logging.getLogger("_Framework.ControlSurface")

    def __init__(self, c_instance=None, *a, **k):
        super(SurfaceCore, self).__init__()
        self._c_instance = c_instance
        self._scheduled_messages = []
        self._schedule_lock = threading.Lock()
        self._suppress_requests_counter = 0
        self._rebuild_requests_during_suppression = 0
        self._controls = []
        self._components = []
        self._forwarding = {}
        self._highlighting_session_component = None
        self._device_component = None
        self._appointed_device_listener = None
        self._disconnected = False
        _context.push(self)
        _context.pop(self)  # outside any guard, the newest surface owns what is made

    # -- the set (subclasses offer them as methods or properties)
    def _song(self):
        return self._c_instance.song()

    def _application(self):
        return Live.Application.get_application()

    def instance_identifier(self):
        return self._c_instance.instance_identifier()

    # -- messages
    def show_message(self, message):
        self._c_instance.show_message(message)

    def log_message(self, *message):
        text = " ".join(str(part) for part in message)
        if _live_major() >= 12:
            self._logger.info("LOG: (%s) %s", type(self).__name__, text)
        else:
            self._c_instance.log_message(text)

    # -- scheduling
    def schedule_message(self, delay_in_ticks, callback, parameter=None):
        """Runs `callback` (with `parameter` when given) after `delay_in_ticks` ticks of update_display."""
        if delay_in_ticks < 0:
            raise ValueError("delay_in_ticks must not be negative")
        if not callable(callback):
            raise TypeError("callback must be callable")
        with self._schedule_lock:
            self._scheduled_messages.append([max(1, int(delay_in_ticks)), callback, parameter])

    def _run_scheduled(self):
        due = []
        with self._schedule_lock:
            for message in self._scheduled_messages:
                message[0] -= 1
                if message[0] <= 0:
                    due.append(message)
            if due:
                self._scheduled_messages = [m for m in self._scheduled_messages if m[0] > 0]
        for _, callback, parameter in due:
            if parameter is None:
                callback()
            else:
                callback(parameter)

    def update_display(self):
        self._run_scheduled()

    # -- controls and components
    def _register_control(self, control):
        self._controls.append(control)

    def _register_component(self, component):
        self._components.append(component)

    def _unregister_component(self, component):
        if component in self._components:
            self._components.remove(component)

    @property
    def components(self):
        return tuple(self._components)

    @property
    def controls(self):
        return tuple(self._controls)

    @contextlib.contextmanager
    def component_guard(self):
        _context.push(self)
        self._suppress_requests_counter += 1
        try:
            with self._guard_extras():
                yield
        finally:
            self._suppress_requests_counter -= 1
            _context.pop(self)
            if self._suppress_requests_counter == 0 and self._rebuild_requests_during_suppression:
                self._rebuild_requests_during_suppression = 0
                self._c_instance.request_rebuild_midi_map()

    @contextlib.contextmanager
    def _guard_extras(self):
        yield

    # -- MIDI
    def request_rebuild_midi_map(self):
        if self._suppress_requests_counter > 0:
            self._rebuild_requests_during_suppression += 1
        elif self._c_instance is not None:
            self._c_instance.request_rebuild_midi_map()

    def build_midi_map(self, midi_map_handle):
        self._forwarding = {}
        script_handle = self._c_instance.handle()

        def install_mapping(control, parameter, map_mode, feedback_delay=0):
            kind = control.message_type()
            channel = control.message_channel()
            avoid_takeover = not control.needs_takeover()
            if kind == MIDI_CC_TYPE:
                return Live.MidiMap.map_midi_cc(midi_map_handle, parameter, channel, control.message_identifier(),
                                                map_mode, avoid_takeover)
            if kind == MIDI_NOTE_TYPE:
                return Live.MidiMap.map_midi_note(midi_map_handle, parameter, channel, control.message_identifier())
            if kind == MIDI_PB_TYPE:
                return Live.MidiMap.map_midi_pitchbend(midi_map_handle, parameter, channel, avoid_takeover)
            return False

        def install_forwarding(control):
            kind = control.message_type()
            channel = control.message_channel()
            identifier = control.message_identifier()
            if kind == MIDI_CC_TYPE:
                done = Live.MidiMap.forward_midi_cc(script_handle, midi_map_handle, channel, identifier)
            elif kind == MIDI_NOTE_TYPE:
                done = Live.MidiMap.forward_midi_note(script_handle, midi_map_handle, channel, identifier)
            elif kind == MIDI_PB_TYPE:
                done = Live.MidiMap.forward_midi_pitchbend(script_handle, midi_map_handle, channel)
            elif kind == MIDI_SYSEX_TYPE:
                done = True  # sysex always reaches the script
            else:
                done = False
            if done:
                key = (kind, channel, None if kind == MIDI_PB_TYPE else identifier)
                if kind == MIDI_SYSEX_TYPE:
                    key = (kind, control.message_sysex_identifier())
                self._forwarding.setdefault(key, []).append(control)
            return done

        for control in list(self._controls):
            install = getattr(control, "install_connections", None)
            if install is not None:
                install(lambda *a: None, install_mapping, install_forwarding)

    def receive_midi(self, midi_bytes):
        midi_bytes = tuple(midi_bytes)
        if not midi_bytes:
            return
        if midi_bytes[0] == 0xF0:
            for (kind, *rest), controls in self._forwarding.items():
                prefix = rest[0] if kind == MIDI_SYSEX_TYPE else None
                if prefix and midi_bytes[:len(prefix)] == prefix and len(midi_bytes) > len(prefix) + 1:
                    for control in controls:
                        control.receive_value(midi_bytes[len(prefix)])
                    return
            self.handle_sysex(midi_bytes)
            return
        status = midi_bytes[0] & 0xF0
        channel = midi_bytes[0] & 0x0F
        if status in (0x80, 0x90) and len(midi_bytes) >= 3:
            key, value = (MIDI_NOTE_TYPE, channel, midi_bytes[1]), midi_bytes[2] if status == 0x90 else 0
        elif status == 0xB0 and len(midi_bytes) >= 3:
            key, value = (MIDI_CC_TYPE, channel, midi_bytes[1]), midi_bytes[2]
        elif status == 0xE0 and len(midi_bytes) >= 3:
            key, value = (MIDI_PB_TYPE, channel, None), midi_bytes[1] + (midi_bytes[2] << 7)
        else:
            self.handle_nonsysex(midi_bytes)
            return
        controls = self._forwarding.get(key)
        if not controls:
            self.handle_nonsysex(midi_bytes)
            return
        for control in list(controls):
            control.receive_value(value)

    def handle_sysex(self, midi_bytes):
        pass

    def handle_nonsysex(self, midi_bytes):
        pass

    def _send_midi(self, midi_event_bytes, optimized=True):
        if self._c_instance is None or self._disconnected:
            return False
        self._c_instance.send_midi(tuple(midi_event_bytes))
        return True

    def send_midi(self, midi_event_bytes):
        return self._send_midi(midi_event_bytes)

    def set_feedback_channels(self, channels):
        self._c_instance.set_feedback_channels(tuple(channels))

    def set_controlled_track(self, track):
        self._c_instance.set_controlled_track(track)

    def release_controlled_track(self):
        self._c_instance.release_controlled_track()

    # -- the session box and the blue hand
    def set_highlighting_session_component(self, session_component):
        self._highlighting_session_component = session_component
        if session_component is not None and hasattr(session_component, "_update_highlight"):
            session_component._update_highlight()

    def highlighting_session_component(self):
        return self._highlighting_session_component

    def _set_session_highlight(self, track_offset, scene_offset, width, height, include_return_tracks):
        self._c_instance.set_session_highlight(track_offset, scene_offset, width, height, include_return_tracks)

    def set_device_component(self, device_component):
        self._device_component = device_component
        song = self._song()
        if self._appointed_device_listener is None:
            self._appointed_device_listener = self._on_appointed_device
            song.add_appointed_device_listener(self._appointed_device_listener)
        self._on_appointed_device()

    def _on_appointed_device(self):
        if self._device_component is not None:
            self._device_component.set_device(self._song().appointed_device)

    # -- what Live asks
    def refresh_state(self):
        for control in self._controls:
            if hasattr(control, "clear_send_cache"):
                control.clear_send_cache()
        for component in list(self._components):
            component.update()

    def port_settings_changed(self):
        self.refresh_state()

    def can_lock_to_devices(self):
        return self._device_component is not None

    def lock_to_device(self, device):
        if self._device_component is not None:
            self._device_component.set_device(device)

    def unlock_from_device(self, device):
        self._on_appointed_device()

    def suggest_input_port(self):
        return ""

    def suggest_output_port(self):
        return ""

    def suggest_map_mode(self, cc_no, channel):
        return Live.MidiMap.MapMode.absolute

    def connect_script_instances(self, instanciated_scripts):
        pass

    def disconnect(self):
        self._disconnected = True
        for component in list(self._components):
            component.disconnect()
        self._components = []
        for control in list(self._controls):
            control.disconnect()
        self._controls = []
        self._forwarding = {}
        if self._appointed_device_listener is not None:
            song = self._song()
            if song.appointed_device_has_listener(self._appointed_device_listener):
                song.remove_appointed_device_listener(self._appointed_device_listener)
            self._appointed_device_listener = None
        with self._schedule_lock:
            self._scheduled_messages = []
        _context.forget(self)
