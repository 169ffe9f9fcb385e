"""Song (the Live set), Song.View, Scene and BeatTime."""
from . import _colors, _enums, _version
from ._lom import LomObject, Prop, ValueObject, live_class, set_class_name, signature
from ._tracks import AUDIO, MASTER, MIDI, RETURN, Track
from ._transport import Transport


class BeatTime(ValueObject):
    _fields = ("bars", "beats", "sub_division", "ticks")
    _settable = _fields


set_class_name(BeatTime, "Song")


def _scene_tempo_check(scene, value):
    if not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid tempo")


@live_class(
    "Scene",
    props={
        "name": Prop("", "so"),
        "color": Prop(_colors.PALETTE[0], "so", check=_colors.check_rgb, set=_colors.set_rgb),
        "color_index": Prop(0, "so", check=_colors.check_index, set=_colors.set_index),
        "clip_slots": Prop((), "o", get=lambda s: tuple(t._slots[s._index] for t in s._song._tracks)),
        "is_empty": Prop(True, get=lambda s: all(t._slots[s._index]._clip is None for t in s._song._tracks)),
        "is_triggered": Prop(False, "o"),
        "tempo": Prop(120.0, "so", check=_scene_tempo_check),
        "tempo_enabled": Prop(False, "so"),
        "time_signature_numerator": Prop(4, "so"),
        "time_signature_denominator": Prop(4, "so"),
        "time_signature_enabled": Prop(False, "so"),
        "canonical_parent": Prop(None, get=lambda s: s._song),
    },
)
class Scene(LomObject):
    """A row of the session: firing it launches every clip in the row."""

    def __init__(self, song, name="", color_index=0):
        LomObject.__init__(self, name=name, color_index=color_index, color=_colors.PALETTE[color_index])
        self._song = song

    @property
    def _index(self):
        return self._song._scenes.index(self)

    @signature("bool", "bool", optional=2)
    def fire(self, force_legato=False, can_select_scene_on_launch=True):
        song = self._song
        if self._values["tempo_enabled"]:
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


def _select_track(view, track):
    view._update("selected_track", track)


def _select_scene(view, scene):
    view._select_scene(scene)


def _check_in_set(kind):
    def check(view, value):
        if value is None or value._deleted:
            raise RuntimeError("Invalid %s" % kind)

    return check


@live_class(
    "Song",
    "View",
    props={
        "selected_track": Prop(None, "so", kind="Track", check=_check_in_set("track"), set=_select_track),
        "selected_scene": Prop(None, "so", kind="Scene", get=lambda v: v._selected_scene(),
                               check=_check_in_set("scene"), set=_select_scene),
        "selected_parameter": Prop(None, "o"),
        "selected_chain": Prop(None, "so", kind="Chain"),
        "highlighted_clip_slot": Prop(None, "s", kind="ClipSlot"),
        "detail_clip": Prop(None, "so", kind="Clip"),
        "follow_song": Prop(False, "so"),
        "draw_mode": Prop(True, "so"),
        "canonical_parent": Prop(None, get=lambda v: v._song),
    },
)
class SongView(LomObject):
    def __init__(self, song):
        LomObject.__init__(self)
        self._song = song

    def _selected_scene(self):
        scene = self._values["selected_scene"]
        if scene is None or scene._deleted:
            scene = self._song._scenes[0]
            self._values["selected_scene"] = scene
        return scene

    def _select_scene(self, scene):
        self._update("selected_scene", scene)
        track = self._values["selected_track"]
        if track is not None and track._slots:
            self._update("highlighted_clip_slot", track._slots[scene._index])

    @signature("Device", "bool", optional=1)
    def select_device(self, device, should_appoint_device=True):
        track = device._parent
        while type(track).__name__ != "Track":
            track = track._parent
        track._view._selected = device
        track._view._notify("selected_device")
        if should_appoint_device:
            self._song._update("appointed_device", device)


def _tempo_check(song, value):
    if not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid tempo")


