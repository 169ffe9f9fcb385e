"""Clip and Clip.View: loop and markers, launch settings, envelopes (the notes: _clip_notes.py).

Property flags: `u` marks what Live's undo history holds (_undo.py).
"""
from . import _audio, _colors, _enums, _version
from ._clip_notes import ClipNotes
from ._note_store import NoteStore
from ._envelopes import AutomationEnvelope, Envelope
from ._lom import IntVector, LomObject, Prop, Vector, live_class, live_vector, signature


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


def _audio_prop(name, default, flags="", kind=None, check=None):
    """A property only audio clips have: MIDI clips raise, as in Live."""

    def get(clip):
        _audio_only(clip)
        return clip._audio[name]

    def set_(clip, value):
        _audio_only(clip)
        if check is not None:
            check(clip, value)
        clip._audio[name] = value
        clip._notify(name)

    return Prop(default, flags, kind=kind, get=get, set=set_)


def _in_range(low, high, what):
    # the dumps: pitch_coarse "ranging from -48 to 48", pitch_fine "from -500 to 500"; gain 0..1
    # (Cycling '74's reference); outside: no evidence, the simulator refuses
    def check(clip, value):
        if not low <= value <= high:
            raise RuntimeError("Invalid %s" % what)
    return check


def _check_warp_mode(clip, value):
    # the probes of Live 12.4: `warp_mode=5` on a WAV clip raises "Invalid warp mode"
    if value not in clip._audio["available_warp_modes"]:
        raise RuntimeError("Invalid warp mode")


def _gain_display(clip):
    _audio_only(clip)
    return "%.1f dB" % ((clip._audio["gain"] - 0.4) * 60)


def _end_time(clip):
    # an arrangement clip's block is fixed where it was placed (the probes: `end_time` stayed after
    # `end_marker` and `loop_end` were written); a session clip's follows its length
    if clip._arrangement_end is not None:
        return clip._arrangement_end
    return clip._values["start_time"] + _length(clip)


WarpMarkerVector = live_vector("Clip", "WarpMarkerVector")


