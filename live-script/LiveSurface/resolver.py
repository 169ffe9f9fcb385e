"""From targets to Live objects and back: paths, ids, references.

Every read of Live goes through `live()`, which turns Live's exceptions
into typed errors: `gone` when the object was deleted, `not_found` for API
this Live version lacks, `bad_request` for arguments Live's C++ signatures
refuse, `live_error` for the rest.
"""
from .errors import RequestError, bad_request, gone, live_error, not_found
from .paths import parse_path

# Where a child sits in its parent, to find an object's canonical path.
CANONICAL_CHILDREN = {
    "Song": ("tracks", "return_tracks", "master_track", "scenes", "cue_points", "view"),
    "Application": ("view",),
    "Track": ("clip_slots", "devices", "mixer_device", "view"),
    "ClipSlot": ("clip",),
    "Clip": ("view",),
    "Device": ("parameters", "chains", "return_chains", "drum_pads", "chain_selector", "view"),
    "Chain": ("devices", "mixer_device"),
    "DrumPad": ("chains",),
    "MixerDevice": ("volume", "panning", "sends", "track_activator", "crossfader", "cue_volume", "song_tempo",
                    "left_split_stereo", "right_split_stereo"),
    "ChainMixerDevice": ("volume", "panning", "sends", "chain_activator"),
}
MAX_DEPTH = 16
PATH_CACHE_SIZE = 4096


def is_sequence(value):
    return isinstance(value, (list, tuple)) or (
        hasattr(value, "__len__") and hasattr(value, "__getitem__") and not isinstance(value, (str, dict)))


def same_object(a, b):
    try:
        return a is b or a._live_ptr == b._live_ptr
    except Exception:
        return False


def is_dead(obj):
    try:
        return obj == None  # noqa: E711 (deleted Live objects compare equal to None)
    except Exception:
        return True


class Resolver(object):
    def __init__(self, song, application, api, registry, major):
        self.song = song
        self.application = application
        self.api = api
        self.registry = registry
        self.major = major
        self._parsed = {}

    # ------------------------------------------------------------ Live calls
    def live(self, action, obj, what):
        """Run `action` against Live, with Live's failures as typed errors."""
        try:
            return action()
        except RequestError:
            raise
        except AttributeError as error:
            if is_dead(obj):
                raise gone("the object was deleted in Live")
            raise not_found("%s is not available in this Live (%s)" % (what, error))
        except TypeError as error:
            if is_dead(obj):
                raise gone("the object was deleted in Live")
            raise bad_request("Live refused the arguments of %s: %s" % (what, error))
        except Exception as error:
            if is_dead(obj):
                raise gone("the object was deleted in Live")
            raise live_error("%s: %s" % (what, str(error) or type(error).__name__))

    # ------------------------------------------------------------ targets
    def parse(self, target):
        parsed = self._parsed.get(target)
        if parsed is None:
            parsed = parse_path(target)
            if len(self._parsed) >= PATH_CACHE_SIZE:
                self._parsed.clear()
            self._parsed[target] = parsed
        return parsed

    def resolve(self, target):
        """The Live object a target names (a path or `id N ...`)."""
        parsed = self.parse(target)
        if parsed.root == "id":
            obj = self.registry.get(parsed.root_id)
        elif parsed.root == "live_set":
            obj = self.song
        else:
            obj = self.application
        for name, index in parsed.steps:
            obj = self.child(obj, name, index)
        return obj

    def child(self, obj, name, index=None):
        value = self.read(obj, name)
        owner = self.api.live_class_of(obj).short
        if index is not None:
            if not is_sequence(value) or self._is_live_object(value):
                raise bad_request("%s of %s is not a list: it takes no index" % (name, owner))
            count = len(value)
            if index >= count:
                raise not_found("%s %d of %s does not exist (there are %d)" % (name, index, owner, count))
            value = value[index]
        elif is_sequence(value) and not self._is_live_object(value):
            raise bad_request("%s of %s is a list: give an index" % (name, owner))
        if value is None:
            raise not_found("%s of %s is empty" % (name, owner))
        if not self._is_live_object(value):
            raise bad_request("%s of %s is a value, not an object: use get" % (name, owner))
        return value

    def _is_live_object(self, value):
        api_class = self.api.class_of(value)
        return api_class is not None and api_class.is_live_object

    def read(self, obj, name):
        self.api.live_class_of(obj).readable(name, self.major)
        return self.live(lambda: getattr(obj, name), obj, name)

    # ------------------------------------------------------------ references
    def ref(self, obj):
        api_class = self.api.live_class_of(obj)
        return {"$ref": self.registry.id_of(obj), "type": api_class.short, "path": self.canonical_path(obj)}

    def canonical_path(self, obj, depth=0):
        """The path from the song (or application) that leads to `obj` now, or None."""
        api_class = self.api.class_of(obj)
        if api_class is None or depth > MAX_DEPTH:
            return None
        if api_class.is_a("Song"):
            return "live_set"
        if api_class.is_a("Application"):
            return "live_app"
        try:
            parent = obj.canonical_parent
        except Exception:
            return None
        if parent is None:
            return None
        parent_path = self.canonical_path(parent, depth + 1)
        if parent_path is None:
            return None
        step = self._step_to(parent, obj)
        return None if step is None else "%s %s" % (parent_path, step)

    def _step_to(self, parent, obj):
        parent_class = self.api.class_of(parent)
        names = CANONICAL_CHILDREN.get(parent_class.short)
        if names is None:
            names = next((CANONICAL_CHILDREN[b] for b in parent_class.bases if b in CANONICAL_CHILDREN), ())
        for name in names:
            try:
                value = getattr(parent, name)
            except Exception:
                continue
            if value is None:
                continue
            if is_sequence(value) and not self._is_live_object(value):
                for index, item in enumerate(value):
                    if same_object(item, obj):
                        return "%s %d" % (name, index)
            elif same_object(value, obj):
                return name
        return None
