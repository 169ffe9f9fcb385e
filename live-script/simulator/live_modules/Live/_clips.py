"""Clip and Clip.View: loop and markers, launch settings, envelopes (the notes: _clip_notes.py).

Property flags: `u` marks what Live's undo history holds (_undo.py).
"""
from . import _colors, _enums, _version
from ._clip_notes import ClipNotes
from ._note_store import NoteStore
from ._envelopes import AutomationEnvelope, Envelope
from ._lom import LomObject, Prop, live_class, signature


def _parent(obj):
    return obj._parent


def _loop_check(clip, value):
    if value < 0:
        raise RuntimeError("Invalid loop position")


def _set_loop_start(clip, value):
    if value >= clip._values["loop_end"]:
        raise RuntimeError("LoopStart behind LoopEnd")
    clip._update("loop_start", value)
    clip._notify("position")


def _restore_loop_start(clip, value):
    clip._update("loop_start", value)
    clip._notify("position")


def _set_loop_end(clip, value):
    if value <= clip._values["loop_start"]:
        raise RuntimeError("LoopEnd before LoopStart")
    clip._update("loop_end", value)


def _set_start_marker(clip, value):
    if value >= clip._values["end_marker"]:
        raise RuntimeError("StartMarker behind EndMarker")
    clip._update("start_marker", value)


def _set_end_marker(clip, value):
    if value <= clip._values["start_marker"]:
        raise RuntimeError("EndMarker before StartMarker")
    clip._update("end_marker", value)


def _set_position(clip, value):
    length = clip._values["loop_end"] - clip._values["loop_start"]
    clip._update("loop_start", value)
    clip._update("loop_end", value + length)
    clip._notify("position")


def _set_is_playing(clip, value):
    if value:
        clip._slot_fire()
    else:
        clip._slot_stop()


def _audio_only(clip, _value=None):
    if not clip._values["is_audio_clip"]:
        raise RuntimeError("This property is only available for audio clips")


def _length(clip):
    values = clip._values
    if values["looping"]:
        return values["loop_end"] - values["loop_start"]
    return values["end_marker"] - values["start_marker"]


def _audio_prop(name, default, flags="", kind=None):
    """A property only audio clips have: MIDI clips raise, as in Live."""

    def get(clip):
        _audio_only(clip)
        return clip._audio[name]

    def set_(clip, value):
        _audio_only(clip)
        clip._audio[name] = value
        clip._notify(name)

    return Prop(default, flags, kind=kind, get=get, set=set_)


def _gain_display(clip):
    _audio_only(clip)
    return "%.1f dB" % ((clip._audio["gain"] - 0.4) * 60)


@live_class("Clip", "View", props={
    "grid_quantization": Prop(_enums.GridQuantization.g_sixteenth, "s", kind="int"),
    "grid_is_triplet": Prop(False, "s"),
    "canonical_parent": Prop(None, get=_parent),
})
class ClipView(LomObject):
    def __init__(self, clip):
        LomObject.__init__(self)
        self._parent = clip
        self._shown_parameter = None

    @signature(changes=False)
    def show_loop(self):
        pass

    @signature(changes=False)
    def show_envelope(self):
        self._envelope_shown = True

    @signature(changes=False)
    def hide_envelope(self):
        self._envelope_shown = False

    @signature(None, changes=False)
    def select_envelope_parameter(self, parameter):
        self._shown_parameter = parameter