@live_class("Clip", "View", props={
    "grid_quantization": Prop(_enums.GridQuantization.g_sixteenth, "s", kind="int", enum=True),
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
        "end_time": Prop(0.0, "o", get=_end_time),
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
        "gain": _audio_prop("gain", 0.4, "so", check=_in_range(0.0, 1.0, "gain")),
        "gain_display_string": Prop("", get=_gain_display),
        "pitch_coarse": _audio_prop("pitch_coarse", 0, "so", kind="int", check=_in_range(-48, 48, "pitch")),
        "pitch_fine": _audio_prop("pitch_fine", 0.0, "so", check=_in_range(-500.0, 500.0, "pitch")),
        "warping": _audio_prop("warping", True, "so"),
        "warp_mode": _audio_prop("warp_mode", 0, "so", kind="int", check=_check_warp_mode),
        "available_warp_modes": Prop((), get=lambda c: _audio_only(c) or IntVector(c._audio["available_warp_modes"])),
        "warp_markers": Prop((), "o", get=lambda c: _audio_only(c) or WarpMarkerVector()),
        "automation_envelopes": Prop((), get=lambda c: Vector(c._envelopes.values())),
        "view": Prop(None, get=lambda c: c._view),
        "canonical_parent": Prop(None, get=_parent),
    },
    events=("notes", "playing_status", "loop_jump"),
)
class Clip(ClipNotes, LomObject):
    """A session clip (its parent a clip slot) or an arrangement clip (its parent a track, its place
    `start_time`). MIDI clips hold notes; envelopes automate the track's parameters."""

    View = ClipView

    def __init__(self, parent, name="", length=4.0, color_index=0, audio=None, arrangement_time=None):
        arranged = arrangement_time is not None
        LomObject.__init__(
            self, name=name, loop_end=float(length), end_marker=float(length), color_index=color_index,
            color=_colors.PALETTE[color_index], is_midi_clip=audio is None, is_audio_clip=audio is not None,
            is_arrangement_clip=arranged, is_session_clip=not arranged,
            start_time=float(arrangement_time) if arranged else 0.0,
        )
        self._arrangement_end = float(arrangement_time) + float(length) if arranged else None
        self._audio = None
        if audio is not None:
            # a new audio clip is warped in Beats mode (the probes of Live 12.4: `warping` true, `warp_mode` 0)
            self._audio = dict(
                gain=0.4, pitch_coarse=0, pitch_fine=0.0, warping=True, warp_mode=0,
                available_warp_modes=_audio.WARP_MODES,
                file_path=audio.get("file_path", ""), sample_length=audio.get("sample_length", 0),
                sample_rate=audio.get("sample_rate", _audio.DEFAULT_RATE),
                sample_beats=audio.get("sample_beats", float(length)),
            )
        self._scrubbing = False
        self._parent = parent
        self._view = ClipView(self)
        self._notes = NoteStore()
        self._next_note_id = 1
        self._envelopes = {}
        self._envelopes_shadow = ()  # the envelopes the undo history last saw
        self._song = parent._song

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
        return self._parent if self._arrangement_end is not None else self._parent._track

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
        if self._arrangement_end is None:  # an arrangement clip has no launch button (no evidence of more)
            self._parent._fire()  # as the slot's fire: selects the clip when "Select on Launch" is on

    def _slot_stop(self):
        if self._arrangement_end is None:
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
        return self._envelopes.get(parameter._ptr)  # "Returns None for Arrangement clips" (they have none)

    @signature("DeviceParameter")
    def create_automation_envelope(self, parameter):
        if parameter._ptr in self._envelopes:
            raise RuntimeError("An envelope for this parameter already exists")
        if self._arrangement_end is not None or parameter._track() is not self._track:
            # the probes of Live 12.4, on an arrangement clip: this message
            raise RuntimeError("Not a session clip or parameter belongs to another track.")
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

    # -- editing the clip's extent
    @signature()
    def crop(self):
        # "The region that is cropped depends on whether the clip is looped or not. If looped, the
        # region outside of the loop is removed. If not looped, the region outside the start and end
        # markers is removed." (the dumps) The notes keep their times (no evidence either way).
        values = self._values
        if values["looping"]:
            start, end = values["loop_start"], values["loop_end"]
        else:
            start, end = values["start_marker"], values["end_marker"]
        if self._audio is None:
            for state in self._notes.ordered():
                if not start <= state[2] < end:
                    self._notes.remove(state[0])
            self._notes_changed()
        else:
            # Live writes the cropped audio to a new file (Samples/Processed/Crop in the project)
            audio = self._audio
            beats = audio["sample_beats"] or 1.0
            audio["sample_length"] = int(round(audio["sample_length"] * (end - start) / beats))
            audio["sample_beats"] = end - start
            audio["file_path"] = _audio.processed_path("Crop", audio["file_path"])
            self._notify("file_path")
        # the markers and the loop become the region (stored together: none may pass another on the way)
        for name, value in (("start_marker", start), ("end_marker", end), ("loop_start", start), ("loop_end", end)):
            self._update(name, value)

    # -- scrubbing ("Global quantization applies to the scrub's position and length": the dumps)
    @signature("float")
    def scrub(self, scrub_position):
        if self._arrangement_end is None:
            self._song._transport.scrub(self, scrub_position)

    @signature()
    def stop_scrub(self):
        if self._arrangement_end is None:
            self._song._transport.stop_scrub(self)

    # -- an audio clip's sample time ("Available for AudioClips only.")
    def _sample_timing(self, warped):
        _audio_only(self)
        if self._audio["warping"] != warped:
            raise RuntimeError("The sample is warped" if not warped else "The sample is not warped")
        audio = self._audio
        return audio["sample_rate"], audio["sample_length"], audio["sample_beats"]

    @signature("float", changes=False)
    def beat_to_sample_time(self, beat_time):
        rate, frames, beats = self._sample_timing(True)
        return beat_time * frames / beats if beats else 0.0

    @signature("float", changes=False)
    def sample_to_beat_time(self, sample_time):
        rate, frames, beats = self._sample_timing(True)
        return sample_time * beats / frames if frames else 0.0

    @signature("float", changes=False)
    def seconds_to_sample_time(self, seconds):
        rate, _frames, _beats = self._sample_timing(False)
        return seconds * rate

    # -- Live 12
    @signature("int", changes=False)
    def note_number_to_name(self, midi_pitch):
        return _note_name(midi_pitch)


_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def _note_name(pitch):
    """Live's name of a MIDI pitch: middle C (60) is "C3" (README, "Evidence: clips")."""
    if not 0 <= pitch <= 127:
        raise RuntimeError("Invalid MIDI pitch")
    return "%s%d" % (_NAMES[pitch % 12], pitch // 12 - 2)
