"""Live.Song."""
from ._enums import (
    CaptureDestination, CaptureMode, Quantization, RecordingQuantization, SessionRecordStatus, TimeFormat)
from ._song import BeatTime, Song

__all__ = [
    "CaptureDestination", "CaptureMode", "Quantization", "RecordingQuantization", "SessionRecordStatus", "TimeFormat",
    "BeatTime", "Song",
]
