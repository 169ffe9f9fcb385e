"""_Framework.ControlElement: the base of every control (simulator).

A control belongs to the control surface that was being built when it was
made (see `_context.py`); it has a `name`, and is dropped at `disconnect()`.
"""
from . import _context


class ControlElement(object):
    def __init__(self, name="", *a, **k):
        self.name = name
        self._surface = _context.current()
        if self._surface is not None:
            self._surface._register_control(self)

    def canonical_parent(self):
        return None

    def disconnect(self):
        pass

    def reset(self):
        pass

    def clear_send_cache(self):
        pass

    def send_midi(self, message):
        """Sends `message` (a tuple of bytes) through the owning surface."""
        if self._surface is None:
            return False
        return self._surface._send_midi(tuple(message))


class NotifyingControlElement(ControlElement):
    """A control that tells listeners about its value."""

    def __init__(self, *a, **k):
        super(NotifyingControlElement, self).__init__(*a, **k)
        self._value_listeners = []

    def add_value_listener(self, callback, identify_sender=False):
        if self.value_has_listener(callback):
            raise RuntimeError("Listener already connected")
        self._value_listeners.append((callback, identify_sender))
        self._listeners_changed()

    def remove_value_listener(self, callback):
        for entry in self._value_listeners:
            if entry[0] == callback:
                self._value_listeners.remove(entry)
                self._listeners_changed()
                return
        raise RuntimeError("Listener not connected")

    def value_has_listener(self, callback):
        return any(entry[0] == callback for entry in self._value_listeners)

    def value_listener_count(self):
        return len(self._value_listeners)

    def notify_value(self, value):
        for callback, identify_sender in list(self._value_listeners):
            if identify_sender:
                callback(value, self)
            else:
                callback(value)

    def _listeners_changed(self):
        pass

    def disconnect(self):
        self._value_listeners = []
        super(NotifyingControlElement, self).disconnect()
