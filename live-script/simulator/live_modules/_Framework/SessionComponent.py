"""_Framework.SessionComponent: a box of clip slots over the session view (simulator).

`num_tracks` x `num_scenes` clip slots from `(track_offset, scene_offset)` in
`song().visible_tracks` and `song().scenes`; `set_offsets` moves the box (a
given mixer follows it), bank buttons move it a box at a time while there is
more set in that direction. The surface's highlighting session component draws
Live's red box through `c_instance.set_session_highlight` whenever it moves.
Offset listeners (`add_offset_listener`) hear every move.
"""
from .ControlSurfaceComponent import CompoundComponent
from .SceneComponent import SceneComponent
from ._listeners import alive


class SessionComponent(CompoundComponent):
    scene_component_type = SceneComponent

    def __init__(self, num_tracks=0, num_scenes=0, auto_name=False, enable_skinning=False, *a, **k):
        super(SessionComponent, self).__init__(*a, **k)
        self._num_tracks = num_tracks
        self._num_scenes = num_scenes
        self._track_offset = 0
        self._scene_offset = 0
        self._mixer = None
        self._offset_listeners = []
        self._show_highlight = False
        self._buttons = {}
        self._stop_track_buttons = ()
        self._scenes = [self.register_component(self._create_scene()) for _ in range(num_scenes)]
        self._selected_scene = self.register_component(self._create_scene())
        if auto_name:
            self.name = "Session"
        song = self.song()
        self._listen("visible_tracks", self._reassign, song)
        self._listen("scenes", self._reassign, song)
        self._listen("selected_scene", self._on_selected_scene, song.view)
        self._reassign()
        self._on_selected_scene()
        self._take_layer()

    def _create_scene(self):
        return self.scene_component_type(num_slots=self._num_tracks, tracks_to_use_callback=self.tracks_to_use)

    # -- the box
    def width(self):
        return self._num_tracks

    def height(self):
        return self._num_scenes

    def track_offset(self):
        return self._track_offset

    def scene_offset(self):
        return self._scene_offset

    def tracks_to_use(self):
        return tuple(self.song().visible_tracks)

    def scene(self, index):
        return self._scenes[index]

    def selected_scene(self):
        return self._selected_scene

    def set_offsets(self, track_offset, scene_offset):
        if track_offset < 0 or scene_offset < 0:
            raise ValueError("session offsets must not be negative")
        moved = (track_offset, scene_offset) != (self._track_offset, self._scene_offset)
        self._track_offset = track_offset
        self._scene_offset = scene_offset
        self._reassign()
        if moved:
            for callback in list(self._offset_listeners):
                callback()

    def set_mixer(self, mixer):
        self._mixer = mixer
        if mixer is not None:
            mixer.set_track_offset(self._track_offset)

    def _reassign(self):
        scenes = tuple(self.song().scenes)
        for index, component in enumerate(self._scenes):
            position = self._scene_offset + index
            component.set_scene(scenes[position] if position < len(scenes) else None, self._track_offset)
        if self._mixer is not None:
            self._mixer.set_track_offset(self._track_offset)
        self._update_highlight()
        self._update_bank_buttons()

    def _on_selected_scene(self):
        self._selected_scene.set_scene(self.song().view.selected_scene, self._track_offset)

    # -- the red box
    def set_show_highlight(self, show):
        self._show_highlight = bool(show)
        self._update_highlight()

    def _update_highlight(self):
        surface = self._surface
        if surface is None:
            return
        if self._show_highlight or surface._highlighting_session_component is self:
            if self.is_enabled():
                surface._set_session_highlight(self._track_offset, self._scene_offset, self._num_tracks,
                                               self._num_scenes, False)
            else:
                surface._set_session_highlight(-1, -1, -1, -1, False)

    def on_enabled_changed(self):
        super(SessionComponent, self).on_enabled_changed()
        self._update_highlight()

    # -- offset listeners
    def add_offset_listener(self, callback, identify_sender=False):
        self._offset_listeners.append(callback)

    def remove_offset_listener(self, callback):
        self._offset_listeners.remove(callback)

    def offset_has_listener(self, callback):
        return callback in self._offset_listeners

    def notify_offset(self):
        for callback in list(self._offset_listeners):
            callback()

    # -- bank buttons
    def set_track_bank_buttons(self, right_button, left_button):
        self._set_bank_button("right", right_button, lambda: self._move(self._num_tracks, 0))
        self._set_bank_button("left", left_button, lambda: self._move(-self._num_tracks, 0))

    def set_scene_bank_buttons(self, down_button, up_button):
        self._set_bank_button("down", down_button, lambda: self._move(0, self._num_scenes))
        self._set_bank_button("up", up_button, lambda: self._move(0, -self._num_scenes))

    def set_page_left_button(self, button):
        self._set_bank_button("left", button, lambda: self._move(-self._num_tracks, 0))

    def set_page_right_button(self, button):
        self._set_bank_button("right", button, lambda: self._move(self._num_tracks, 0))

    def _set_bank_button(self, direction, button, action):
        old = self._buttons.get(direction)
        if old is not None:
            old[0].remove_value_listener(old[1])
            del self._buttons[direction]
        if button is not None:
            def pressed(value):
                if self.is_enabled() and (value or not button.is_momentary()):
                    action()
            button.add_value_listener(pressed)
            self._buttons[direction] = (button, pressed)
        self._update_bank_buttons()

    def _can_move(self, tracks, scenes):
        if tracks > 0:
            return self._track_offset + self._num_tracks < len(self.tracks_to_use())
        if tracks < 0:
            return self._track_offset > 0
        if scenes > 0:
            return self._scene_offset + self._num_scenes < len(self.song().scenes)
        if scenes < 0:
            return self._scene_offset > 0
        return False

    def _move(self, tracks, scenes):
        if self._can_move(tracks, scenes):
            self.set_offsets(max(0, self._track_offset + tracks), max(0, self._scene_offset + scenes))

    def _update_bank_buttons(self):
        steps = {"right": (1, 0), "left": (-1, 0), "down": (0, 1), "up": (0, -1)}
        for direction, (button, _) in self._buttons.items():
            if self.is_enabled():
                button.set_light(self._can_move(*steps[direction]))

    # -- stopping
    def set_stop_track_clip_buttons(self, buttons):
        for button, callback in self._stop_track_buttons:
            button.remove_value_listener(callback)
        self._stop_track_buttons = ()
        wired = []
        for index, button in enumerate(list(buttons or ())):
            if button is None:
                continue

            def pressed(value, index=index, button=button):
                if not self.is_enabled() or not (value or not button.is_momentary()):
                    return
                tracks = self.tracks_to_use()
                position = self._track_offset + index
                if position < len(tracks) and alive(tracks[position]):
                    tracks[position].stop_all_clips()
            button.add_value_listener(pressed)
            wired.append((button, pressed))
        self._stop_track_buttons = tuple(wired)

    def set_stop_all_clips_button(self, button):
        self._set_control("_stop_all_button", button, self._on_stop_all)

    def _on_stop_all(self, value):
        if self.is_enabled() and value:
            self.song().stop_all_clips()

    def disconnect(self):
        for direction in list(self._buttons):
            self._set_bank_button(direction, None, None)
        self.set_stop_track_clip_buttons(())
        surface = self._surface
        super(SessionComponent, self).disconnect()
        if surface is not None and surface._highlighting_session_component is self:
            surface._highlighting_session_component = None
