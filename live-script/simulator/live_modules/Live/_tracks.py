"""Track and Track.View: MIDI, audio, return and master tracks, with Live's differences."""
from . import _colors, _enums
from ._clip_slot import ClipSlot
from ._devices import DeviceContainer, HoldsDevices, MixerDevice
from ._lom import LomObject, Prop, live_class, signature

MIDI, AUDIO, RETURN, MASTER = "midi", "audio", "return", "master"


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
    raise RuntimeError("Track is not foldable")


def _set_fold_state(track, value):
    raise RuntimeError("Track is not foldable")


def _playable_setter(name):
    def set_(track, value):
        track._require_playable(name)
        track._update(name, value)

    return set_


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


@live_class(
    "Track",
    props={
        # a track's name is a step of its own in Live's history, even inside begin/end (README)
        "name": Prop("", "soU"),
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
        "has_midi_output": Prop(False, "o"),
        "has_audio_output": Prop(True, "o"),
        "is_foldable": Prop(False),
        "is_grouped": Prop(False),
        "group_track": Prop(None),
        "fold_state": Prop(False, "s", get=_fold_state, set=_set_fold_state),
        "is_visible": Prop(True),
        "is_part_of_selection": Prop(False),
        "current_monitoring_state": Prop(
            _enums.Track_monitoring_states.AUTO, "so", kind="int",
            get=_only_playable("current_monitoring_state", 1), set=_set_monitoring),
        "current_input_routing": Prop("All Ins", "so", get=_only_playable("current_input_routing", ""),
                                      set=_playable_setter("current_input_routing")),
        "current_input_sub_routing": Prop("All Channels", "so",
                                          get=_only_playable("current_input_sub_routing", ""),
                                          set=_playable_setter("current_input_sub_routing")),
        "current_output_routing": Prop("Master", "so"),
        "current_output_sub_routing": Prop("", "so"),
        "input_routings": Prop(("All Ins", "Computer Keyboard", "No Input"), "o"),
        "input_sub_routings": Prop(("All Channels",) + tuple("Ch. %d" % n for n in range(1, 17)), "o"),
        "output_routings": Prop(("Master", "Sends Only"), "o"),
        "output_sub_routings": Prop((), "o"),
        "playing_slot_index": Prop(-2, "o"),
        "fired_slot_index": Prop(-1, "o"),
        "output_meter_level": Prop(0.0, "o"),
        "output_meter_left": Prop(0.0, "o"),
        "output_meter_right": Prop(0.0, "o"),
        "input_meter_level": Prop(0.0, "o"),
        "input_meter_left": Prop(0.0, "o"),
        "input_meter_right": Prop(0.0, "o"),
        "performance_impact": Prop(0.0, "o"),
        "clip_slots": Prop((), "o", get=lambda t: tuple(t._slots)),
        "arrangement_clips": Prop((), "o", get=lambda t: ()),
        "devices": Prop((), "o", get=lambda t: tuple(t._devices)),
        "mixer_device": Prop(None, get=lambda t: t._mixer),
        "view": Prop(None, get=lambda t: t._view),
        "canonical_parent": Prop(None, get=lambda t: t._song),
    },
    events=("data",),
)
class Track(HoldsDevices, DeviceContainer):
    """A track of the set. Return and master tracks have no clip slots and cannot be armed."""

    View = TrackView
    monitoring_states = _enums.Track_monitoring_states

    def __init__(self, song, kind, name, color_index=0, scene_count=0):
        is_midi, is_audio = kind == MIDI, kind == AUDIO
        LomObject.__init__(
            self, name=name, color_index=color_index, color=_colors.PALETTE[color_index],
            can_be_armed=is_midi or is_audio, has_midi_input=is_midi, has_audio_input=is_audio,
            has_midi_output=False, has_audio_output=True, can_be_frozen=is_midi or is_audio,
        )
        self._song = song
        self._kind = kind
        self._slots = [ClipSlot(self) for _ in range(scene_count)] if kind in (MIDI, AUDIO) else []
        self._devices = []
        self._mixer = MixerDevice(self, is_master=kind == MASTER)
        self._view = TrackView(self)
        self._data = {}

    def _require_playable(self, name):
        if self._kind in (RETURN, MASTER):
            raise RuntimeError("%s tracks have no %s" % ("Master" if self._kind == MASTER else "Return", name))

    def _can_record(self):
        return self._kind in (MIDI, AUDIO) and self._values["arm"]

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
        return self._slots + self._devices + [self._mixer, self._view]

    @signature("bool", optional=1)
    def stop_all_clips(self, quantized=True):
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
