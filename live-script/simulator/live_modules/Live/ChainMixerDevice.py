"""Live.ChainMixerDevice."""
from ._devices import ChainMixerDevice

__all__ = ["ChainMixerDevice"]
