"""_Framework.SceneComponent: a scene's row of clip slots and its launch button (simulator)."""
from .ClipSlotComponent import ClipSlotComponent
from .ControlSurfaceComponent import CompoundComponent
from ._listeners import alive


class SceneComponent(CompoundComponent):
    clip_slot_component_type = ClipSlotComponent

    def __init__(self, num_slots=0, tracks_to_use_callback=None, *a, **k):
        super(SceneComponent, self).__init__(*a, **k)
        self._scene = None
        self._launch_button = None
        self._tracks_to_use = tracks_to_use_callback or (lambda: tuple(self.song().visible_tracks))
        self._clip_slots = [self.register_component(self._create_clip_slot()) for _ in range(num_slots)]
        self._take_layer()

    def _create_clip_slot(self):
        return self.clip_slot_component_type()

    def clip_slot(self, index):
        return self._clip_slots[index]

    def scene(self):
        return self._scene

    def set_scene(self, scene, track_offset=0):
        self._scene = scene if alive(scene) else None
        self.set_track_offset(track_offset)

    def set_track_offset(self, track_offset):
        tracks = self._tracks_to_use()
        scenes = tuple(self.song().scenes)
        scene_index = scenes.index(self._scene) if self._scene is not None and self._scene in scenes else None
        for index, component in enumerate(self._clip_slots):
            position = track_offset + index
            slot = None
            if scene_index is not None and position < len(tracks):
                slot = tracks[position].clip_slots[scene_index]
            component.set_clip_slot(slot)

    def set_launch_button(self, button):
        self._set_control("_launch_button", button, self._on_launch_value)

    def _on_launch_value(self, value):
        if not self.is_enabled() or self._scene is None or not alive(self._scene):
            return
        if value or not self._launch_button.is_momentary():
            self._scene.fire()

    def disconnect(self):
        self._set_control("_launch_button", None, self._on_launch_value)
        super(SceneComponent, self).disconnect()
