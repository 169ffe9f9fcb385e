"""Observations: one Live listener per object and property, whatever the number of observers.

A Live listener only marks its key dirty (Live forbids changes inside a
notification, and reading at once would be wasted on a value that changes
again before anyone sends it). `flush()` reads each dirty key once and
tells every observer the latest value.

A few properties are the script's own (`envelope_revision` of a clip): a
source reads them and marks them dirty in place of Live's listener.
"""
import time

from .errors import RequestError, bad_request, not_found
from .resolver import is_dead


class Observation(object):
    __slots__ = ("obj", "prop", "has_value", "source", "callback", "detach", "observers", "last")

    def __init__(self, obj, prop, has_value, source=None):
        self.obj = obj
        self.prop = prop
        self.has_value = has_value
        self.source = source  # None for Live's properties
        self.callback = None
        self.detach = None
        self.observers = {}  # an ordered set of (connection, observation id)
        self.last = None


class ObservationHub(object):
    def __init__(self, resolver, converter, registry, log):
        self._resolver = resolver
        self._converter = converter
        self._registry = registry
        self._log = log
        self._by_key = {}
        self._key_of = {}
        self._dirty = {}  # an ordered set: changes go out in the order they happened
        self._sources = {}

    def __len__(self):
        return len(self._by_key)

    def add_source(self, prop, source):
        """A property the script provides: `source.read(obj)`, `source.attach(obj, changed)` -> detach."""
        self._sources[prop] = source

    def observe(self, conn, obs_id, obj, prop, has_value):
        """Start observing; returns the current value (None for events without a value)."""
        if (conn, obs_id) in self._key_of:
            raise bad_request("observation id %d is already in use on this connection" % obs_id)
        key = (self._registry.id_of(obj), prop)
        observation = self._by_key.get(key)
        if observation is None:
            source = self._sources.get(prop)
            observation = Observation(obj, prop, has_value, source)
            observation.callback = self._listener(key)
            if source is not None:
                observation.detach = self._resolver.live(lambda: source.attach(obj, observation.callback), obj, prop)
            else:
                self._resolver.live(lambda: getattr(obj, "add_%s_listener" % prop)(observation.callback), obj,
                                    "add_%s_listener" % prop)
            self._by_key[key] = observation
        try:
            value = self._read(observation) if has_value else None
        except RequestError:
            if not observation.observers:
                self._drop(key)
            raise
        if not observation.observers:
            observation.last = value
        observation.observers[(conn, obs_id)] = True
        self._key_of[(conn, obs_id)] = key
        conn.observations.add(obs_id)
        return value

    def _listener(self, key):
        dirty = self._dirty

        def on_change():
            dirty[key] = True  # never touch Live here

        return on_change

    def _read(self, observation):
        obj, source = observation.obj, observation.source
        if source is not None:
            return self._resolver.live(lambda: source.read(obj), obj, observation.prop)
        value = self._resolver.live(lambda: getattr(obj, observation.prop), obj, observation.prop)
        return self._converter.to_json(value)

    def unobserve(self, conn, obs_id):
        key = self._key_of.pop((conn, obs_id), None)
        if key is None:
            raise not_found("there is no observation %d on this connection" % obs_id)
        conn.observations.discard(obs_id)
        observation = self._by_key.get(key)
        if observation is not None:
            observation.observers.pop((conn, obs_id), None)
            if not observation.observers:
                self._drop(key)

    def drop_connection(self, conn):
        for obs_id in list(conn.observations):
            if (conn, obs_id) in self._key_of:
                self.unobserve(conn, obs_id)
        conn.observations.clear()

    def _drop(self, key):
        observation = self._by_key.pop(key)
        self._dirty.pop(key, None)
        if observation.detach is not None:
            observation.detach()
        elif not is_dead(observation.obj):
            try:
                remove = getattr(observation.obj, "remove_%s_listener" % observation.prop)
                has = getattr(observation.obj, "%s_has_listener" % observation.prop)
                if has(observation.callback):
                    remove(observation.callback)
            except Exception as error:
                self._log.warning("could not remove a listener on %s: %s" % (observation.prop, error))

    def _end(self, key, gone_events):
        """The object died: its observers are told, the listener forgotten (Live dropped it)."""
        observation = self._by_key.pop(key)
        self._dirty.pop(key, None)
        if observation.detach is not None:
            observation.detach()
        for conn, obs_id in observation.observers:
            self._key_of.pop((conn, obs_id), None)
            conn.observations.discard(obs_id)
            gone_events.append((conn, obs_id))

    def flush(self, deadline=None):
        """Latest values of what changed since the last flush: ({conn: [changes]}, [(conn, obs_id) gone]).

        Past `deadline` (perf_counter seconds) the rest stays dirty for the next flush.
        """
        changes, gone_events = {}, []
        for count, key in enumerate(list(self._dirty)):
            if deadline is not None and count % 16 == 15 and time.perf_counter() > deadline:
                break
            del self._dirty[key]  # in place: the listeners hold this very dict
            observation = self._by_key.get(key)
            if observation is None:
                continue
            if is_dead(observation.obj):
                self._end(key, gone_events)
                continue
            value = None
            if observation.has_value:
                try:
                    value = self._read(observation)
                except RequestError as error:
                    if error.code == "gone":
                        self._end(key, gone_events)
                    else:
                        self._log.warning("observing %s failed: %s" % (observation.prop, error.message))
                    continue
                if value == observation.last and type(value) is type(observation.last):
                    continue
                observation.last = value
            for conn, obs_id in observation.observers:
                changes.setdefault(conn, []).append({"obs": obs_id, "value": value})
        return changes, gone_events

    def sweep(self):
        """Find observed objects deleted without a notification; returns their gone events."""
        gone_events = []
        for key in [k for k, o in self._by_key.items() if is_dead(o.obj)]:
            self._end(key, gone_events)
        return gone_events

    def remove_all(self):
        for key in list(self._by_key):
            self._drop(key)
        self._key_of.clear()
