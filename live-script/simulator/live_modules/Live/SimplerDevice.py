"""Live.SimplerDevice."""
from ._devices import SimplerDevice
from ._enums import PlaybackMode, SlicingPlaybackMode

__all__ = ["SimplerDevice", "PlaybackMode", "SlicingPlaybackMode"]
