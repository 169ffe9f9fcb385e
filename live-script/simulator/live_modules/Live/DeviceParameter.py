"""Live.DeviceParameter."""
from ._enums import AutomationState, ParameterState  # noqa: F401
from ._params import DeviceParameter  # noqa: F401
