"""Live.Application."""
from ._app import Application, get_application  # noqa: F401
