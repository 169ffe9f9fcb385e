"""Live.Chain."""
from ._devices import Chain

__all__ = ["Chain"]
