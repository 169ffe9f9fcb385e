"""Live.SimplerDevice."""
from ._devices import SimplerDevice  # noqa: F401
from ._enums import PlaybackMode, SlicingPlaybackMode  # noqa: F401
