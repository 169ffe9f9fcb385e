"""Live.ClipSlot."""
from ._clip_slot import ClipSlot
from ._enums import ClipSlotPlayingState

__all__ = ["ClipSlot", "ClipSlotPlayingState"]
