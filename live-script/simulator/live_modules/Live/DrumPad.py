"""Live.DrumPad."""
from ._devices import DrumPad

__all__ = ["DrumPad"]