def _set_tempo(song, value):
    song._transport.rebase()
    song._update("tempo", value)
    tempo_param = song._master._mixer._song_tempo
    tempo_param._update("value", value)


def _set_is_playing(song, value):
    if value:
        song._transport.start()
    else:
        song._transport.stop()


def _set_song_time(song, value):
    if value < 0:
        raise RuntimeError("Invalid song time")
    song._transport.jump_to(value)


def _set_session_record(song, value):
    song._update("session_record", value)
    song._update("session_record_status", _enums.SessionRecordStatus.on if value else _enums.SessionRecordStatus.off)
    song._transport.record_session(value)


def _check_signature(song, value):
    if not 1 <= value <= 99:
        raise RuntimeError("Invalid time signature")


def _check_denominator(song, value):
    if value not in (1, 2, 4, 8, 16):
        raise RuntimeError("Invalid time signature")


def _check_quantization(song, value):
    if not 0 <= value <= 13:
        raise RuntimeError("Invalid quantization")


@live_class(
    "Song",
    props={
        "name": Prop(""),
        "file_path": Prop(""),
        "tempo": Prop(120.0, "so", check=_tempo_check, set=_set_tempo),
        "is_playing": Prop(False, "so", set=_set_is_playing),
        "current_song_time": Prop(0.0, "so", get=lambda s: s._transport.beat(), set=_set_song_time),
        "start_time": Prop(0.0, "so"),
        "signature_numerator": Prop(4, "so", check=_check_signature),
        "signature_denominator": Prop(4, "so", check=_check_denominator),
        "metronome": Prop(False, "so"),
        "record_mode": Prop(False, "so"),
        "overdub": Prop(False, "so"),
        "arrangement_overdub": Prop(False, "so"),
        "session_record": Prop(False, "so", set=_set_session_record),
        "session_record_status": Prop(_enums.SessionRecordStatus.off, "o", kind="int"),
        "session_automation_record": Prop(False, "so"),
        "re_enable_automation_enabled": Prop(False, "o"),
        "back_to_arranger": Prop(False, "so"),
        "clip_trigger_quantization": Prop(_enums.Quantization.q_bar, "so", kind="int", check=_check_quantization),
        "midi_recording_quantization": Prop(_enums.RecordingQuantization.rec_q_no_q, "so", kind="int"),
        "loop": Prop(False, "so"),
        "loop_start": Prop(0.0, "so"),
        "loop_length": Prop(16.0, "so"),
        "punch_in": Prop(False, "so"),
        "punch_out": Prop(False, "so"),
        "nudge_up": Prop(False, "so"),
        "nudge_down": Prop(False, "so"),
        "swing_amount": Prop(0.0, "so"),
        "groove_amount": Prop(1.0, "so"),
        "exclusive_arm": Prop(True, "o"),
        "exclusive_solo": Prop(False),
        "select_on_launch": Prop(True),
        "is_counting_in": Prop(False, "o"),
        "count_in_duration": Prop(0, "o"),
        "can_undo": Prop(False),
        "can_redo": Prop(False),
        "can_capture_midi": Prop(False, "o"),
        "can_jump_to_next_cue": Prop(False, "o"),
        "can_jump_to_prev_cue": Prop(False, "o"),
        "cue_points": Prop((), "o"),
        "is_ableton_link_enabled": Prop(False, "so"),
        "is_ableton_link_start_stop_sync_enabled": Prop(False, "so"),
        "tempo_follower_enabled": Prop(False, "so"),
        "root_note": Prop(9, "so"),
        "scale_name": Prop("Minor", "so"),
        "scale_mode": Prop(False, "so"),
        "scale_intervals": Prop((0, 2, 3, 5, 7, 8, 10), "o"),
        "song_length": Prop(0.0, "o", get=lambda s: max(64.0, s._transport.beat())),
        "last_event_time": Prop(0.0),
        "appointed_device": Prop(None, "so", kind="Device"),
        "tracks": Prop((), "o", get=lambda s: tuple(s._tracks)),
        "visible_tracks": Prop((), "o", get=lambda s: tuple(s._tracks)),
        "return_tracks": Prop((), "o", get=lambda s: tuple(s._returns)),
        "master_track": Prop(None, get=lambda s: s._master),
        "scenes": Prop((), "o", get=lambda s: tuple(s._scenes)),
        "view": Prop(None, get=lambda s: s._view),
        "canonical_parent": Prop(None, get=lambda s: None),
    },
    events=("data",),
)
class Song(LomObject):
    """The Live set: tracks, returns, master, scenes and the transport."""

    View = SongView

    def __init__(self, clock, name="Untitled"):
        LomObject.__init__(self, name=name)
        self._transport = Transport(self, clock)
        self._tracks = []
        self._returns = []
        self._scenes = []
        self._master = Track(self, MASTER, "Main" if _version.MAJOR >= 12 else "Master", color_index=13)
        self._view = SongView(self)
        self._data = {}
        self._taps = []
        self._clock = clock

    # -- building (used by demo sets and by the API below)
    def _add_track(self, kind, name, color_index=0, index=None):
        track = Track(self, kind, name, color_index, scene_count=len(self._scenes))
        for letter_index in range(len(self._returns)):
            track._mixer._add_send(chr(ord("A") + letter_index))
        if index is None or index < 0 or index > len(self._tracks):
            index = len(self._tracks)
        self._tracks.insert(index, track)
        self._notify("tracks")
        self._notify("visible_tracks")
        if self._view._values["selected_track"] is None:
            self._view._values["selected_track"] = track
        return track

    def _add_return(self, name, color_index=0):
        letter = chr(ord("A") + len(self._returns))
        track = Track(self, RETURN, name, color_index)
        self._returns.append(track)
        for other in self._tracks + self._returns:
            other._mixer._add_send(letter)
        self._notify("return_tracks")
        return track

    def _insert_scene(self, index, name=""):
        if index < 0 or index > len(self._scenes):
            index = len(self._scenes)
        scene = Scene(self, name)
        self._scenes.insert(index, scene)
        for track in self._tracks:
            track._add_slot(index)
        self._notify("scenes")
        return scene

    def _move_track(self, old_index, new_index):
        """Reorder tracks as a drag in Live's UI does (objects and their ids stay the same)."""
        track = self._tracks.pop(old_index)
        self._tracks.insert(new_index, track)
        self._notify("tracks")
        self._notify("visible_tracks")

    def _move_scene(self, old_index, new_index):
        scene = self._scenes.pop(old_index)
        self._scenes.insert(new_index, scene)
        for track in self._tracks:
            track._slots.insert(new_index, track._slots.pop(old_index))
            track._notify("clip_slots")
        self._notify("scenes")

    def _update_solo_state(self):
        soloed = [t for t in self._tracks + self._returns if t._values["solo"]]
        for track in self._tracks + self._returns:
            track._update("muted_via_solo", bool(soloed) and track not in soloed)

    def _children(self):
        return self._tracks + self._returns + [self._master] + self._scenes + [self._view]

    # -- transport
    @signature()
    def start_playing(self):
        self._transport.start(self._values["start_time"])

    @signature()
    def stop_playing(self):
        self._transport.stop()

    @signature()
    def continue_playing(self):
        self._transport.start()

    @signature("bool", optional=1)
    def stop_all_clips(self, quantized=True):
        self._transport.stop_all(quantized)

    @signature("float")
    def jump_by(self, beats):
        self._transport.jump_to(self._transport.beat() + beats)

    @signature("float")
    def scrub_by(self, beats):
        self._transport.jump_to(self._transport.beat() + beats)

    @signature()
    def tap_tempo(self):
        now = self._clock()
        self._taps = [t for t in self._taps if now - t < 2.0] + [now]
        if len(self._taps) >= 2:
            intervals = [b - a for a, b in zip(self._taps, self._taps[1:])]
            self.tempo = min(999.0, max(20.0, 60.0 / (sum(intervals) / len(intervals))))

    @signature(changes=False)
    def get_current_beats_song_time(self):
        beat = self._transport.beat()
        per_bar = self._values["signature_numerator"]
        whole = int(beat)
        sixteenths = int((beat - whole) * 4)
        ticks = int(((beat - whole) * 4 - sixteenths) * 60)
        return BeatTime(bars=whole // per_bar + 1, beats=whole % per_bar + 1, sub_division=sixteenths + 1, ticks=ticks)

    # -- structure
    @signature(None, optional=1)
    def create_midi_track(self, index=None):
        track = self._add_track(MIDI, "%d-MIDI" % (len(self._tracks) + 1), 0, -1 if index is None else int(index))
        return track

    @signature(None, optional=1)
    def create_audio_track(self, index=None):
        track = self._add_track(AUDIO, "%d-Audio" % (len(self._tracks) + 1), 0, -1 if index is None else int(index))
        return track

    @signature()
    def create_return_track(self):
        return self._add_return("%s-Return" % chr(ord("A") + len(self._returns)))

    @signature("int")
    def delete_track(self, index):
        if not 0 <= index < len(self._tracks) or len(self._tracks) == 1:
            raise RuntimeError("Invalid track index")
        track = self._tracks.pop(index)
        self._transport.stop_track(track, False)
        if self._view._values["selected_track"] is track:
            self._view._update("selected_track", self._tracks[min(index, len(self._tracks) - 1)])
        track._delete()
        self._notify("tracks")
        self._notify("visible_tracks")

    @signature("int")
    def delete_return_track(self, index):
        if not 0 <= index < len(self._returns):
            raise RuntimeError("Invalid return track index")
        self._returns.pop(index)._delete()
        for track in self._tracks + self._returns:
            send = track._mixer._sends.pop(index)
            send._delete()
            track._mixer._notify("sends")
        self._notify("return_tracks")

    @signature("int")
    def create_scene(self, index):
        return self._insert_scene(index)

    @signature("int")
    def delete_scene(self, index):
        if not 0 <= index < len(self._scenes) or len(self._scenes) == 1:
            raise RuntimeError("Invalid scene index")
        scene = self._scenes.pop(index)
        for track in self._tracks:
            track._remove_slot(index)
        if self._view._values["selected_scene"] is scene:
            self._view._values["selected_scene"] = None
        scene._delete()
        self._notify("scenes")

    @signature("int")
    def duplicate_scene(self, index):
        if not 0 <= index < len(self._scenes):
            raise RuntimeError("Invalid scene index")
        source = self._scenes[index]
        copy = self._insert_scene(index + 1, source._values["name"])
        copy._values["color_index"] = source._values["color_index"]
        copy._values["color"] = source._values["color"]
        for track in self._tracks:
            if track._slots[index]._clip is not None:
                track._slots[index].duplicate_clip_to(track._slots[index + 1])

    @signature("int")
    def duplicate_track(self, index):
        if not 0 <= index < len(self._tracks):
            raise RuntimeError("Invalid track index")
        source = self._tracks[index]
        copy = self._add_track(source._kind, source._values["name"], source._values["color_index"], index + 1)
        for scene_index, slot in enumerate(source._slots):
            if slot._clip is not None:
                slot.duplicate_clip_to(copy._slots[scene_index])

    @signature(None, None, changes=False)
    def get_data(self, key, default_value):
        return self._data.get(key, default_value)

    @signature(None, None)
    def set_data(self, key, value):
        self._data[key] = value
        self._notify("data")

    @signature()
    def re_enable_automation(self):
        for track in self._tracks + self._returns + [self._master]:
            for device in track._devices:
                for parameter in device._parameters:
                    if parameter._values["automation_state"] == _enums.AutomationState.overridden:
                        parameter._update("automation_state", _enums.AutomationState.playing)
        self._update("re_enable_automation_enabled", False)
