"""Track and Track.View: MIDI, audio, group, return and master tracks, with Live's differences.

Group tracks hold the tracks after them that name them as their group; folding one hides them
(`is_visible`, `Song.visible_tracks`). Routing is in _routing.py; a track's arrangement clips
(Live's `create_audio_clip`, `create_midi_clip`, `duplicate_clip_to_arrangement`) in _arrangement.py.
"""
from . import _colors, _enums, _routing, _version
from ._arrangement import ArrangementClips
from ._clip_slot import ClipSlot
from ._devices import DeviceContainer, HoldsDevices, MixerDevice
from ._lom import LomObject, Prop, Vector, live_class, signature

MIDI, AUDIO, RETURN, MASTER, GROUP = "midi", "audio", "return", "master", "group"
NOT_PLAYING = -1  # "Will be -1 when no clip is playing" (the dumps); -2 once the session stopped it


def _only_playable(name, default):
    """A property return and master tracks do not have: they raise, as in Live."""

    def get(track):
        track._require_playable(name)
        return track._values[name]

    return get


def _set_arm(track, value):
    track._require_playable("arm")
    if not track._values["can_be_armed"]:
        raise RuntimeError("Track can't be armed")
    if value and track._song._values["exclusive_arm"]:
        for other in track._song._tracks:
            if other is not track and other._values["arm"]:
                other._update("arm", False)
    track._update("arm", value)


def _set_mute(track, value):
    if track._kind == MASTER:
        raise RuntimeError("Master track can't be muted")
    track._update("mute", value)
    track._song._update_solo_state()


def _restore_switch(name):
    """Undo puts mute or solo back; the tracks muted by a solo follow."""

    def restore(track, value):
        track._update(name, value)
        track._song._update_solo_state()

    return restore


def _set_solo(track, value):
    if track._kind == MASTER:
        raise RuntimeError("Master track can't be soloed")
    if value and track._song._values["exclusive_solo"]:
        for other in track._song._tracks + track._song._returns:
            if other is not track and other._values["solo"]:
                other._update("solo", False)
    track._update("solo", value)
    track._song._update_solo_state()


def _set_monitoring(track, value):
    track._require_playable("current_monitoring_state")
    if value not in (0, 1, 2):
        raise RuntimeError("Invalid monitoring state")
    track._update("current_monitoring_state", value)


def _fold_state(track):
    # "Only available if is_foldable is True" (the dumps)
    if track._kind != GROUP:
        raise RuntimeError("Track is not foldable")
    return track._values["fold_state"]


def _set_fold_state(track, value):
    if track._kind != GROUP:
        raise RuntimeError("Track is not foldable")
    if value != track._values["fold_state"]:
        track._values["fold_state"] = value  # no listener in Live (the dumps)
        track._song._notify("visible_tracks")


def _set_back_to_arranger(track, value):
    # "Setting a value 0 will go back to the Arranger playback. Setting on grouptracks will go back
    # to the Arranger on all grouped tracks" (the dumps); setting 1 changes nothing (no evidence)
    if not value:
        for member in [track] + track._members(deep=True):
            member._back_to_arrangement()


@live_class("Track", "View", props={
    "selected_device": Prop(None, "o", get=lambda v: v._selected_device()),
    "device_insert_mode": Prop(_enums.DeviceInsertMode.default, "so", kind="int"),
    "is_collapsed": Prop(False, "so"),
    "canonical_parent": Prop(None, get=lambda v: v._track),
})
class TrackView(LomObject):
    def __init__(self, track):
        LomObject.__init__(self)
        self._track = track
        self._selected = None

    def _selected_device(self):
        devices = self._track._devices
        if self._selected in devices:
            return self._selected
        return devices[0] if devices else None

    @signature()
    def select_instrument(self):
        for device in self._track._devices:
            if device._values["type"] == _enums.DeviceType.instrument:
                self._selected = device
                self._notify("selected_device")
                return True
        return False


