"""_Framework.MixerComponent: channel strips over a window of the set's tracks (simulator).

`num_tracks` strips follow `song().visible_tracks` from the track offset
(a session component given `set_mixer` moves it with its box); return strips
follow the return tracks, the master strip the master track, and the selected
strip the selected track. Strips past the last track hold no track.
"""
from .ChannelStripComponent import ChannelStripComponent
from .ControlSurfaceComponent import CompoundComponent


class MixerComponent(CompoundComponent):
    def __init__(self, num_tracks=0, num_returns=0, with_eqs=False, with_filters=False, auto_name=False,
                 invert_mute_feedback=False, *a, **k):
        super(MixerComponent, self).__init__(*a, **k)
        self._track_offset = 0
        self._channel_strips = [self._make_strip() for _ in range(num_tracks)]
        self._return_strips = [self._make_strip() for _ in range(num_returns)]
        self._master_strip = self._make_strip()
        self._selected_strip = self._make_strip()
        self._prehear_volume_control = None
        self._crossfader_control = None
        self._next_track_button = None
        self._prev_track_button = None
        if invert_mute_feedback:
            for strip in self._channel_strips + self._return_strips:
                strip.set_invert_mute_feedback(True)
        if auto_name:
            self._auto_name()
        song = self.song()
        self._listen("visible_tracks", self._reassign_tracks, song)
        self._listen("return_tracks", self._reassign_tracks, song)
        self._listen("selected_track", self._on_selected_track, song.view)
        self._reassign_tracks()
        self._take_layer()

    def _make_strip(self):
        return self.register_component(self._create_strip())

    def _create_strip(self):
        return ChannelStripComponent()

    def _auto_name(self):
        self.name = "Mixer"
        for index, strip in enumerate(self._channel_strips):
            strip.name = "Channel_Strip_%d" % index
        for index, strip in enumerate(self._return_strips):
            strip.name = "Return_Strip_%d" % index
        self._master_strip.name = "Master_Channel_Strip"
        self._selected_strip.name = "Selected_Channel_Strip"

    # -- strips
    def channel_strip(self, index):
        return self._channel_strips[index]

    def return_strip(self, index):
        return self._return_strips[index]

    def master_strip(self):
        return self._master_strip

    def selected_strip(self):
        return self._selected_strip

    def num_tracks(self):
        return len(self._channel_strips)

    # -- which tracks
    def tracks_to_use(self):
        return tuple(self.song().visible_tracks)

    def set_track_offset(self, offset):
        if offset < 0:
            raise ValueError("track offset must not be negative")
        self._track_offset = offset
        self._reassign_tracks()

    def track_offset(self):
        return self._track_offset

    def _reassign_tracks(self):
        tracks = self.tracks_to_use()
        for index, strip in enumerate(self._channel_strips):
            position = self._track_offset + index
            strip.set_track(tracks[position] if position < len(tracks) else None)
        returns = tuple(self.song().return_tracks)
        for index, strip in enumerate(self._return_strips):
            strip.set_track(returns[index] if index < len(returns) else None)
        self._master_strip.set_track(self.song().master_track)
        self._on_selected_track()

    def _on_selected_track(self):
        self._selected_strip.set_track(self.song().view.selected_track)

    # -- mixer-wide controls
    def set_prehear_volume_control(self, control):
        if self._prehear_volume_control is not None:
            self._prehear_volume_control.release_parameter()
        self._prehear_volume_control = control
        if control is not None:
            control.connect_to(self.song().master_track.mixer_device.cue_volume)

    def set_crossfader_control(self, control):
        if self._crossfader_control is not None:
            self._crossfader_control.release_parameter()
        self._crossfader_control = control
        if control is not None:
            control.connect_to(self.song().master_track.mixer_device.crossfader)

    def set_volume_controls(self, controls):
        self._per_strip("set_volume_control", controls)

    def set_pan_controls(self, controls):
        self._per_strip("set_pan_control", controls)

    def set_arm_buttons(self, buttons):
        self._per_strip("set_arm_button", buttons)

    def set_solo_buttons(self, buttons):
        self._per_strip("set_solo_button", buttons)

    def set_mute_buttons(self, buttons):
        self._per_strip("set_mute_button", buttons)

    def set_track_select_buttons(self, buttons):
        self._per_strip("set_select_button", buttons)

    def _per_strip(self, setter, controls):
        controls = list(controls) if controls is not None else []
        for index, strip in enumerate(self._channel_strips):
            getattr(strip, setter)(controls[index] if index < len(controls) else None)

    def set_select_buttons(self, next_button, prev_button):
        self._set_control("_next_track_button", next_button, self._on_next_track)
        self._set_control("_prev_track_button", prev_button, self._on_prev_track)

    def _on_next_track(self, value):
        self._step_selection(value, 1)

    def _on_prev_track(self, value):
        self._step_selection(value, -1)

    def _step_selection(self, value, step):
        if not value or not self.is_enabled():
            return
        song = self.song()
        tracks = tuple(song.visible_tracks) + tuple(song.return_tracks) + (song.master_track,)
        selected = song.view.selected_track
        index = tracks.index(selected) if selected in tracks else 0
        index = max(0, min(len(tracks) - 1, index + step))
        if tracks[index] != selected:
            song.view.selected_track = tracks[index]
