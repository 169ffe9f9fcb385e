"""Live.Application."""
from ._app import Application, get_application

__all__ = ["Application", "get_application"]
