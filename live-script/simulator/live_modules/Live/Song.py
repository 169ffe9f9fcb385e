"""Live.Song."""
from ._enums import (  # noqa: F401
    CaptureDestination, CaptureMode, Quantization, RecordingQuantization, SessionRecordStatus, TimeFormat)
from ._song import BeatTime, Song  # noqa: F401
