"""Live values to JSON and JSON to Live values.

Out: Live objects become references, vectors lists, enums ints, Live's plain
value classes (MidiNote, BeatTime, ...) objects of their properties.
In: values are coerced to what Live's C++ signatures want (an int where
Live wants an int, a float where it wants a float), `{"$ref": id}` becomes
the object, checked against the type Live expects.
"""
import math

from .errors import bad_request

_PRIMITIVES = ("float", "int", "bool", "str")


class Converter(object):
    def __init__(self, api, registry, resolver):
        self.api = api
        self.registry = registry
        self.resolver = resolver

    # ------------------------------------------------------------ out
    def to_json(self, value, depth=0):
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            return int(value)  # Live's enums are ints with names
        if isinstance(value, float):
            return value if math.isfinite(value) else None
        if depth > 8:
            raise bad_request("the value is nested too deeply to travel as JSON")
        api_class = self.api.class_of(value)
        if api_class is not None:
            if api_class.is_live_object:
                return self.resolver.ref(value)
            if not api_class.is_vector and api_class.properties:
                return self._value_object(value, api_class, depth)
        if isinstance(value, dict):
            return dict((str(k), self.to_json(v, depth + 1)) for k, v in value.items())
        if api_class is not None and api_class.is_vector or hasattr(value, "__iter__"):
            return [self.to_json(item, depth + 1) for item in value]
        raise bad_request("a %s cannot travel as JSON" % type(value).__name__)

    def _value_object(self, value, api_class, depth):
        # plain fields inline: a clip's notes come thousands at a time (the editor reads them all at once)
        out = {}
        for name in _public_names(api_class):
            field = getattr(value, name, None)
            kind = field.__class__
            if field is None or kind is bool or kind is str or kind is int:
                out[name] = field
            elif kind is float:
                out[name] = field if math.isfinite(field) else None
            else:
                out[name] = self.to_json(field, depth + 1)
        return out

    # ------------------------------------------------------------ in
    def from_json(self, value, declared, where):
        """Coerce a JSON value to the type Live declares (`float`, `Track | None`, `MapMode`, ...)."""
        optional = False
        if declared and declared.endswith(" | None"):
            declared, optional = declared[:-7], True
        if value is None and (optional or declared not in _PRIMITIVES and declared not in self.api.enum_names):
            return None
        if declared == "float":
            if not _is_number(value):
                raise bad_request("%s must be a number" % where)
            return float(value)
        if declared == "int" or declared in self.api.enum_names:
            if not _is_number(value) or float(value) != int(value):
                raise bad_request("%s must be an integer" % where)
            return int(value)
        if declared == "bool":
            if not isinstance(value, bool):
                raise bad_request("%s must be true or false" % where)
            return value
        if declared == "str":
            if not isinstance(value, str):
                raise bad_request("%s must be a string" % where)
            return value
        if declared in self.api.object_names:
            return self.object_arg(value, declared, where)
        return self.plain(value, where)

    def object_arg(self, value, declared, where):
        if not (isinstance(value, dict) and _is_number(value.get("$ref"))):
            raise bad_request('%s must be a reference to a %s: {"$ref": id}' % (where, declared))
        obj = self.registry.get(int(value["$ref"]))
        api_class = self.api.live_class_of(obj)
        if declared != "LomObject" and not api_class.is_a(declared):
            raise bad_request("%s must be a %s, not a %s" % (where, declared, api_class.short))
        return obj

    def plain(self, value, where):
        """Arguments Live takes as Python objects: lists become tuples, references objects."""
        if isinstance(value, list):
            return tuple(self.plain(item, where) for item in value)
        if isinstance(value, dict):
            if "$ref" in value:
                return self.object_arg(value, "LomObject", where)
            return dict((k, self.plain(v, where)) for k, v in value.items())
        return value


_NAMES = {}


def _public_names(api_class):
    """A value class's public property names, worked out once."""
    names = _NAMES.get(api_class.key)
    if names is None:
        names = tuple(name for name in api_class.properties if not name.startswith("_"))
        _NAMES[api_class.key] = names
    return names


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
