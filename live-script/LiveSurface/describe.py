"""`describe`: an object's type, properties with values, children, functions and events,
as an explorer or inspector shows them."""
from .errors import RequestError
from .resolver import is_sequence

_OBJECT_LISTS = ("Vector", "ObjectVector", "ATimeableValueVector")


def _in_version(info, major):
    versions = info.get("in") if isinstance(info, dict) else info
    return not versions or str(major) in versions


def _settable(info, major):
    settable = info["settable"]
    return bool(settable.get(str(major), False) if isinstance(settable, dict) else settable)


class Describer(object):
    def __init__(self, resolver, converter, major):
        self._resolver = resolver
        self._converter = converter
        self._api = resolver.api
        self._major = major

    def describe(self, obj):
        api_class = self._api.live_class_of(obj)
        properties, children = [], []
        for name, info in sorted(api_class.properties.items()):
            if name.startswith("_") or name == "canonical_parent" or not _in_version(info, self._major):
                continue
            self._describe_member(obj, api_class, name, info, properties, children)
        functions = []
        for name, info in sorted(api_class.functions.items()):
            if name.startswith("_") or not _in_version(info, self._major):
                continue
            args = info.get("args") or []
            optional_from = info.get("optional_from", len(args))
            functions.append({
                "name": name,
                "args": [{"name": a[0], "type": a[1], "optional": i >= optional_from} for i, a in enumerate(args)],
                "returns": info.get("returns"),
            })
        events = sorted(n for n, versions in api_class.listeners.items()
                        if n not in api_class.properties and str(self._major) in versions)
        return {
            "ref": self._resolver.ref(obj),
            "type": api_class.short,
            "properties": properties,
            "children": children,
            "functions": functions,
            "events": events,
        }

    def _describe_member(self, obj, api_class, name, info, properties, children):
        declared = info.get("type")
        try:
            value = self._resolver.live(lambda: getattr(obj, name), obj, name)
        except RequestError as error:
            properties.append(self._property(api_class, name, info, error=error.to_wire()))
            return
        value_class = self._api.class_of(value)
        if value_class is not None and value_class.is_live_object:
            children.append({"name": name, "type": value_class.short, "kind": "object", "count": 1})
        elif value is None and declared and declared.split(" | ")[0] in self._api.object_names:
            children.append({"name": name, "type": declared.split(" | ")[0], "kind": "object", "count": 0})
        elif is_sequence(value) and self._holds_objects(value, declared):
            first = self._api.class_of(value[0]) if len(value) else None
            children.append({"name": name, "type": first.short if first else None, "kind": "list",
                             "count": len(value)})
        else:
            try:
                shown = self._converter.to_json(value)
            except RequestError as error:
                properties.append(self._property(api_class, name, info, error=error.to_wire()))
                return
            properties.append(self._property(api_class, name, info, value=shown))

    def _holds_objects(self, value, declared):
        if len(value):
            first = self._api.class_of(value[0])
            return first is not None and first.is_live_object
        return declared in _OBJECT_LISTS

    def _property(self, api_class, name, info, value=None, error=None):
        described = {
            "name": name,
            "type": info.get("type"),
            "settable": _settable(info, self._major),
            "observable": str(self._major) in api_class.listeners.get(name, ()),
        }
        if error is not None:
            described["error"] = error
        else:
            described["value"] = value
        return described
