"""Live.ChainMixerDevice."""
from ._devices import ChainMixerDevice  # noqa: F401
