"""Live.RackDevice."""
from ._devices import RackDevice  # noqa: F401
