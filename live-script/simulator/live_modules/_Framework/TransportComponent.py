"""_Framework.TransportComponent: the song's transport on buttons and encoders (simulator).

Play starts the song (lit while it plays), stop stops it, record toggles
arrangement recording, overdub arrangement overdub, metronome the click, loop
the arrangement loop, punch in and out; tap tempo taps, nudge buttons nudge
while held, seek buttons jump a beat; a tempo control is mapped to the tempo
parameter's range through `song().tempo` (60 to 200 BPM, a fine control by
hundredths), a song position control moves the song time.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent

_TOGGLES = (
    ("record", "record_mode"),
    ("overdub", "arrangement_overdub"),
    ("metronome", "metronome"),
    ("loop", "loop"),
    ("punch_in", "punch_in"),
    ("punch_out", "punch_out"),
)


class TransportComponent(ControlSurfaceComponent):
    def __init__(self, play_toggle_model_transform=None, *a, **k):
        super(TransportComponent, self).__init__(*a, **k)
        self._buttons = {}
        self._tempo_control = None
        self._tempo_fine_control = None
        song = self.song()
        self._listen("is_playing", self._update_play, song)
        for name, prop in _TOGGLES:
            self._listen(prop, lambda name=name: self._update_toggle(name), song)
        self._take_layer()

    # -- buttons
    def _set_button(self, name, button, action, momentary_release=None):
        old = self._buttons.pop(name, None)
        if old is not None and old[0].value_has_listener(old[1]):
            old[0].remove_value_listener(old[1])
        if button is None:
            return

        def on_value(value):
            if not self.is_enabled():
                return
            if value or not button.is_momentary():
                action()
            elif momentary_release is not None:
                momentary_release()
        button.add_value_listener(on_value)
        self._buttons[name] = (button, on_value)
        self.update()

    def set_play_button(self, button):
        self._set_button("play", button, self._play)

    def set_stop_button(self, button):
        self._set_button("stop", button, self._stop)

    def _play(self):
        self.song().is_playing = True

    def _stop(self):
        self.song().is_playing = False

    def _toggler(self, prop):
        def toggle():
            song = self.song()
            setattr(song, prop, not getattr(song, prop))
        return toggle

    def set_record_button(self, button):
        self._set_button("record", button, self._toggler("record_mode"))

    def set_overdub_button(self, button):
        self._set_button("overdub", button, self._toggler("arrangement_overdub"))

    def set_metronome_button(self, button):
        self._set_button("metronome", button, self._toggler("metronome"))

    def set_loop_button(self, button):
        self._set_button("loop", button, self._toggler("loop"))

    def set_punch_buttons(self, in_button, out_button):
        self._set_button("punch_in", in_button, self._toggler("punch_in"))
        self._set_button("punch_out", out_button, self._toggler("punch_out"))

    def set_tap_tempo_button(self, button):
        self._set_button("tap_tempo", button, lambda: self.song().tap_tempo())

    def set_nudge_buttons(self, up_button, down_button):
        self._set_button("nudge_up", up_button, lambda: setattr(self.song(), "nudge_up", True),
                         lambda: setattr(self.song(), "nudge_up", False))
        self._set_button("nudge_down", down_button, lambda: setattr(self.song(), "nudge_down", True),
                         lambda: setattr(self.song(), "nudge_down", False))

    def set_seek_buttons(self, ffwd_button, rwd_button):
        self._set_button("seek_forward", ffwd_button, lambda: self.song().jump_by(1))
        self._set_button("seek_backward", rwd_button, lambda: self.song().jump_by(-1))

    def set_stop_all_clips_button(self, button):
        self._set_button("stop_all", button, lambda: self.song().stop_all_clips())

    # -- continuous controls
    def set_tempo_control(self, control, fine_control=None):
        for old, callback in ((self._tempo_control, self._on_tempo), (self._tempo_fine_control, self._on_tempo_fine)):
            if old is not None and old.value_has_listener(callback):
                old.remove_value_listener(callback)
        self._tempo_control = control
        self._tempo_fine_control = fine_control
        if control is not None:
            control.add_value_listener(self._on_tempo)
        if fine_control is not None:
            fine_control.add_value_listener(self._on_tempo_fine)

    def _on_tempo(self, value):
        if not self.is_enabled():
            return
        control = self._tempo_control
        song = self.song()
        if hasattr(control, "is_absolute") and not control.is_absolute():
            song.tempo = max(20.0, min(999.0, song.tempo + control.relative_value_to_delta(value)))
        else:
            song.tempo = 60.0 + 140.0 * value / 127.0

    def _on_tempo_fine(self, value):
        if not self.is_enabled():
            return
        control = self._tempo_fine_control
        song = self.song()
        step = control.relative_value_to_delta(value) if hasattr(control, "is_absolute") and not \
            control.is_absolute() else (value - 64)
        song.tempo = max(20.0, min(999.0, song.tempo + step / 100.0))

    def set_song_position_control(self, control):
        self._set_control("_song_position_control", control, self._on_song_position)

    def _on_song_position(self, value):
        if not self.is_enabled():
            return
        control = self._song_position_control
        if hasattr(control, "is_absolute") and not control.is_absolute():
            self.song().jump_by(control.relative_value_to_delta(value))

    # -- lights
    def update(self):
        self._update_play()
        for name, _ in _TOGGLES:
            self._update_toggle(name)

    def _update_play(self):
        entry = self._buttons.get("play")
        if entry is not None and self.is_enabled():
            entry[0].set_light(self.song().is_playing)

    def _update_toggle(self, name):
        entry = self._buttons.get(name)
        if entry is not None and self.is_enabled():
            prop = dict(_TOGGLES)[name]
            entry[0].set_light(bool(getattr(self.song(), prop)))

    def disconnect(self):
        for name in list(self._buttons):
            self._set_button(name, None, None)
        self.set_tempo_control(None)
        super(TransportComponent, self).disconnect()
