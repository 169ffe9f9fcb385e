"""Live.DrumChain."""
from ._devices import DrumChain

__all__ = ["DrumChain"]
