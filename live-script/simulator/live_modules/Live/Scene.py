"""Live.Scene."""
from ._song import Scene

__all__ = ["Scene"]
