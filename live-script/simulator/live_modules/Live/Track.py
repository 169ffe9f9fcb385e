"""Live.Track."""
from ._devices import DeviceContainer
from ._enums import DeviceInsertMode
from ._tracks import Track

__all__ = ["DeviceContainer", "DeviceInsertMode", "Track"]
