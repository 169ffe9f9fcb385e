"""Scene: a row of the session. Its name, color, tempo and signature are in Live's undo history."""
from . import _colors
from ._lom import LomObject, Prop, Vector, live_class, signature
from ._undo import unrecorded


def _scene_tempo_check(scene, value):
    if not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid tempo")


@live_class(
    "Scene",
    props={
        "name": Prop("", "sou"),
        "color": Prop(_colors.PALETTE[0], "sou", check=_colors.check_rgb, set=_colors.set_rgb),
        "color_index": Prop(0, "sou", check=_colors.check_index, set=_colors.set_index),
        "clip_slots": Prop((), "o", get=lambda s: Vector(t._slots[s._index] for t in s._song._tracks)),
        "is_empty": Prop(True, get=lambda s: all(t._slots[s._index]._clip is None for t in s._song._tracks)),
        "is_triggered": Prop(False, "o"),
        "tempo": Prop(120.0, "sou", check=_scene_tempo_check),
        "tempo_enabled": Prop(False, "sou"),
        "time_signature_numerator": Prop(4, "sou"),
        "time_signature_denominator": Prop(4, "sou"),
        "time_signature_enabled": Prop(False, "sou"),
        "canonical_parent": Prop(None, get=lambda s: s._song),
    },
)
class Scene(LomObject):
    """A row of the session: firing it launches every clip in the row."""

    def __init__(self, song, name="", color_index=0):
        LomObject.__init__(self, name=name, color_index=color_index, color=_colors.PALETTE[color_index])
        self._song = song

    def _after_clone(self):
        self._values["is_triggered"] = False

    @property
    def _index(self):
        return self._song._scenes.index(self)

    @signature("bool", "bool", optional=2)
    def fire(self, force_legato=False, can_select_scene_on_launch=True):
        song = self._song
        if self._values["tempo_enabled"]:
            with unrecorded():  # launching is playing, not editing the set
                song.tempo = self._values["tempo"]
        if can_select_scene_on_launch and song._values["select_on_launch"]:
            song._view._select_scene(self)
        song._transport.launch_scene(self)

    @signature("bool", optional=1)
    def fire_as_selected(self, force_legato=False):
        self._song._view._selected_scene().fire(force_legato)

    @signature("bool")
    def set_fire_button_state(self, pressed):
        if pressed:
            self.fire()
