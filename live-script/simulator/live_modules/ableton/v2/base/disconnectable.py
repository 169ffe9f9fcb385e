"""Disconnectable objects of ableton.v2.base (simulator)."""


class Disconnectable(object):
    def disconnect(self):
        pass


class CompoundDisconnectable(Disconnectable):
    """Disconnects what was registered with it, newest first."""

    def __init__(self, *a, **k):
        super(CompoundDisconnectable, self).__init__(*a, **k)
        self._registered_disconnectables = []

    def register_disconnectable(self, disconnectable):
        if disconnectable not in self._registered_disconnectables:
            self._registered_disconnectables.append(disconnectable)
        return disconnectable

    def unregister_disconnectable(self, disconnectable):
        if disconnectable in self._registered_disconnectables:
            self._registered_disconnectables.remove(disconnectable)

    def disconnect_disconnectable(self, disconnectable):
        self.unregister_disconnectable(disconnectable)
        disconnectable.disconnect()

    def has_disconnectable(self, disconnectable):
        return disconnectable in self._registered_disconnectables

    def disconnect(self):
        for disconnectable in reversed(self._registered_disconnectables):
            disconnectable.disconnect()
        self._registered_disconnectables = []
        super(CompoundDisconnectable, self).disconnect()


def disconnectable(obj):
    return obj
