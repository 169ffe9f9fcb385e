"""Live.Device."""
from ._devices import Device  # noqa: F401
from ._enums import DeviceType  # noqa: F401
