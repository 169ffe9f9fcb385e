"""ClipSlot: a cell of the session grid. Clips entering and leaving a slot go into Live's
undo history; firing a clip selects it when Live's "Select on Launch" is on."""
from . import _enums
from ._clips import Clip
from ._journal import SlotPlace
from ._lom import LomObject, Prop, live_class, signature


def _slot_color(slot):
    clip = slot._clip
    return clip._values["color"] if clip is not None else 0


def _slot_color_index(slot):
    clip = slot._clip
    return clip._values["color_index"] if clip is not None else -1


@live_class(
    "ClipSlot",
    props={
        "clip": Prop(None, get=lambda s: s._clip),
        "has_clip": Prop(False, "o", get=lambda s: s._clip is not None),
        "has_stop_button": Prop(True, "so"),
        "is_playing": Prop(False, get=lambda s: s._clip is not None and s._clip._values["is_playing"]),
        "is_recording": Prop(False, get=lambda s: s._clip is not None and s._clip._values["is_recording"]),
        "is_triggered": Prop(False, "o"),
        "playing_status": Prop(_enums.ClipSlotPlayingState.stopped, "o", kind="int"),
        "color": Prop(0, "o", get=_slot_color),
        "color_index": Prop(-1, "o", get=_slot_color_index),
        "controls_other_clips": Prop(False, "o"),
        "is_group_slot": Prop(False),
        "will_record_on_start": Prop(False, get=lambda s: s._clip is None and s._track._can_record()),
        "canonical_parent": Prop(None, get=lambda s: s._track),
    },
)
class ClipSlot(LomObject):
    """A cell of the session grid; holds at most one clip."""

    def __init__(self, track):
        LomObject.__init__(self)
        self._track = track
        self._clip = None

    @property
    def _index(self):
        return self._track._slots.index(self)

    def _after_clone(self):
        self._values.update(is_triggered=False, playing_status=_enums.ClipSlotPlayingState.stopped)

    def _children(self):
        return [self._clip] if self._clip is not None else []

    @property
    def _song(self):
        return self._track._song

    def _set_clip(self, clip):
        old = self._clip
        history = self._song._history
        if history is not None and (old is not None or clip is not None):
            history.record_replace(SlotPlace(self), old, clip)  # before `old` dies: it is copied
        self._clip = clip
        if old is not None:
            old._delete()
        self._notify("has_clip")
        self._notify("color")
        self._notify("color_index")
        self._song._view._slot_changed(self)

    def _remove_clip(self):
        self._song._transport.forget_slot(self)
        self._set_clip(None)

    def _fire(self):
        # Song.select_on_launch: "Get if Scenes and Clips should be selected when fired."
        if self._clip is not None and self._song._values["select_on_launch"]:
            self._song._view._select_slot(self)
        self._song._transport.launch(self)

    def _new_clip(self, length, **values):
        clip = Clip(self, length=length, **values)
        self._set_clip(clip)
        return clip

    @signature("float")
    def create_clip(self, length):
        if self._clip is not None:
            raise RuntimeError("Clip slot is not empty")
        if not self._track._values["has_midi_input"]:
            raise RuntimeError("Can only create MIDI clips on MIDI tracks")
        if length <= 0:
            raise RuntimeError("Invalid clip length")
        return self._new_clip(length, name="", color_index=self._track._values["color_index"])

    @signature()
    def delete_clip(self):
        if self._clip is None:
            raise RuntimeError("No clip in this slot")
        self._remove_clip()

    @signature("ClipSlot")
    def duplicate_clip_to(self, target):
        # Live's docstring: it "Overrides the target's clip if it's not empty" and "Raises an exception
        # if the (source) slot itself is empty, or if source and target have different track types"
        if self._clip is None:
            raise RuntimeError("No clip in this slot")
        if self._track._values["has_midi_input"] != target._track._values["has_midi_input"]:
            raise RuntimeError("Cannot duplicate a clip to a track of another type")
        if target._clip is not None and target is not self:
            # the replaced clip is deleted: playing or launched, it stops as a deleted clip does
            target._track._song._transport.forget_slot(target)
        source = self._clip
        copy = target._new_clip(source._values["loop_end"], name=source._values["name"],
                                color_index=source._values["color_index"], audio=source._audio)
        if source._audio is not None:
            copy._audio.update(source._audio)
        for field in ("loop_start", "loop_end", "looping", "start_marker", "end_marker", "launch_mode",
                      "launch_quantization", "legato", "signature_numerator", "signature_denominator"):
            copy._values[field] = source._values[field]
        for state in source._notes.ordered():
            copy._add_note(*state[1:])
        copy._notes_changed()

    @signature()
    def fire(self):
        self._fire()

    @signature()
    def stop(self):
        self._track._song._transport.stop_slot(self)

    @signature("bool")
    def set_fire_button_state(self, pressed):
        if pressed:
            self._fire()
