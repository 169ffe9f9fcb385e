"""_Framework.CompoundComponent (simulator): see ControlSurfaceComponent.py."""
from .ControlSurfaceComponent import CompoundComponent

__all__ = ("CompoundComponent",)
