"""Events as ableton.v2 scripts use them (simulator).

- `EventObject`: a class whose events (named in `__events__`, or made by
  `listenable_property`) get `add_<e>_listener`, `remove_<e>_listener`,
  `<e>_has_listener` and `notify_<e>(*args)`, as Live's objects have.
- `listens('event')`: a method that listens to `self.<method>.subject`'s event:
  setting `subject` moves the listener, `None` drops it; calling it calls the method.
- `listens_group('event')`: the same over several subjects
  (`replace_subjects(subjects, identifiers=...)`): the method also gets the identifier.
- `listenable_property`: a property whose changes are told with `notify_<name>(value)`;
  `listenable_property.managed(default)` stores the value and notifies on change.
"""
from .disconnectable import CompoundDisconnectable, Disconnectable


class EventError(Exception):
    pass


def _listener_names(name):
    return "add_%s_listener" % name, "remove_%s_listener" % name, "%s_has_listener" % name, "notify_%s" % name


class listenable_property(object):
    def __init__(self, fget=None, fset=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.__doc__ = doc or (fget.__doc__ if fget is not None else None)
        self.name = fget.__name__ if fget is not None else None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return self.fget(obj)

    def __set__(self, obj, value):
        if self.fset is None:
            raise AttributeError("can't set attribute %s" % self.name)
        self.fset(obj, value)

    def setter(self, fset):
        prop = type(self)(self.fget, fset, self.__doc__)
        prop.name = self.name
        return prop

    @classmethod
    def managed(cls, default_value):
        return _ManagedProperty(default_value)


class _ManagedProperty(listenable_property):
    def __init__(self, default_value):
        super(_ManagedProperty, self).__init__(None, None)
        self.default_value = default_value

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get("_managed_" + self.name, self.default_value)

    def __set__(self, obj, value):
        key = "_managed_" + self.name
        if obj.__dict__.get(key, self.default_value) != value:
            obj.__dict__[key] = value
            getattr(obj, "notify_" + self.name)(value)


def _events_of(cls):
    events = set()
    for klass in cls.__mro__:
        events.update(getattr(klass, "__events__", ()) or ())
        for name, value in vars(klass).items():
            if isinstance(value, listenable_property):
                events.add(value.name or name)
    return events


class EventObject(CompoundDisconnectable):
    """An object with events; `disconnect()` drops its listeners and what it registered."""

    __events__ = ()

    def __init__(self, *a, **k):
        super(EventObject, self).__init__(*a, **k)

    def _event_listeners(self, name):
        listeners = self.__dict__.setdefault("_event_listener_lists", {})
        return listeners.setdefault(name, [])

    def __getattr__(self, attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        for prefix, suffix, kind in (("add_", "_listener", "add"), ("remove_", "_listener", "remove"),
                                     ("", "_has_listener", "has"), ("notify_", "", "notify")):
            if attribute.startswith(prefix) and attribute.endswith(suffix):
                name = attribute[len(prefix):len(attribute) - len(suffix)] if suffix else attribute[len(prefix):]
                if name and name in _events_of(type(self)):
                    return self._event_method(kind, name)
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, attribute))

    def _event_method(self, kind, name):
        listeners = self._event_listeners(name)
        if kind == "add":
            def add(callback, identify_sender=False, *a, **k):
                if any(entry[0] == callback for entry in listeners):
                    raise EventError("Event listener is already registered")
                listeners.append((callback, identify_sender))
            return add
        if kind == "remove":
            def remove(callback):
                for entry in listeners:
                    if entry[0] == callback:
                        listeners.remove(entry)
                        return
                raise EventError("Event listener is not registered")
            return remove
        if kind == "has":
            return lambda callback: any(entry[0] == callback for entry in listeners)

        def notify(*args):
            for callback, identify_sender in list(listeners):
                if identify_sender:
                    callback(*(args + (self,)))
                else:
                    callback(*args)
        return notify

    def disconnect(self):
        self.__dict__.pop("_event_listener_lists", None)
        super(EventObject, self).disconnect()


Subject = EventObject


class _Slot(Disconnectable):
    """One listener of one event of a subject; `subject = x` moves it."""

    def __init__(self, event, listener, extra_args=()):
        self._event = event
        self._listener = listener
        self._extra_args = tuple(extra_args)
        self._subject = None
        self._callback = self._fire

    def _fire(self, *args):
        return self._listener(*(args + self._extra_args))

    @property
    def listener(self):
        return self._listener

    @property
    def subject(self):
        return self._subject

    @subject.setter
    def subject(self, subject):
        if subject is self._subject:
            return
        self._disconnect_subject()
        if subject is not None and subject != None:  # noqa: E711  (a deleted Live object)
            getattr(subject, "add_%s_listener" % self._event)(self._callback)
            self._subject = subject

    def _disconnect_subject(self):
        subject, self._subject = self._subject, None
        if subject is None or subject == None:  # noqa: E711
            return
        has = getattr(subject, "%s_has_listener" % self._event, None)
        if has is None or has(self._callback):
            getattr(subject, "remove_%s_listener" % self._event)(self._callback)

    def is_connected(self):
        return self._subject is not None

    def disconnect(self):
        self._disconnect_subject()

    def __call__(self, *a, **k):
        return self._listener(*a, **k)


class _SlotGroup(Disconnectable):
    def __init__(self, event, listener):
        self._event = event
        self._listener = listener
        self._slots = []

    def replace_subjects(self, subjects, identifiers=None):
        self.disconnect()
        identifiers = iter(identifiers) if identifiers is not None else None
        for subject in subjects:
            identifier = next(identifiers) if identifiers is not None else subject
            slot = _Slot(self._event, self._listener, (identifier,))
            slot.subject = subject
            self._slots.append(slot)

    def add_subject(self, subject, identifier=None):
        slot = _Slot(self._event, self._listener, (subject if identifier is None else identifier,))
        slot.subject = subject
        self._slots.append(slot)

    def has_subject(self, subject):
        return any(slot.subject is subject for slot in self._slots)

    @property
    def subjects(self):
        return [slot.subject for slot in self._slots]

    def disconnect(self):
        for slot in self._slots:
            slot.disconnect()
        self._slots = []

    def __call__(self, *a, **k):
        return self._listener(*a, **k)


class _ListensDescriptor(object):
    def __init__(self, event, func, group=False):
        self.event = event
        self.func = func
        self.group = group
        self.__name__ = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        slots = obj.__dict__.setdefault("_listens_slots", {})
        slot = slots.get(id(self))
        if slot is None:
            bound = self.func.__get__(obj, owner)
            slot = _SlotGroup(self.event, bound) if self.group else _Slot(self.event, bound)
            slots[id(self)] = slot
            register = getattr(obj, "register_disconnectable", None)
            if register is not None:
                register(slot)
        return slot


def listens(event_path, *a, **k):
    return lambda func: _ListensDescriptor(event_path, func)


def listens_group(event_path, *a, **k):
    return lambda func: _ListensDescriptor(event_path, func, group=True)
