"""Live.Scene."""
from ._song import Scene  # noqa: F401
