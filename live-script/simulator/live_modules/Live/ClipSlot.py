"""Live.ClipSlot."""
from ._clips import ClipSlot
from ._enums import ClipSlotPlayingState

__all__ = ["ClipSlot", "ClipSlotPlayingState"]
