"""Song (the Live set), BeatTime, and the set's undo history (_undo.py) as the API offers it.

Property flags: `u` marks what Live's undo history holds. The structure
(tracks and scenes) is in _song_structure.py, the selection in _song_view.py,
cue points in _cue_points.py, Capture MIDI in _capture.py, scales in _scales.py.
"""
from . import _enums, _scales, _version
from ._capture import MidiCapture
from ._cue_points import Cues
from ._lom import HOST, IntVector, LomObject, Prop, ValueObject, Vector, live_class, set_class_name, signature
from ._midi_out import MidiOut
from ._scene import Scene
from ._song_structure import SongStructure
from ._song_view import SongView
from ._tracks import MASTER, Track
from ._transport import Transport
from ._undo import History

__all__ = ["BeatTime", "Scene", "SmptTime", "Song", "SongView"]  # Scene and SongView are reached through here too


class BeatTime(ValueObject):
    _fields = ("bars", "beats", "sub_division", "ticks")
    _settable = _fields


class SmptTime(ValueObject):
    """"Represents a Time, split into Hours, Minutes, Seconds and Frames." (the dumps; Live spells it so)"""

    _fields = ("hours", "minutes", "seconds", "frames")
    _settable = _fields

    def __init__(self, **values):
        ValueObject.__init__(self, **values)
        for field in self._fields:
            if getattr(self, field) is None:
                object.__setattr__(self, field, 0)


set_class_name(BeatTime, "Song")
set_class_name(SmptTime, "Song")

# Song.TimeFormat -> frames per second (None: milliseconds); 30 drop-frame and 29.97 run at 30000/1001
_FRAME_RATES = {0: None, 1: 24.0, 2: 25.0, 3: 30.0, 4: 30000.0 / 1001, 5: 30000.0 / 1001}


