"""Live.Device."""
from ._devices import ATimeableValueVector, Device
from ._enums import DeviceType

__all__ = ["ATimeableValueVector", "Device", "DeviceType"]