@live_class(
    "Clip",
    props={
        "name": Prop("", "sou"),
        "color": Prop(_colors.PALETTE[0], "sou", check=_colors.check_rgb, set=_colors.set_rgb),
        "color_index": Prop(0, "sou", check=_colors.check_index, set=_colors.set_index),
        "length": Prop(0.0, get=_length),
        "loop_start": Prop(0.0, "sou", check=_loop_check, set=_set_loop_start, restore=_restore_loop_start),
        "loop_end": Prop(4.0, "sou", check=_loop_check, set=_set_loop_end),
        "position": Prop(0.0, "so", get=lambda c: c._values["loop_start"], check=_loop_check, set=_set_position),
        "looping": Prop(True, "sou"),
        "start_marker": Prop(0.0, "sou", check=_loop_check, set=_set_start_marker),
        "end_marker": Prop(4.0, "sou", check=_loop_check, set=_set_end_marker),
        "start_time": Prop(0.0, "o"),
        "end_time": Prop(0.0, "o", get=lambda c: c._values["start_time"] + _length(c)),
        "playing_position": Prop(0.0, "o"),
        "is_playing": Prop(False, "s", set=_set_is_playing),
        "is_triggered": Prop(False),
        "is_recording": Prop(False, "o"),
        "is_overdubbing": Prop(False, "o"),
        "is_midi_clip": Prop(True),
        "is_audio_clip": Prop(False),
        "is_arrangement_clip": Prop(False),
        "is_session_clip": Prop(True),
        "is_take_lane_clip": Prop(False),
        "will_record_on_start": Prop(False),
        "launch_mode": Prop(_enums.LaunchMode.trigger, "sou", kind="int"),
        "launch_quantization": Prop(_enums.ClipLaunchQuantization.q_global, "sou", kind="int"),
        "legato": Prop(False, "sou"),
        "muted": Prop(False, "sou"),
        "signature_numerator": Prop(4, "sou"),
        "signature_denominator": Prop(4, "sou"),
        "velocity_amount": Prop(0.0, "sou"),
        "ram_mode": Prop(False, "so"),
        "has_envelopes": Prop(False, "o", get=lambda c: bool(c._envelopes)),
        "has_groove": Prop(False),
        "groove": Prop(None, "so"),
        "file_path": _audio_prop("file_path", "", "o"),
        "sample_length": _audio_prop("sample_length", 0),
        "sample_rate": _audio_prop("sample_rate", 44100.0),
        "gain": _audio_prop("gain", 0.4, "so"),
        "gain_display_string": Prop("", get=_gain_display),
        "pitch_coarse": _audio_prop("pitch_coarse", 0, "so"),
        "pitch_fine": _audio_prop("pitch_fine", 0.0, "so"),
        "warping": _audio_prop("warping", True, "so"),
        "warp_mode": _audio_prop("warp_mode", 0, "so", kind="int"),
        "available_warp_modes": _audio_prop("available_warp_modes", ()),
        "warp_markers": _audio_prop("warp_markers", (), "o"),
        "automation_envelopes": Prop((), get=lambda c: tuple(c._envelopes.values())),
        "view": Prop(None, get=lambda c: c._view),
        "canonical_parent": Prop(None, get=_parent),
    },
    events=("notes", "playing_status", "loop_jump"),
)
class Clip(ClipNotes, LomObject):
    """A session clip. MIDI clips hold notes; envelopes automate the track's parameters."""

    View = ClipView

    def __init__(self, slot, name="", length=4.0, color_index=0, audio=None):
        LomObject.__init__(
            self, name=name, loop_end=float(length), end_marker=float(length), color_index=color_index,
            color=_colors.PALETTE[color_index], is_midi_clip=audio is None, is_audio_clip=audio is not None,
        )
        self._audio = None
        if audio is not None:
            self._audio = dict(
                gain=0.4, pitch_coarse=0, pitch_fine=0.0, warping=True, warp_mode=0, sample_rate=44100.0,
                available_warp_modes=(0, 1, 2, 3, 4, 6), warp_markers=(),
                file_path=audio.get("file_path", ""), sample_length=audio.get("sample_length", 0),
            )
        self._parent = slot
        self._view = ClipView(self)
        self._notes = NoteStore()
        self._next_note_id = 1
        self._envelopes = {}
        self._envelopes_shadow = ()  # the envelopes the undo history last saw
        self._song = slot._track._song

    def _after_clone(self):
        # envelopes are found by their parameter's pointer, and a copied track's parameters have new ones
        self._envelopes = dict((envelope._parameter._ptr, envelope) for envelope in self._envelopes.values())
        self._envelopes_shadow = self._envelopes_state()
        # a clip undo brings back is not playing, whatever it was doing when it was deleted
        self._values.update(is_playing=False, is_triggered=False, is_recording=False, is_overdubbing=False,
                            playing_position=self._values["start_marker"])

    def _moved_to(self, slot, resolve):
        """A clip undo brings back into `slot` (whose track, and so whose parameters, may be copies too)."""
        self._parent = slot
        for envelope in self._envelopes.values():
            envelope._parameter = resolve(envelope._parameter)
        self._after_clone()

    # -- helpers of the model
    @property
    def _track(self):
        return self._parent._track

    def _children(self):
        children = [self._view]
        children.extend(e for e in self._envelopes.values() if isinstance(e, LomObject))
        return children

    def _envelopes_state(self):
        """What undo keeps of the envelopes: (parameter, points) for each, in order."""
        return tuple((envelope._parameter, tuple(envelope._shape.points)) for envelope in self._envelopes.values())

    def _envelopes_changed(self, record=True):
        """Every change of the envelopes ends here: journaled (unless Live made it by itself,
        `record=False`), and `has_envelopes` told when the first comes or the last goes."""
        state = self._envelopes_state()
        if state != self._envelopes_shadow:
            if record and self._song._history is not None:
                self._song._history.record_envelopes(self, self._envelopes_shadow, state)
            had = bool(self._envelopes_shadow)
            self._envelopes_shadow = state
            if had != bool(state):
                self._notify("has_envelopes")

    def _restore_envelopes(self, state, resolve):
        """Undo and redo put envelopes back; an envelope that comes back is a new object."""
        wanted = [(resolve(parameter), points) for parameter, points in state]
        keep = set(parameter._ptr for parameter, _points in wanted)
        for pointer, envelope in list(self._envelopes.items()):
            if pointer not in keep:
                del self._envelopes[pointer]
                if isinstance(envelope, LomObject):
                    envelope._delete()
        envelopes = {}
        for parameter, points in wanted:
            envelope = self._envelopes.get(parameter._ptr) or self._envelope_object(parameter)
            envelope._shape.points = points
            envelopes[parameter._ptr] = envelope
        self._envelopes = envelopes
        self._envelopes_changed()

    def _slot_fire(self):
        self._parent._fire()  # as the slot's fire: selects the clip when "Select on Launch" is on

    def _slot_stop(self):
        self._song._transport.stop_slot(self._parent)

    # -- launching
    @signature()
    def fire(self):
        self._slot_fire()

    @signature()
    def stop(self):
        self._slot_stop()

    @signature("bool")
    def set_fire_button_state(self, pressed):
        if pressed:
            self._slot_fire()

    @signature("float")
    def move_playing_pos(self, beats):
        self._song._transport.move_playing_position(self, beats)

    # -- automation
    @signature("DeviceParameter", changes=False)
    def automation_envelope(self, parameter):
        return self._envelopes.get(parameter._ptr)

    @signature("DeviceParameter")
    def create_automation_envelope(self, parameter):
        if parameter._ptr in self._envelopes:
            raise RuntimeError("An envelope for this parameter already exists")
        if parameter._track() is not self._track:
            raise RuntimeError("Parameter can't be automated in this clip")
        envelope = self._new_envelope(parameter)
        self._envelopes_changed()
        return envelope

    def _new_envelope(self, parameter):
        """A new envelope holding the parameter's value (callers journal it)."""
        envelope = self._envelopes[parameter._ptr] = self._envelope_object(parameter)
        return envelope

    def _envelope_object(self, parameter):
        envelope_class = Envelope if _version.MAJOR >= 12 else AutomationEnvelope
        return envelope_class(self, parameter)

    @signature("DeviceParameter")
    def clear_envelope(self, parameter):
        envelope = self._envelopes.pop(parameter._ptr, None)
        if isinstance(envelope, LomObject):
            envelope._delete()  # Live 12: the old envelope object is dead (see the README's evidence)
        self._envelopes_changed()

    @signature()
    def clear_all_envelopes(self):
        for envelope in self._envelopes.values():
            if isinstance(envelope, LomObject):
                envelope._delete()
        self._envelopes = {}
        self._envelopes_changed()
