"""Live.DeviceParameter."""
from ._enums import AutomationState, ParameterState
from ._params import DeviceParameter

__all__ = ["AutomationState", "ParameterState", "DeviceParameter"]
