"""ableton.v2.control_surface.Component (simulator).

A component made inside a control surface's `component_guard()` is given the
song (`self.song`, a property here, a method in `_Framework`) and belongs to
that surface: it is disconnected with it. `self.application` is Live's
application. Made outside any guard, it has no song (`DependencyError` on
`self.song`), as in Live, where the song is injected.
"""
import Live

from _Framework import _context

from ..base.dependency import DependencyError, depends
from ..base.event import EventObject


class Component(EventObject):
    __events__ = ("enabled",)

    @depends(song=None)
    def __init__(self, name="", parent=None, is_enabled=True, layer=None, is_private=False, song=None, *a, **k):
        super(Component, self).__init__(*a, **k)
        self.name = name
        self.is_private = is_private
        self._song_dependency = song
        self._parent = parent
        self._explicit_is_enabled = bool(is_enabled)
        self._layer = layer
        self._surface = _context.current()
        if self._surface is not None:
            self._surface._register_component(self)

    @property
    def song(self):
        if self._song_dependency is None:
            raise DependencyError("no song injected: the component was made outside component_guard()")
        return self._song_dependency

    @property
    def application(self):
        return Live.Application.get_application()

    @property
    def parent(self):
        return self._parent

    @property
    def layer(self):
        return self._layer

    @layer.setter
    def layer(self, layer):
        self._layer = layer

    def is_enabled(self, explicit=False):
        return self._explicit_is_enabled

    def set_enabled(self, enable):
        enable = bool(enable)
        if enable != self._explicit_is_enabled:
            self._explicit_is_enabled = enable
            self.on_enabled_changed()
            self.update()
            self.notify_enabled(enable)

    def on_enabled_changed(self):
        pass

    def update(self):
        pass

    def disconnect(self):
        super(Component, self).disconnect()
        if self._surface is not None:
            self._surface._unregister_component(self)
            self._surface = None


class CompoundComponent(Component):
    def __init__(self, *a, **k):
        super(CompoundComponent, self).__init__(*a, **k)
        self._sub_components = []

    def register_component(self, component):
        self._sub_components.append(component)
        return self.register_disconnectable(component)

    def register_components(self, *components):
        for component in components:
            self.register_component(component)

    def update(self):
        for component in self._sub_components:
            component.update()
