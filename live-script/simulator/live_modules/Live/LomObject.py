"""Live.LomObject."""
from . import _lom


class LomObject(_lom.LomObject):
    """Live's base of objects with identity (`_live_ptr`)."""


_lom.set_class_name(LomObject, "LomObject")
