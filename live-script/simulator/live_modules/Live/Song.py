"""Live.Song."""
from ._enums import (
    CaptureDestination, CaptureMode, Quantization, RecordingQuantization, SessionRecordStatus, TimeFormat)
from ._cue_points import CuePoint
from . import _scales
from ._song import BeatTime, SmptTime, Song

__all__ = [
    "CaptureDestination", "CaptureMode", "Quantization", "RecordingQuantization", "SessionRecordStatus", "TimeFormat",
    "BeatTime", "CuePoint", "SmptTime", "Song", "get_all_scales_ordered",
]


def get_all_scales_ordered():
    """Get an ordered tuple of tuples of all available scale names to intervals (the dumps)."""
    return _scales.all_scales_ordered()