def _track_props():
    props = {
        # a track's name is a step of its own in Live's history, even inside begin/end (README)
        "name": Prop("", "soU", set=lambda t, v: t._rename(v), restore=lambda t, v: t._rename(v)),
        "color": Prop(_colors.PALETTE[0], "sou", check=_colors.check_rgb, set=_colors.set_rgb),
        "color_index": Prop(0, "sou", check=_colors.check_index, set=_colors.set_index),
        # arming is recording set-up, like the session record button: not journaled (README)
        "arm": Prop(False, "so", get=_only_playable("arm", False), set=_set_arm),
        "implicit_arm": Prop(False, "so"),
        "mute": Prop(False, "sou", set=_set_mute, restore=_restore_switch("mute")),
        "solo": Prop(False, "sou", set=_set_solo, restore=_restore_switch("solo")),
        "muted_via_solo": Prop(False, "o"),
        "can_be_armed": Prop(False),
        "can_be_frozen": Prop(False),
        "is_frozen": Prop(False, "o"),
        "can_show_chains": Prop(False),
        "is_showing_chains": Prop(False, "so"),
        "has_midi_input": Prop(False, "o"),
        "has_audio_input": Prop(False, "o"),
        # kept by _devices_changed(): a MIDI track sends MIDI until an instrument or audio effect is on it
        "has_midi_output": Prop(False, "o"),
        "has_audio_output": Prop(True, "o"),
        "is_foldable": Prop(False, get=lambda t: t._kind == GROUP),
        "is_grouped": Prop(False, get=lambda t: t._group is not None),
        "group_track": Prop(None, get=lambda t: t._group),
        "fold_state": Prop(False, "s", get=_fold_state, set=_set_fold_state),
        "is_visible": Prop(True, get=lambda t: t._shown()),
        "is_part_of_selection": Prop(False),
        "back_to_arranger": Prop(False, "so", get=lambda t: t._values["playing_slot_index"] != NOT_PLAYING,
                                 set=_set_back_to_arranger),
        "current_monitoring_state": Prop(
            _enums.Track_monitoring_states.AUTO, "so", kind="int",
            get=_only_playable("current_monitoring_state", 1), set=_set_monitoring),
        "playing_slot_index": Prop(NOT_PLAYING, "o"),
        "fired_slot_index": Prop(-1, "o"),
        "output_meter_level": Prop(0.0, "o"),
        "output_meter_left": Prop(0.0, "o"),
        "output_meter_right": Prop(0.0, "o"),
        "input_meter_level": Prop(0.0, "o"),
        "input_meter_left": Prop(0.0, "o"),
        "input_meter_right": Prop(0.0, "o"),
        "performance_impact": Prop(0.0, "o"),
        "clip_slots": Prop((), "o", get=lambda t: Vector(t._slots)),
        "arrangement_clips": Prop((), "o", get=lambda t: Vector(t._arrangement.clips())),
        "devices": Prop((), "o", get=lambda t: Vector(t._devices)),
        "mixer_device": Prop(None, get=lambda t: t._mixer),
        "view": Prop(None, get=lambda t: t._view),
        "canonical_parent": Prop(None, get=lambda t: t._song),
    }
    props.update(_routing.track_props(Prop))
    return props


