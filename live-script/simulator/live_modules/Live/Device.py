"""Live.Device."""
from ._devices import Device
from ._enums import DeviceType

__all__ = ["Device", "DeviceType"]
