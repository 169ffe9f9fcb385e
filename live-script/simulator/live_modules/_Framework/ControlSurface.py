"""_Framework.ControlSurface: the base class of most remote scripts (simulator).

`song()` and `application()` are methods here (they are properties in
`ableton.v2`). Everything else (scheduling in ticks of `update_display`,
`component_guard`, the MIDI map of its controls, messages and logging, the
session box and the blue hand) is in `_surface.py`, shared with `ableton.v2`.
"""
from ._surface import SurfaceCore


class ControlSurface(SurfaceCore):
    def __init__(self, c_instance, *a, **k):
        super(ControlSurface, self).__init__(c_instance, *a, **k)

    def song(self):
        return self._song()

    def application(self):
        return self._application()
