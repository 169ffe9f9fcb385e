"""Live.ClipSlot."""
from ._clips import ClipSlot  # noqa: F401
from ._enums import ClipSlotPlayingState  # noqa: F401
