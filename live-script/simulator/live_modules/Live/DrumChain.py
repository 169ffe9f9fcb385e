"""Live.DrumChain."""
from ._devices import DrumChain  # noqa: F401
