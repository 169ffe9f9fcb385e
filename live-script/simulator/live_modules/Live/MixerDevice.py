"""Live.MixerDevice."""
from ._devices import MixerDevice

__all__ = ["MixerDevice"]
