"""Live.Chain."""
from ._devices import Chain  # noqa: F401
