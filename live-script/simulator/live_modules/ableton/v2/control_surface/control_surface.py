"""ableton.v2.control_surface.ControlSurface (simulator).

What differs from `_Framework.ControlSurface`: `song` and `application` are
properties; components made inside `component_guard()` are given the song;
`self._tasks` is a task group updated on every `update_display`; it is an
EventObject (`register_disconnectable`, `listens`). The rest (scheduling,
MIDI, messages, the session box) is shared, see `_Framework/_surface.py`.
"""
import contextlib
import logging
import time

from _Framework._surface import SurfaceCore

from ..base import task
from ..base.dependency import inject
from ..base.disconnectable import CompoundDisconnectable
from ..base.util import const


def _now():
    """The host's clock (a simulated one in tests), else the real one."""
    try:
        from Live import _lom
        scheduler = _lom.HOST.scheduler
        if scheduler is not None:
            return scheduler.clock()
    except Exception:
        pass
    return time.monotonic()


class ControlSurface(SurfaceCore, CompoundDisconnectable):
    _logger = logging.getLogger("ableton.v2.control_surface.control_surface")

    def __init__(self, c_instance=None, *a, **k):
        k.pop("publish_self", None)
        k.pop("specification", None)
        super(ControlSurface, self).__init__(c_instance, *a, **k)
        self._tasks = task.TaskGroup()
        self._task_group = self._tasks
        self._last_task_update = None

    @property
    def song(self):
        return self._song()

    @property
    def application(self):
        return self._application()

    @contextlib.contextmanager
    def _guard_extras(self):
        with inject(song=const(self._song())).everywhere():
            yield

    def update_display(self):
        super(ControlSurface, self).update_display()
        now = _now()
        delta = 0.1 if self._last_task_update is None else max(0.0, now - self._last_task_update)
        self._last_task_update = now
        self._tasks.update(delta)

    def disconnect(self):
        self._tasks.kill()
        self._tasks.clear()
        SurfaceCore.disconnect(self)
        CompoundDisconnectable.disconnect(self)
