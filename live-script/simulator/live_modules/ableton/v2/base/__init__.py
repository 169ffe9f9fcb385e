"""ableton.v2.base (simulator): the helpers ableton.v2 scripts import.

See dependency.py (`depends`, `inject`), event.py (`EventObject`, `listens`,
`listens_group`, `listenable_property`), task.py, util.py.
"""
from . import task
from .dependency import DependencyError, dependency, depends, inject
from .disconnectable import CompoundDisconnectable, Disconnectable, disconnectable
from .event import EventError, EventObject, Subject, listenable_property, listens, listens_group
from .util import (clamp, const, find_if, first, flatten, in_range, index_if, lazy_attribute, liveobj_changed,
                   liveobj_valid, nop, second, sign)

__all__ = (
    "task", "DependencyError", "dependency", "depends", "inject", "CompoundDisconnectable", "Disconnectable",
    "disconnectable", "EventError", "EventObject", "Subject", "listenable_property", "listens", "listens_group",
    "clamp", "const", "find_if", "first", "flatten", "in_range", "index_if", "lazy_attribute", "liveobj_changed",
    "liveobj_valid", "nop", "second", "sign",
)
