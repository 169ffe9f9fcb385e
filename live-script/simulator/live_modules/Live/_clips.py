"""Clip, Clip.View and ClipSlot: notes, loop and markers, launch settings, envelopes."""
from . import _colors, _enums, _version
from ._envelopes import AutomationEnvelope, Envelope
from ._lom import LomObject, Prop, live_class, signature
from ._notes import IntU64Vector, MidiNoteSpecification, MidiNoteVector, StoredNote


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


def _midi_only(clip):
    if not clip._values["is_midi_clip"]:
        raise RuntimeError("This function is only available for MIDI clips")


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
        "name": Prop("", "so"),
        "color": Prop(_colors.PALETTE[0], "so", check=_colors.check_rgb, set=_colors.set_rgb),
        "color_index": Prop(0, "so", check=_colors.check_index, set=_colors.set_index),
        "length": Prop(0.0, get=_length),
        "loop_start": Prop(0.0, "so", check=_loop_check, set=_set_loop_start),
        "loop_end": Prop(4.0, "so", check=_loop_check, set=_set_loop_end),
        "position": Prop(0.0, "so", get=lambda c: c._values["loop_start"], check=_loop_check, set=_set_position),
        "looping": Prop(True, "so"),
        "start_marker": Prop(0.0, "so", check=_loop_check, set=_set_start_marker),
        "end_marker": Prop(4.0, "so", check=_loop_check, set=_set_end_marker),
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
        "launch_mode": Prop(_enums.LaunchMode.trigger, "so", kind="int"),
        "launch_quantization": Prop(_enums.ClipLaunchQuantization.q_global, "so", kind="int"),
        "legato": Prop(False, "so"),
        "muted": Prop(False, "so"),
        "signature_numerator": Prop(4, "so"),
        "signature_denominator": Prop(4, "so"),
        "velocity_amount": Prop(0.0, "so"),
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
class Clip(LomObject):
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
        self._notes = []
        self._next_note_id = 1
        self._envelopes = {}
        self._song = slot._track._song

    # -- helpers of the model
    @property
    def _track(self):
        return self._parent._track

    def _children(self):
        children = [self._view]
        children.extend(e for e in self._envelopes.values() if isinstance(e, LomObject))
        return children

    def _add_note(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                  velocity_deviation=0.0, release_velocity=64.0):
        note = StoredNote(self._next_note_id, pitch, float(start_time), float(duration), float(velocity),
                          mute, float(probability), float(velocity_deviation), float(release_velocity))
        note.check()
        self._next_note_id += 1
        self._notes.append(note)
        return note

    def _notes_changed(self):
        self._notes.sort(key=lambda n: (n.start_time, n.pitch))
        self._notify("notes")

    def _envelope_changed(self):
        self._notify("has_envelopes")

    def _slot_fire(self):
        self._song._transport.launch(self._parent)

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

    # -- notes (Live 11+ API)
    @signature("int", "int", "float", "float", strict_float=True, changes=False)
    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        return MidiNoteVector(
            n.to_api() for n in self._notes
            if from_pitch <= n.pitch < from_pitch + pitch_span and from_time <= n.start_time < from_time + time_span
        )

    @signature(changes=False)
    def get_all_notes_extended(self):
        _midi_only(self)
        return MidiNoteVector(n.to_api() for n in self._notes)

    @signature(None, changes=False)
    def get_notes_by_id(self, note_ids):
        _midi_only(self)
        wanted = set(_note_ids(note_ids))
        return MidiNoteVector(n.to_api() for n in self._notes if n.note_id in wanted)

    @signature(changes=False)
    def get_selected_notes_extended(self):
        _midi_only(self)
        return MidiNoteVector(n.to_api() for n in self._notes if n.selected)

    @signature(None)
    def add_new_notes(self, specifications):
        _midi_only(self)
        specs = list(specifications)
        for spec in specs:
            if not isinstance(spec, MidiNoteSpecification):
                raise TypeError("add_new_notes expects MidiNoteSpecification objects")
            StoredNote(0, spec.pitch, spec.start_time, spec.duration, spec.velocity, spec.mute,
                       spec.probability, spec.velocity_deviation, spec.release_velocity).check()
        ids = [self._add_note(s.pitch, s.start_time, s.duration, s.velocity, s.mute, s.probability,
                              s.velocity_deviation, s.release_velocity).note_id for s in specs]
        self._notes_changed()
        return IntU64Vector(ids)

    @signature(None)
    def apply_note_modifications(self, notes):
        _midi_only(self)
        if not isinstance(notes, MidiNoteVector):
            raise TypeError("apply_note_modifications expects a MidiNoteVector")
        by_id = dict((n.note_id, n) for n in self._notes)
        changed = []
        for modified in notes:
            stored = by_id.get(modified.note_id)
            if stored is None:
                continue
            candidate = StoredNote(stored.note_id, modified.pitch, float(modified.start_time),
                                   float(modified.duration), float(modified.velocity), bool(modified.mute),
                                   float(modified.probability), float(modified.velocity_deviation),
                                   float(modified.release_velocity))
            candidate.check()
            changed.append((stored, candidate))
        for stored, candidate in changed:
            for field in ("pitch", "start_time", "duration", "velocity", "mute", "probability",
                          "velocity_deviation", "release_velocity"):
                setattr(stored, field, getattr(candidate, field))
        self._notes_changed()

    @signature(None)
    def remove_notes_by_id(self, note_ids):
        _midi_only(self)
        doomed = set(_note_ids(note_ids))
        self._notes = [n for n in self._notes if n.note_id not in doomed]
        self._notes_changed()

    @signature("int", "int", "float", "float", strict_float=True)
    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        self._notes = [
            n for n in self._notes
            if not (from_pitch <= n.pitch < from_pitch + pitch_span and from_time <= n.start_time < from_time + time_span)
        ]
        self._notes_changed()

    @signature(None, None, "int", optional=2)
    def duplicate_notes_by_id(self, note_ids, destination_time=None, transposition_amount=0):
        _midi_only(self)
        wanted = set(_note_ids(note_ids))
        originals = [n for n in self._notes if n.note_id in wanted]
        if not originals:
            return IntU64Vector()
        offset = 0.0 if destination_time is None else float(destination_time) - min(n.start_time for n in originals)
        ids = [self._add_note(n.pitch + transposition_amount, n.start_time + offset, n.duration, n.velocity, n.mute,
                              n.probability, n.velocity_deviation, n.release_velocity).note_id for n in originals]
        self._notes_changed()
        return IntU64Vector(ids)

    @signature()
    def select_all_notes(self):
        for note in self._notes:
            note.selected = True

    @signature()
    def deselect_all_notes(self):
        for note in self._notes:
            note.selected = False

    @signature(None)
    def select_notes_by_id(self, note_ids):
        wanted = set(_note_ids(note_ids))
        for note in self._notes:
            note.selected = note.note_id in wanted

    # -- notes (the tuple API older scripts use)
    @signature("float", "int", "float", "int", changes=False)
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        _midi_only(self)
        return tuple(
            (n.pitch, n.start_time, n.duration, n.velocity, n.mute) for n in self._notes
            if from_pitch <= n.pitch < from_pitch + pitch_span and from_time <= n.start_time < from_time + time_span
        )

    @signature(None)
    def set_notes(self, notes):
        _midi_only(self)
        for pitch, start, duration, velocity, mute in notes:
            self._add_note(pitch, start, duration, velocity, mute)
        self._notes_changed()

    @signature("float", "int", "float", "int")
    def remove_notes(self, from_time, from_pitch, time_span, pitch_span):
        self.remove_notes_extended(from_pitch, pitch_span, float(from_time), float(time_span))

    # -- loop editing
    @signature()
    def duplicate_loop(self):
        start, end = self._values["loop_start"], self._values["loop_end"]
        length = end - start
        for note in [n for n in self._notes if start <= n.start_time < end]:
            self._add_note(note.pitch, note.start_time + length, note.duration, note.velocity, note.mute,
                           note.probability, note.velocity_deviation, note.release_velocity)
        self._update("loop_end", end + length)
        if self._values["end_marker"] < end + length:
            self._update("end_marker", end + length)
        self._notes_changed()

    @signature("int", "float")
    def quantize(self, grid, amount):
        grid_beats = _GRID_BEATS.get(grid)
        if grid_beats is None:
            raise RuntimeError("Invalid quantization grid")
        for note in self._notes:
            target = round(note.start_time / grid_beats) * grid_beats
            note.start_time = note.start_time + (target - note.start_time) * amount
        self._notes_changed()

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
        return self._new_envelope(parameter)

    def _new_envelope(self, parameter):
        envelope_class = Envelope if _version.MAJOR >= 12 else AutomationEnvelope
        envelope = self._envelopes[parameter._ptr] = envelope_class(self, parameter)
        self._envelope_changed()
        return envelope

    @signature("DeviceParameter")
    def clear_envelope(self, parameter):
        envelope = self._envelopes.pop(parameter._ptr, None)
        if isinstance(envelope, LomObject):
            envelope._delete()
        self._envelope_changed()

    @signature()
    def clear_all_envelopes(self):
        for envelope in self._envelopes.values():
            if isinstance(envelope, LomObject):
                envelope._delete()
        self._envelopes = {}
        self._envelope_changed()


