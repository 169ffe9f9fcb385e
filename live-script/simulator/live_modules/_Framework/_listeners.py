"""Listening to Live objects from a component (simulator-private helper).

A `LiveListener` follows one property of one Live object at a time: pointing
it at another object (or None) moves the listener; a deleted object is let go
without an error (Live already dropped its listeners).
"""


def alive(obj):
    """True for a Live object that still exists (a deleted one compares equal to None)."""
    return obj is not None and obj != None  # noqa: E711  (Live's deleted objects equal None)


class LiveListener(object):
    def __init__(self, prop, callback):
        self._prop = prop
        self._callback = callback
        self._subject = None

    @property
    def subject(self):
        return self._subject

    @subject.setter
    def subject(self, subject):
        if subject is self._subject:
            return
        self._detach()
        self._subject = subject if alive(subject) else None
        if self._subject is not None:
            add = getattr(self._subject, "add_%s_listener" % self._prop, None)
            if add is None:
                self._subject = None
            else:
                add(self._callback)

    def _detach(self):
        subject, self._subject = self._subject, None
        if subject is None or not alive(subject):
            return
        has = getattr(subject, "%s_has_listener" % self._prop, None)
        if has is not None and has(self._callback):
            getattr(subject, "remove_%s_listener" % self._prop)(self._callback)

    def disconnect(self):
        self._detach()


class Listeners(object):
    """A named group of LiveListeners, all dropped at once."""

    def __init__(self):
        self._all = []

    def make(self, prop, callback, subject=None):
        listener = LiveListener(prop, callback)
        listener.subject = subject
        self._all.append(listener)
        return listener

    def disconnect(self):
        for listener in self._all:
            listener.disconnect()
        self._all = []