@live_class("Track", props=_track_props(), events=("data",))
class Track(HoldsDevices, DeviceContainer):
    """A track of the set. Return and master tracks have no clip slots and cannot be armed; a group
    track's slots are group slots (they play the slots of its tracks)."""

    View = TrackView
    monitoring_states = _enums.Track_monitoring_states

    def __init__(self, song, kind, name, color_index=0, scene_count=0, group=None):
        is_midi, is_audio = kind == MIDI, kind == AUDIO
        LomObject.__init__(
            self, name=name, color_index=color_index, color=_colors.PALETTE[color_index],
            can_be_armed=is_midi or is_audio, has_midi_input=is_midi, has_audio_input=is_audio,
            has_midi_output=is_midi, has_audio_output=not is_midi, can_be_frozen=is_midi or is_audio,
        )
        self._song = song
        self._kind = kind
        self._group_ref = group
        self._slots = [ClipSlot(self) for _ in range(scene_count)] if kind in (MIDI, AUDIO, GROUP) else []
        self._devices = []
        self._mixer = MixerDevice(self, is_master=kind == MASTER)
        self._view = TrackView(self)
        self._data = {}
        self._routing = _routing.TrackRouting(self)
        self._arrangement = ArrangementClips(self)

    def _require_playable(self, name):
        if self._kind in (RETURN, MASTER):
            raise RuntimeError("%s tracks have no %s" % ("Master" if self._kind == MASTER else "Return", name))

    def _can_record(self):
        return self._kind in (MIDI, AUDIO) and self._values["arm"]

    def _notify_all(self, names):
        for name in names:
            self._notify(name)

    # -- groups
    @property
    def _group(self):
        """The group track holding this one (a group undo brought back stands for the deleted one)."""
        group = self._group_ref
        if group is not None and group._deleted:
            group = self._group_ref = self._song._history.resolve(group)
        return group

    def _members(self, deep=False):
        """The tracks this group holds (with `deep`, those of the groups inside it too)."""
        members = [t for t in self._song._tracks if t._group is self]
        if deep:
            for member in list(members):
                members.extend(member._members(deep=True))
        return members

    def _shown(self):
        """False when a folded group above hides the track."""
        group = self._group
        while group is not None:
            if group._values["fold_state"]:
                return False
            group = group._group
        return True

    def _rename(self, name):
        self._update("name", name)
        self._song._routings_changed()  # other tracks list this one by name

    def _devices_changed(self):
        """A MIDI track outputs audio once an instrument or audio effect is on it (the LOM reference:
        has_midi_output is "1 for MIDI tracks with no instruments and no audio effects")."""
        if self._kind != MIDI:
            return
        audio = any(device._values["type"] in (_enums.DeviceType.instrument, _enums.DeviceType.audio_effect)
                    for device in self._devices)
        if audio != self._values["has_audio_output"]:
            self._update("has_audio_output", audio)
            self._update("has_midi_output", not audio)
            self._song._routings_changed()
            self._notify_all(_routing.OUTPUT_PROPS)

    # -- the session's playing state (the transport moves it)
    def _playing_slot(self, index):
        before = self._values["playing_slot_index"]
        self._update("playing_slot_index", index)
        if (before == NOT_PLAYING) != (index == NOT_PLAYING) and _version.MAJOR >= 12:
            self._notify("back_to_arranger")

    def _back_to_arrangement(self):
        if self._kind in (MIDI, AUDIO):
            self._song._transport.stop_track(self, False)
            self._playing_slot(NOT_PLAYING)

    # -- slots
    def _add_slot(self, index, slot=None):
        """A new empty slot, or one undo brings back with its scene."""
        if slot is None:
            slot = ClipSlot(self)
        slot._track = self
        self._slots.insert(index, slot)
        self._notify("clip_slots")
        return slot

    def _remove_slot(self, index):
        slot = self._slots.pop(index)
        self._song._transport.forget_slot(slot)
        slot._delete()
        self._notify("clip_slots")

    def _after_clone(self):
        # a track undo brings back plays nothing (the transport stopped it when it was deleted)
        self._values.update(playing_slot_index=-2, fired_slot_index=-1, output_meter_level=0.0,
                            output_meter_left=0.0, output_meter_right=0.0)

    def _children(self):
        return self._slots + self._devices + self._arrangement.clips() + [self._mixer, self._view]

    @signature("bool", optional=1)
    def stop_all_clips(self, quantized=True):
        if self._kind == GROUP:
            for member in self._members(deep=True):
                self._song._transport.stop_track(member, quantized)
            return
        self._song._transport.stop_track(self, quantized)

    @signature("int")
    def duplicate_clip_slot(self, index):
        if not 0 <= index < len(self._slots) or self._slots[index]._clip is None:
            raise RuntimeError("No clip to duplicate")
        target = index + 1
        if target >= len(self._slots) or self._slots[target]._clip is not None:
            self._song._insert_scene(target)
        self._slots[index].duplicate_clip_to(self._slots[target])
        return target

    @signature("float")
    def jump_in_running_session_clip(self, beats):
        index = self._values["playing_slot_index"]
        if index >= 0:
            self._song._transport.move_playing_position(self._slots[index]._clip, beats)

    @signature(None, None, changes=False)
    def get_data(self, key, default_value):
        return self._data.get(key, default_value)

    @signature(None, None)
    def set_data(self, key, value):
        self._data[key] = value
        self._notify("data")

    # -- the arrangement (_arrangement.py)
    @signature(None, "float")
    def create_audio_clip(self, file_path, time):
        return self._arrangement.create_audio_clip(file_path, time)

    @signature("float", "float")
    def create_midi_clip(self, start_time, length):
        return self._arrangement.create_midi_clip(start_time, length)

    @signature("Clip")
    def delete_clip(self, clip):
        self._arrangement.delete_clip(clip)

    @signature("Clip", "float")
    def duplicate_clip_to_arrangement(self, clip, destination_time):
        return self._arrangement.duplicate(clip, destination_time)

    # -- devices by name (Live 12.3: "the name as it appears in the UI of Live")
    @signature("str", "int", optional=1)
    def insert_device(self, device_name, device_index=-1):
        from . import _browser
        return _browser.insert_device(self, device_name, device_index)