_GRID_BEATS = {1: 32.0, 2: 16.0, 3: 8.0, 4: 4.0, 5: 2.0, 6: 1.0, 7: 0.5, 8: 0.25, 9: 0.125}


def _note_ids(note_ids):
    ids = list(note_ids)
    for note_id in ids:
        if not isinstance(note_id, int) or isinstance(note_id, bool):
            raise TypeError("note ids must be integers")
    return ids


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

    def _children(self):
        return [self._clip] if self._clip is not None else []

    def _set_clip(self, clip):
        old = self._clip
        self._clip = clip
        if old is not None:
            old._delete()
        self._notify("has_clip")
        self._notify("color")
        self._notify("color_index")

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
        self._track._song._transport.forget_slot(self)
        self._set_clip(None)

    @signature("ClipSlot")
    def duplicate_clip_to(self, target):
        if self._clip is None:
            raise RuntimeError("No clip in this slot")
        if target._clip is not None and target is not self:
            target._track._song._transport.forget_slot(target)
        source = self._clip
        copy = target._new_clip(source._values["loop_end"], name=source._values["name"],
                                color_index=source._values["color_index"])
        for field in ("loop_start", "loop_end", "looping", "start_marker", "end_marker", "launch_mode",
                      "launch_quantization", "legato", "signature_numerator", "signature_denominator"):
            copy._values[field] = source._values[field]
        for note in source._notes:
            copy._add_note(note.pitch, note.start_time, note.duration, note.velocity, note.mute,
                           note.probability, note.velocity_deviation, note.release_velocity)
        copy._notes_changed()

    @signature()
    def fire(self):
        self._track._song._transport.launch(self)

    @signature()
    def stop(self):
        self._track._song._transport.stop_slot(self)

    @signature("bool")
    def set_fire_button_state(self, pressed):
        if pressed:
            self._track._song._transport.launch(self)