def smpte_time(seconds, time_format):
    """A time in seconds as Live's SmptTime in `time_format` (Song.TimeFormat): ms_time puts
    milliseconds in `frames`; smpte_30_drop numbers frames as SMPTE drop-frame timecode does (two
    frame numbers skipped each minute but every tenth); smpte_29 counts 29.97 frames a second but
    numbers them as 30 (non-drop)."""
    rate = _FRAME_RATES.get(int(time_format), -1)
    if rate == -1:
        raise RuntimeError("Invalid time format")
    if rate is None:
        whole = int(seconds)
        frames = int(round((seconds - whole) * 1000.0))
    else:
        count = int(seconds * rate + 1e-9)
        nominal = int(round(rate))
        if int(time_format) == 4:
            ten_minutes, rest = divmod(count, 17982)
            count += 18 * ten_minutes + (2 * ((rest - 2) // 1798) if rest > 1 else 0)
        whole, frames = divmod(count, nominal)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    return SmptTime(hours=hours, minutes=minutes, seconds=secs, frames=frames)


def _beat_time(song, beats):
    """A length in beats as a BeatTime in the set's signature (bars and beats from 1, sixteenths, ticks)."""
    per_bar = song._values["signature_numerator"]
    whole = int(beats)
    sixteenths = int((beats - whole) * 4)
    ticks = int(((beats - whole) * 4 - sixteenths) * 60)
    return BeatTime(bars=whole // per_bar + 1, beats=whole % per_bar + 1, sub_division=sixteenths + 1, ticks=ticks)


def _tempo_check(song, value):
    if not 20.0 <= value <= 999.0:
        raise RuntimeError("Invalid tempo")


def _set_tempo(song, value):
    song._transport.rebase()
    song._update("tempo", value)
    tempo_param = song._master._mixer._song_tempo
    tempo_param._update("value", value, record=False)  # follows the tempo: not an edit of its own


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


def _set_scale_name(song, value):
    """A scale name Live knows sets its intervals too; the root stays (the dumps: `scale_intervals`
    "Reports the current scale's intervals ..., starting with the root")."""
    intervals = _scales.intervals_of(value)
    song._update("scale_name", value)
    song._update("scale_intervals", intervals, record=False)  # follows the name: not an edit of its own


def _check_scale_name(song, value):
    _scales.intervals_of(value)


def _check_quantization(song, value):
    if not 0 <= value <= 13:
        raise RuntimeError("Invalid quantization")


@live_class(
    "Song",
    props={
        "name": Prop(""),
        "file_path": Prop(""),
        "tempo": Prop(120.0, "sou", check=_tempo_check, set=_set_tempo, restore=_set_tempo),
        "is_playing": Prop(False, "so", set=_set_is_playing),
        "current_song_time": Prop(0.0, "so", get=lambda s: s._transport.beat(), set=_set_song_time),
        "start_time": Prop(0.0, "so"),
        "signature_numerator": Prop(4, "sou", check=_check_signature),
        "signature_denominator": Prop(4, "sou", check=_check_denominator),
        "metronome": Prop(False, "so"),
        "record_mode": Prop(False, "so"),
        "overdub": Prop(False, "so"),
        "arrangement_overdub": Prop(False, "so"),
        "session_record": Prop(False, "so", set=_set_session_record),
        "session_record_status": Prop(_enums.SessionRecordStatus.off, "o", kind="int"),
        "session_automation_record": Prop(False, "so"),
        "re_enable_automation_enabled": Prop(False, "o"),
        # "Get/Set if triggering a Clip in the Session, disabled the playback of Clips in the Arranger":
        # true while a track plays (or was stopped by) the session; False sends them all back
        "back_to_arranger": Prop(False, "so", get=lambda s: any(
            t._values["playing_slot_index"] != -1 for t in s._tracks), set=lambda s, v: s._back_to_arranger(v)),
        "clip_trigger_quantization": Prop(_enums.Quantization.q_bar, "so", kind="int", check=_check_quantization,
                                          enum=True),
        "midi_recording_quantization": Prop(_enums.RecordingQuantization.rec_q_no_q, "so", kind="int", enum=True),
        "loop": Prop(False, "sou"),
        "loop_start": Prop(0.0, "sou"),
        "loop_length": Prop(16.0, "sou"),
        "punch_in": Prop(False, "so"),
        "punch_out": Prop(False, "so"),
        "nudge_up": Prop(False, "so"),
        "nudge_down": Prop(False, "so"),
        "swing_amount": Prop(0.0, "sou"),
        "groove_amount": Prop(1.0, "sou"),
        "exclusive_arm": Prop(True, "o"),
        "exclusive_solo": Prop(False),
        "select_on_launch": Prop(True),
        "is_counting_in": Prop(False, "o"),
        "count_in_duration": Prop(0, "o"),
        # no listener in Live 11.3 or 12.3 (the dumps): clients read them after a change
        "can_undo": Prop(False, get=lambda s: s._history.can_undo),
        "can_redo": Prop(False, get=lambda s: s._history.can_redo),
        "can_capture_midi": Prop(False, "o"),  # kept by _capture.py
        "can_jump_to_next_cue": Prop(False, "o"),  # kept by _cue_points.py as the song time moves
        "can_jump_to_prev_cue": Prop(False, "o"),
        "cue_points": Prop((), "o", get=lambda s: Vector(s._cues.points)),
        "is_ableton_link_enabled": Prop(False, "so"),
        "is_ableton_link_start_stop_sync_enabled": Prop(False, "so"),
        "tempo_follower_enabled": Prop(False, "so"),
        "root_note": Prop(9, "sou"),
        "scale_name": Prop("Minor", "sou", check=_check_scale_name, set=_set_scale_name, restore=_set_scale_name),
        "scale_mode": Prop(False, "sou"),
        "scale_intervals": Prop((0, 2, 3, 5, 7, 8, 10), "o", get=lambda s: IntVector(s._values["scale_intervals"])),
        "song_length": Prop(0.0, "o", get=lambda s: max(64.0, s._transport.beat())),
        "last_event_time": Prop(0.0),
        "appointed_device": Prop(None, "so", kind="Device"),
        "tracks": Prop((), "o", get=lambda s: Vector(s._tracks)),
        "visible_tracks": Prop((), "o", get=lambda s: Vector(t for t in s._tracks if t._shown())),
        "return_tracks": Prop((), "o", get=lambda s: Vector(s._returns)),
        "master_track": Prop(None, get=lambda s: s._master),
        "scenes": Prop((), "o", get=lambda s: Vector(s._scenes)),
        "view": Prop(None, get=lambda s: s._view),
        "canonical_parent": Prop(None, get=lambda s: None),
    },
    events=("data",),
)
class Song(SongStructure, LomObject):
    """The Live set: tracks, returns, master, scenes and the transport."""

    View = SongView

    def __init__(self, clock, name="Untitled"):
        LomObject.__init__(self, name=name)
        self._transport = Transport(self, clock)
        self._midi_out = MidiOut(self)  # what Live sends to the LiveSurface Return port
        self._cues = Cues(self)
        self._capture = MidiCapture(self)
        self._tracks = []
        self._returns = []
        self._scenes = []
        self._master = Track(self, MASTER, "Main" if _version.MAJOR >= 12 else "Master", color_index=13)
        self._view = SongView(self)
        self._data = {}
        self._taps = []
        self._clock = clock
        self._history = HOST.history = History()  # one open set: its history is the one Live undoes

    def _children(self):
        return self._tracks + self._returns + [self._master] + self._scenes + [self._view] + self._cues.points

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

    # -- cue points (_cue_points.py)
    @signature()
    def jump_to_next_cue(self):
        self._cues.jump_next()

    @signature()
    def jump_to_prev_cue(self):
        self._cues.jump_prev()

    @signature()
    def set_or_delete_cue(self):
        self._cues.set_or_delete()

    @signature(changes=False)
    def is_cue_point_selected(self):
        return self._cues.at(self._transport.beat()) is not None

    # -- Capture MIDI (_capture.py)
    @signature("int", optional=1)
    def capture_midi(self, destination=_enums.CaptureDestination.auto):
        self._capture.capture(destination)

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
        return _beat_time(self, self._transport.beat())

    @signature(changes=False)
    def get_beats_loop_start(self):
        return _beat_time(self, self._values["loop_start"])

    @signature(changes=False)
    def get_beats_loop_length(self):
        # a length, but in the same form (bars and beats counted from 1): no evidence of another
        return _beat_time(self, self._values["loop_length"])

    @signature("int", changes=False)
    def get_current_smpte_song_time(self, time_format):
        # the song position in seconds at the set's tempo (the simulator has no tempo automation)
        return smpte_time(self._transport.beat() * 60.0 / self._values["tempo"], time_format)

    # -- the session and the arrangement
    @signature("float", optional=1)
    def trigger_session_record(self, record_length=None):
        # "Triggers a new session recording." (the dumps): as the Session Record button, with an
        # optional fixed length after which the new clips play on (README, "Evidence: audio")
        if record_length is not None and (record_length >= 1e300 or record_length <= 0):
            record_length = None
        self._update("session_record", True)
        self._update("session_record_status", _enums.SessionRecordStatus.on)
        self._transport.record_session(True, record_length)

    @signature("int", optional=1)
    def capture_and_insert_scene(self, capture_mode=_enums.CaptureMode.all):
        # "Capture currently playing clips and insert them as a new scene after the selected scene."
        selected = self._view._selected_scene()
        index = selected._index + 1
        skip = self._view._values["selected_track"] if capture_mode == _enums.CaptureMode.all_except_selected else None
        playing = [(track, self._transport.playing_slot(track)) for track in self._tracks if track is not skip]
        scene = self._insert_scene(index)
        for track, slot in playing:
            if slot is not None and slot._clip is not None:
                slot.duplicate_clip_to(track._slots[index])
        self._view._select_scene(scene)  # no evidence: the new scene is selected, the originals play on

    @signature()
    def play_selection(self):
        # "Start playing the current set selection, or do nothing if no selection is set": the
        # simulator has no arrangement time selection, so there is never one
        return None

    @signature()
    def force_link_beat_time(self):
        # "Force the Link timeline to jump to Lives current beat time": no Link session here
        return None

    def _back_to_arranger(self, value):
        if not value:
            for track in self._tracks:
                track._back_to_arrangement()

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

    # -- Live's undo history (_undo.py)
    @signature()
    def undo(self):
        return self._history.undo()

    @signature()
    def redo(self):
        return self._history.redo()

    @signature()
    def begin_undo_step(self):
        self._history.begin()

    @signature()
    def end_undo_step(self):
        self._history.end()
