"""Live.RackDevice."""
from ._devices import RackDevice

__all__ = ["RackDevice"]
