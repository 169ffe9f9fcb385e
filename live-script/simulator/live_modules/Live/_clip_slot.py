"""ClipSlot: a cell of the session grid. Clips entering and leaving a slot go into Live's
undo history; firing a clip selects it when Live's "Select on Launch" is on.

A group track's slots are group slots: always empty, they show what the slots of the group's
tracks in their scene do ("playing_status, is_playing and is_recording are useful for clip slots
of Group Tracks. These are always empty and represent the state of the clips in the tracks within
the Group Track": Cycling '74's Live Object Model reference), and firing or stopping one fires or
stops that row of the group's tracks.
"""
from . import _audio, _enums
from ._clips import Clip
from ._journal import SlotPlace
from ._lom import LomObject, Prop, live_class, signature


def _first_clip(slot):
    """The slot's clip; for a group slot, the first clip in the row of the group's tracks
    ("The color of the first clip in the Group Track if the clip slot is a Group Track slot")."""
    if not slot._is_group():
        return slot._clip
    for member in slot._members():
        clip = _first_clip(member)
        if clip is not None:
            return clip
    return None


def _slot_color(slot):
    clip = _first_clip(slot)
    return clip._values["color"] if clip is not None else 0


def _slot_color_index(slot):
    clip = _first_clip(slot)
    return clip._values["color_index"] if clip is not None else -1


@live_class(
    "ClipSlot",
    props={
        "clip": Prop(None, get=lambda s: s._clip),
        "has_clip": Prop(False, "o", get=lambda s: s._clip is not None),
        "has_stop_button": Prop(True, "so"),
        "is_playing": Prop(False, get=lambda s: s._playing_state() != 0),
        "is_recording": Prop(False, get=lambda s: s._playing_state() == 2),
        "is_triggered": Prop(False, "o"),
        "playing_status": Prop(_enums.ClipSlotPlayingState.stopped, "o", kind="int", enum=True),
        "color": Prop(0, "o", get=_slot_color),
        "color_index": Prop(-1, "o", get=_slot_color_index),
        # a group slot: "1 for a Group Track slot that has non-deactivated clips in the tracks within its group"
        "controls_other_clips": Prop(False, "o"),
        "is_group_slot": Prop(False, get=lambda s: s._is_group()),
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

    # -- group slots
    def _is_group(self):
        return self._track._kind == "group"

    def _members(self):
        """The slots in this group slot's row of the group's own tracks."""
        index = self._index
        return [track._slots[index] for track in self._track._members()]

    def _playing_state(self):
        if self._is_group():
            return int(self._values["playing_status"])
        clip = self._clip
        if clip is None:
            return 0
        return 2 if clip._values["is_recording"] else (1 if clip._values["is_playing"] else 0)

    def _update(self, name, value, record=True):
        LomObject._update(self, name, value, record)
        if name in ("playing_status", "is_triggered"):
            self._tell_group()

    def _tell_group(self):
        group = self._track._group
        if group is not None and not self._deleted:
            group._slots[self._index]._refresh_group()

    def _refresh_group(self):
        """A group slot's values follow its row (and tell the group above it in turn)."""
        members = self._members()
        states = [member._playing_state() for member in members]
        status = 2 if 2 in states else (1 if 1 in states else 0)
        self._update("playing_status", _enums.ClipSlotPlayingState.values[status])
        self._update("is_triggered", any(member._values["is_triggered"] for member in members))
        self._update("controls_other_clips", any(
            member._clip is not None or member._values["controls_other_clips"] for member in members))
        self._notify("color")
        self._notify("color_index")

    def _refuse_group(self):
        # ClipSlot.duplicate_clip_to: "Also raises if the source or target slot is in a group track
        # (so called group slot)"; a group slot never holds a clip
        if self._is_group():
            raise RuntimeError("This operation is not supported on group slots")

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
        self._tell_group()

    def _remove_clip(self):
        self._song._transport.forget_slot(self)
        self._set_clip(None)

    def _fire(self, record_length=None, quantization=None):
        if self._is_group():
            for member in self._members():
                member._fire(record_length, quantization)
            return
        # Song.select_on_launch: "Get if Scenes and Clips should be selected when fired."
        if self._clip is not None and self._song._values["select_on_launch"]:
            self._song._view._select_slot(self)
        self._song._transport.launch(self, record_length=record_length, quantization=quantization)

    def _new_clip(self, length, **values):
        clip = Clip(self, length=length, **values)
        self._set_clip(clip)
        return clip

    @signature("float")
    def create_clip(self, length):
        self._refuse_group()
        if self._clip is not None:
            raise RuntimeError("Clip slot is not empty")
        if not self._track._values["has_midi_input"]:
            raise RuntimeError("Can only create MIDI clips on MIDI tracks")
        if length <= 0:
            raise RuntimeError("Invalid clip length")
        return self._new_clip(length, name="", color_index=self._track._values["color_index"])

    @signature(None)
    def create_audio_clip(self, file_path):
        # "Creates an audio clip referencing the file at the given absolute path in the slot. Throws an
        # error when called on non-empty slots or slots in non-audio or frozen tracks, or when the path
        # doesn't point at a valid audio file." (the dumps; the messages: the probes of Live 12.4)
        if self._track._kind != "audio":
            raise RuntimeError("Audio clips can only be created on audio tracks")
        if self._clip is not None:
            raise RuntimeError("This clip slot already has a clip")
        frames, rate = _audio.read_audio_file(file_path)
        beats = _audio.beats_of(frames, rate, self._song._values["tempo"])
        name = _audio.clip_name(file_path)
        return self._new_clip(beats, name=name, color_index=self._track._values["color_index"],
                              audio=_audio.clip_audio(file_path, frames, rate, beats))

    @signature()
    def delete_clip(self):
        if self._clip is None:
            raise RuntimeError("No clip in this slot")
        self._remove_clip()

    @signature("ClipSlot")
    def duplicate_clip_to(self, target):
        # Live's docstring: it "Overrides the target's clip if it's not empty" and "Raises an exception
        # if the (source) slot itself is empty, or if source and target have different track types"
        self._refuse_group()
        target._refuse_group()
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

    @signature("float", "int", "bool", optional=3)
    def fire(self, record_length=None, launch_quantization=None, force_legato=False):
        # fire([record_length [, launch_quantization [, force_legato]]]) (the dumps): "If 'record_length'
        # is passed, the clip will be refired after the given recording length. Raises an error if the
        # slot owns a clip. 'launch_quantization' determines the quantization of global transport that is
        # applied overriding the value in the song."
        if record_length is not None and record_length < 1e300 and self._clip is not None:
            raise RuntimeError("Cannot record into a slot that has a clip")
        if record_length is not None and (record_length >= 1e300 or record_length <= 0):
            record_length = None
        if launch_quantization is not None and not 0 <= launch_quantization <= 13:
            launch_quantization = None  # the default (INT_MIN): the song's
        self._fire(record_length, launch_quantization)

    @signature()
    def stop(self):
        if self._is_group():
            for member in self._members():
                member.stop()
            return
        self._track._song._transport.stop_slot(self)

    @signature("bool")
    def set_fire_button_state(self, pressed):
        if pressed:
            self._fire()
