"""Live.MixerDevice."""
from ._devices import MixerDevice  # noqa: F401
