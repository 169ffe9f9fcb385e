"""ableton.v2.control_surface.control_element (simulator)."""
from _Framework.ControlElement import ControlElement, NotifyingControlElement

__all__ = ("ControlElement", "NotifyingControlElement")
