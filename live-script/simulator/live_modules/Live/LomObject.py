"""Live.LomObject."""
from ._lom import LomObject as _Base, set_class_name


class LomObject(_Base):
    """Live's base of objects with identity (`_live_ptr`)."""


set_class_name(LomObject, "LomObject")
