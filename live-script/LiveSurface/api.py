"""Live's public API as an allowlist, from `live_api.json` (derived from real Live 11.3 and 12.3).

A client may reach a property, function or listener only when it is listed
here for the object's class; names starting with `_` never are.
"""
import json
import os

from .errors import bad_request, forbidden, not_found

API_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "live_api.json")


def _short_name(key):
    module, _, name = key.partition(".")
    return name if module == name else key


class ApiClass(object):
    """One Live class: what may be read, written, observed and called."""

    def __init__(self, key, data):
        self.key = key
        self.short = _short_name(key)
        self.properties = data["properties"]
        self.listeners = data["listeners"]
        self.functions = data["functions"]
        self.bases = [_short_name(b) for b in data.get("bases", [])]
        self.is_live_object = "_live_ptr" in self.properties
        self.is_vector = key.endswith("Vector")

    def is_a(self, short_name):
        return short_name == self.short or short_name in self.bases

    def _version_check(self, info, name, major):
        versions = info.get("in")
        if versions and str(major) not in versions:
            raise not_found("%s.%s exists only in Live %s" % (self.short, name, " and ".join(versions)))

    def readable(self, name, major):
        info = self.properties.get(name) if not name.startswith("_") else None
        if info is None:
            if name in self.functions and not name.startswith("_"):
                raise bad_request("%s is a function of %s: use call" % (name, self.short))
            raise forbidden("%s is not a property of %s in Live's public API" % (name, self.short))
        self._version_check(info, name, major)
        return info

    def settable(self, name, major):
        info = self.readable(name, major)
        settable = info["settable"]
        if isinstance(settable, dict):
            settable = settable.get(str(major), False)
        if not settable:
            raise bad_request("%s of %s is read-only" % (name, self.short))
        return info

    def observable(self, name, major):
        versions = self.listeners.get(name) if not name.startswith("_") else None
        if versions is None:
            if name in self.properties and not name.startswith("_"):
                raise bad_request("%s of %s cannot be observed: Live has no listener for it" % (name, self.short))
            raise forbidden("%s is not an observable property of %s in Live's public API" % (name, self.short))
        if str(major) not in versions:
            raise not_found("%s of %s can be observed only in Live %s" % (name, self.short, " and ".join(versions)))
        return name in self.properties

    def callable(self, name, major):
        # Listener methods are not in `functions` (the derivation sets them apart): observe is the way.
        info = self.functions.get(name) if not name.startswith("_") else None
        if info is None:
            if name in self.properties and not name.startswith("_"):
                raise bad_request("%s is a property of %s: use get or set" % (name, self.short))
            raise forbidden("%s is not a function of %s in Live's public API" % (name, self.short))
        self._version_check(info, name, major)
        return info


class LiveApi(object):
    def __init__(self, surface):
        self.classes = dict((key, ApiClass(key, data)) for key, data in surface["classes"].items())
        self.enum_names = set(name.rsplit(".", 1)[-1] for name in surface["enums"])
        self.object_names = set()
        for api_class in self.classes.values():
            if api_class.is_live_object:
                self.object_names.add(api_class.short)
                self.object_names.add(api_class.key.rsplit(".", 1)[-1])
        self._by_type = {}

    @classmethod
    def load(cls, path=API_FILE):
        with open(path) as handle:
            return cls(json.load(handle))

    def class_of(self, value):
        """The API class of a value, or None when it is not a Live type."""
        value_type = type(value)
        try:
            return self._by_type[value_type]
        except KeyError:
            pass
        module = getattr(value_type, "__module__", "") or ""
        if module.startswith("Live."):
            module = module[5:]
        found = self.classes.get("%s.%s" % (module, value_type.__name__))
        self._by_type[value_type] = found
        return found

    def live_class_of(self, obj):
        """The API class of a Live object; `forbidden` for anything else."""
        api_class = self.class_of(obj)
        if api_class is None or not api_class.is_live_object:
            raise forbidden("objects of type %s are not part of Live's public API" % type(obj).__name__)
        return api_class
