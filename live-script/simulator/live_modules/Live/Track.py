"""Live.Track."""
from ._devices import DeviceContainer  # noqa: F401
from ._enums import DeviceInsertMode  # noqa: F401
from ._tracks import Track  # noqa: F401
