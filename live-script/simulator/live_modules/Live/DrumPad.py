"""Live.DrumPad."""
from ._devices import DrumPad  # noqa: F401
