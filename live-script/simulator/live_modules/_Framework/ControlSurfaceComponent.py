"""_Framework.ControlSurfaceComponent: the base of every component (simulator).

A component belongs to the control surface being built when it is made,
reaches the set through `song()` and `application()`, can be disabled
(a disabled component ignores its controls and leaves their lights alone),
and lets go of every Live listener at `disconnect()`.
"""
import Live

from . import _context
from ._listeners import Listeners


class ControlSurfaceComponent(object):
    def __init__(self, is_enabled=True, name="", layer=None, *a, **k):
        self.name = name
        self._is_enabled = bool(is_enabled)
        self._surface = _context.current()
        self._live_listeners = Listeners()
        self._control_listeners = []
        self._layer = None
        self._pending_layer = layer  # taken by `_take_layer()` once the subclass is ready
        if self._surface is not None:
            self._surface._register_component(self)

    # -- the set
    def song(self):
        if self._surface is not None:
            return self._surface._song()
        return Live.Application.get_application().get_document()

    def application(self):
        return Live.Application.get_application()

    def canonical_parent(self):
        return None

    # -- enabled
    def is_enabled(self):
        return self._is_enabled

    def set_enabled(self, enable):
        enable = bool(enable)
        if enable != self._is_enabled:
            self._is_enabled = enable
            self.on_enabled_changed()
            self.update()

    def on_enabled_changed(self):
        pass

    def update(self):
        pass

    def _get_layer(self):
        return self._layer

    def _set_layer(self, layer):
        if self._layer is not None:
            self._layer.release(self)
        self._layer = layer
        if layer is not None:
            layer.grab(self)

    layer = property(_get_layer, _set_layer)

    def _take_layer(self):
        layer, self._pending_layer = self._pending_layer, None
        if layer is not None:
            self.layer = layer

    # -- helpers for subclasses
    def _listen(self, prop, callback, subject=None):
        """A LiveListener on `prop` of `subject`, dropped at disconnect."""
        return self._live_listeners.make(prop, callback, subject)

    def _set_control(self, attribute, control, callback):
        """Swap the control stored at `attribute`, moving `callback` from the old one to the new one."""
        old = getattr(self, attribute, None)
        if old is control:
            return
        if old is not None and old.value_has_listener(callback):
            old.remove_value_listener(callback)
        setattr(self, attribute, control)
        if control is not None:
            control.add_value_listener(callback)

    def disconnect(self):
        self._live_listeners.disconnect()
        if self._surface is not None:
            self._surface._unregister_component(self)
        self._surface = None


class CompoundComponent(ControlSurfaceComponent):
    """A component made of components: they are enabled, updated and disconnected with it."""

    def __init__(self, *a, **k):
        super(CompoundComponent, self).__init__(*a, **k)
        self._sub_components = []

    def register_components(self, *components):
        for component in components:
            self._sub_components.append(component)
        return components[0] if len(components) == 1 else components

    def register_component(self, component):
        self._sub_components.append(component)
        return component

    def on_enabled_changed(self):
        for component in self._sub_components:
            component.set_enabled(self.is_enabled())

    def update(self):
        for component in self._sub_components:
            component.update()

    def disconnect(self):
        for component in self._sub_components:
            component.disconnect()
        self._sub_components = []
        super(CompoundComponent, self).disconnect()
