"""_Framework.ChannelStripComponent: one track's mixer controls (simulator).

Volume, pan and send controls are mapped to the track's mixer parameters
(Live moves them itself); mute, solo and arm buttons toggle the track and
light up from it; the select button selects the track. Mute lights while the
track plays (is not muted), as on most controllers, unless
`set_invert_mute_feedback(True)`. Buttons act on press (a non-momentary
button on every value); a disabled strip does nothing and maps nothing.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent
from ._listeners import alive


class ChannelStripComponent(ControlSurfaceComponent):
    def __init__(self, *a, **k):
        super(ChannelStripComponent, self).__init__(*a, **k)
        self._track = None
        self._volume_control = None
        self._pan_control = None
        self._send_controls = ()
        self._mute_button = None
        self._solo_button = None
        self._arm_button = None
        self._select_button = None
        self._invert_mute_feedback = False
        self._mute_listener = self._listen("mute", self._update_mute)
        self._solo_listener = self._listen("solo", self._update_solo)
        self._arm_listener = self._listen("arm", self._update_arm)
        self._selected_listener = self._listen("selected_track", self._update_select)
        self._take_layer()

    # -- the track
    def set_track(self, track):
        self._release_parameters()
        self._track = track if alive(track) else None
        song = self.song()
        ordinary = self._track is not None and self._track not in (song.master_track,) + tuple(song.return_tracks)
        self._mute_listener.subject = self._track if ordinary or self._is_return(self._track) else None
        self._solo_listener.subject = self._track if ordinary or self._is_return(self._track) else None
        self._arm_listener.subject = self._track if ordinary and self._track.can_be_armed else None
        self._selected_listener.subject = song.view
        self._connect_parameters()
        self.update()

    def _is_return(self, track):
        return track is not None and track in tuple(self.song().return_tracks)

    def _release_parameters(self):
        for control in (self._volume_control, self._pan_control) + tuple(self._send_controls):
            if control is not None:
                control.release_parameter()

    def _connect_parameters(self):
        if not self.is_enabled() or self._track is None:
            self._release_parameters()
            return
        mixer = self._track.mixer_device
        if self._volume_control is not None:
            self._volume_control.connect_to(mixer.volume)
        if self._pan_control is not None:
            self._pan_control.connect_to(mixer.panning)
        sends = tuple(mixer.sends)
        for index, control in enumerate(self._send_controls):
            if control is None:
                continue
            if index < len(sends):
                control.connect_to(sends[index])
            else:
                control.release_parameter()

    # -- controls
    def set_volume_control(self, control):
        if self._volume_control is not None and self._volume_control is not control:
            self._volume_control.release_parameter()
        self._volume_control = control
        self._connect_parameters()

    def set_pan_control(self, control):
        if self._pan_control is not None and self._pan_control is not control:
            self._pan_control.release_parameter()
        self._pan_control = control
        self._connect_parameters()

    def set_send_controls(self, controls):
        for control in self._send_controls:
            if control is not None and control not in tuple(controls or ()):
                control.release_parameter()
        self._send_controls = tuple(controls or ())
        self._connect_parameters()

    def set_mute_button(self, button):
        self._set_control("_mute_button", button, self._on_mute_value)
        self.update()

    def set_solo_button(self, button):
        self._set_control("_solo_button", button, self._on_solo_value)
        self.update()

    def set_arm_button(self, button):
        self._set_control("_arm_button", button, self._on_arm_value)
        self.update()

    def set_select_button(self, button):
        self._set_control("_select_button", button, self._on_select_value)
        self.update()

    def set_invert_mute_feedback(self, invert_feedback):
        self._invert_mute_feedback = bool(invert_feedback)
        self._update_mute()

    # -- presses
    def _pressed(self, button, value):
        return self.is_enabled() and self._track is not None and alive(self._track) and (
            value != 0 or not button.is_momentary())

    def _on_mute_value(self, value):
        if self._pressed(self._mute_button, value) and self._track != self.song().master_track:
            self._track.mute = not self._track.mute

    def _on_solo_value(self, value):
        if self._pressed(self._solo_button, value) and self._track != self.song().master_track:
            self._track.solo = not self._track.solo

    def _on_arm_value(self, value):
        if self._pressed(self._arm_button, value) and self._track.can_be_armed:
            self._track.arm = not self._track.arm

    def _on_select_value(self, value):
        if self._pressed(self._select_button, value):
            view = self.song().view
            if view.selected_track != self._track:
                view.selected_track = self._track

    # -- lights
    def on_enabled_changed(self):
        self._connect_parameters()

    def update(self):
        self._update_mute()
        self._update_solo()
        self._update_arm()
        self._update_select()

    def _track_value(self, name):
        track = self._track
        if track is None or not alive(track) or track == self.song().master_track:
            return None
        if name == "arm" and not track.can_be_armed:
            return None
        return getattr(track, name)

    def _light(self, button, on):
        if button is None or not self.is_enabled():
            return
        if on is None:
            button.turn_off()
        else:
            button.set_light(bool(on))

    def _update_mute(self):
        muted = self._track_value("mute")
        self._light(self._mute_button, None if muted is None else (not muted) != self._invert_mute_feedback)

    def _update_solo(self):
        self._light(self._solo_button, self._track_value("solo"))

    def _update_arm(self):
        self._light(self._arm_button, self._track_value("arm"))

    def _update_select(self):
        track = self._track
        selected = track is not None and alive(track) and self.song().view.selected_track == track
        self._light(self._select_button, selected)

    def disconnect(self):
        self._release_parameters()
        for attribute, callback in (("_mute_button", self._on_mute_value), ("_solo_button", self._on_solo_value),
                                    ("_arm_button", self._on_arm_value), ("_select_button", self._on_select_value)):
            self._set_control(attribute, None, callback)
        self._track = None
        super(ChannelStripComponent, self).disconnect()
