"""The machinery of the fake Live object model (not API: private module).

Live's rules that every fake object follows:
- Live objects are touched only from Live's main thread (the host's loop);
- listeners fire synchronously inside the change, and while they run no
  change may be made ("Changes cannot be triggered by notifications");
- a deleted object compares equal to None and raises when used;
- C++ signatures are as strict as Boost.Python: an int where Live wants an
  int (a float is refused), a number where it wants a float (an int is taken);
- changes of the set go into Live's undo history (_undo.py), and while Live
  undoes or redoes, no change may be made either.
"""
import copy
import itertools
import threading
import traceback

NOTIFICATION_ERROR = "Changes cannot be triggered by notifications. You will need to defer your response."
# What Max for Live's live.object reports for a change made while Live undoes or redoes
# (github.com/EnvelopSound/EnvelopForLive/issues/115): the same rule, a different message.
UNDO_ERROR = "Changes cannot be triggered during undo or redo. You will need to defer your response."
_pointers = itertools.count(0x7F000000, 16)


class ArgumentError(TypeError):
    """Boost.Python's error for arguments that do not match the C++ signature."""


ArgumentError.__module__ = "Boost.Python"


class _HostLink(object):
    """What the objects need from the host: its main thread, notification depth, log,
    the running Application, and the scheduler that runs timers and MIDI maps."""

    def __init__(self):
        self.main_thread = None
        self.notifying = 0
        self.undoing = 0
        self.turn = 0  # main-thread turns ended so far (the undo history's clock)
        self.log = None
        self.application = None
        self.scheduler = None
        self.history = None  # the open set's undo history (_undo.History)
        self.midi_return = None  # takes what Live sends to the LiveSurface Return MIDI port (_midi_out.py)

    def check_thread(self):
        if self.main_thread is not None and threading.get_ident() != self.main_thread:
            raise RuntimeError("Live's API was called from a thread other than Live's main thread")

    def check_change(self):
        self.check_thread()
        if self.undoing:
            raise RuntimeError(UNDO_ERROR)
        if self.notifying:
            raise RuntimeError(NOTIFICATION_ERROR)

    def call_listeners(self, callbacks):
        self.notifying += 1
        try:
            for callback in callbacks:
                try:
                    callback()
                except Exception:  # Live logs a failing listener and goes on
                    if self.log is not None:
                        self.log("Error in listener: " + traceback.format_exc())
        finally:
            self.notifying -= 1


HOST = _HostLink()


def set_class_name(cls, module, name=None):
    """Name a class the way Live shows it: `type(obj)` is `Song.View`, not `Live._song.SongView`."""
    cls.__module__ = module
    cls.__name__ = cls.__qualname__ = name or cls.__name__
    return cls


# ---------------------------------------------------------------- arguments


def type_name(value):
    return type(value).__name__


def argument_error(owner, function, values, cpp_types):
    shown = ", ".join([owner] + [type_name(v) for v in values])
    return ArgumentError(
        "Python argument types in\n    %s.%s(%s)\ndid not match C++ signature:\n    %s(%s)"
        % (owner, function, shown, function, ", ".join(cpp_types))
    )


def accepts(kind, value):
    # Boost.Python's converters: a C++ int takes Python ints only, a C++ double takes
    # ints and floats (real remote scripts pass ints for times: see the README's evidence).
    if kind == "int":
        return isinstance(value, int)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, int)
    if kind == "str":
        return isinstance(value, str)
    if kind is None:
        return True
    # a Live class name: the argument must be a Live object (or value) of that class or a subclass
    if isinstance(value, LomObject) and value._deleted:
        return False
    return any(cls.__name__ == kind for cls in type(value).__mro__)


def coerce(kind, value):
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    return value


def signature(*kinds, **options):
    """Check positional arguments against C++ types, as Boost.Python does.

    `signature("int", "float", optional=1)`; `changes=False` for functions that only read.
    """
    optional = options.get("optional", 0)
    changes = options.get("changes", True)

    def wrap(function):
        def checked(self, *args):
            if changes:
                self._guard_change()
            else:
                self._guard_read()
            if not (len(kinds) - optional <= len(args) <= len(kinds)):
                raise argument_error(type(self).__name__, function.__name__, args, kinds)
            for kind, value in zip(kinds, args):
                if not accepts(kind, value):
                    raise argument_error(type(self).__name__, function.__name__, args, kinds)
            return function(self, *[coerce(k, v) for k, v in zip(kinds, args)])

        checked.__name__ = function.__name__
        checked.__doc__ = function.__doc__
        return checked

    return wrap


# ---------------------------------------------------------------- properties


class Prop(object):
    """Declares a property: default value, flags, C++ type.

    Flags: `s` settable, `o` observable, `u` in Live's undo history (grouped
    into the open step), `U` in the history as a step of its own (Live does
    this for device parameter values and track names, see the README).
    `get`/`set` replace the stored value with behaviour; `check` validates a
    new value (raising as Live does) before it is stored; `restore` is how
    undo puts a stored value back when `_update` alone would leave derived
    state behind (the transport's tempo, the tracks muted by a solo).
    """

    def __init__(self, default=None, flags="", kind=None, get=None, set=None, check=None, restore=None,
                 enum=False):
        self.default = default
        # Live gives an enum member for a few properties only (the dumps' probed types:
        # `clip_trigger_quantization` is a `Song.Quantization`, `launch_quantization` a plain int):
        # `enum=True` keeps the default's enum type, else an enum default is stored as its int
        self.enum_type = type(default) if enum else None
        if not enum and isinstance(default, LiveEnum):
            self.default = int(default)
        self.settable = "s" in flags
        self.observable = "o" in flags
        self.undo = "U" if "U" in flags else ("u" if "u" in flags else None)
        self.kind = kind or _kind_of(default)
        self.get = get
        self.set = set
        self.check = check
        self.restore = restore


def _kind_of(default):
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, str):
        return "str"
    return None


class LiveProperty(object):
    """The descriptor behind every declared property."""

    def __init__(self, name, spec):
        self.name = name
        self.spec = spec
        self.__doc__ = "Live property %s" % name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        obj._guard_read()
        if self.spec.get is not None:
            return self.spec.get(obj)
        return obj._values[self.name]

    def __set__(self, obj, value):
        if not self.spec.settable:
            raise AttributeError("can't set attribute")
        obj._guard_change()
        kind = self.spec.kind
        if kind is not None and not accepts(kind, value):
            raise argument_error(type(obj).__name__, self.name, [value], [kind])
        value = coerce(kind, value)
        if self.spec.check is not None:
            self.spec.check(obj, value)
        if self.spec.set is not None:
            self.spec.set(obj, value)
        else:
            obj._update(self.name, value)


def _listener_methods(name):
    def add(self, callback):
        self._guard_read()
        listeners = self._listeners.setdefault(name, [])
        if callback in listeners:
            raise RuntimeError("Listener already connected")
        listeners.append(callback)

    def remove(self, callback):
        self._guard_read()
        listeners = self._listeners.get(name, [])
        if callback not in listeners:
            raise RuntimeError("Listener not connected")
        listeners.remove(callback)

    def has(self, callback):
        self._guard_read()
        return callback in self._listeners.get(name, [])

    add.__name__ = "add_%s_listener" % name
    remove.__name__ = "remove_%s_listener" % name
    has.__name__ = "%s_has_listener" % name
    return add, remove, has


def live_class(module, name=None, props=None, events=()):
    """Class decorator: names the class as Live does and installs its properties and listeners.

    `props` maps property names to `Prop`; `events` are listener names that
    have no property (Live's `add_notes_listener` on a clip, for instance).
    """

    def finish(cls):
        declared = dict(getattr(cls, "_declared", {}))
        for prop_name, spec in (props or {}).items():
            declared[prop_name] = spec
            setattr(cls, prop_name, LiveProperty(prop_name, spec))
        observable = set(getattr(cls, "_observable", ())) | set(events)
        observable |= set(n for n, s in (props or {}).items() if s.observable)
        for listener_name in observable:
            add, remove, has = _listener_methods(listener_name)
            setattr(cls, add.__name__, add)
            setattr(cls, remove.__name__, remove)
            setattr(cls, has.__name__, has)
        cls._declared = declared
        cls._observable = frozenset(observable)
        return set_class_name(cls, module, name)

    return finish


class LomObject(object):
    """Base of every Live object: identity, life, listeners."""

    _declared = {}
    _observable = frozenset()

    def __init__(self, **values):
        self._ptr = next(_pointers)
        self._deleted = False
        self._listeners = {}
        self._values = {}
        for prop_name, spec in self._declared.items():
            self._values[prop_name] = spec.default
        for prop_name, value in values.items():
            if prop_name not in self._values:
                raise TypeError("%s has no stored property %s" % (type(self).__name__, prop_name))
            self._values[prop_name] = self._typed(prop_name, value) if isinstance(value, int) else value

    def _typed(self, name, value):
        """An int as Live gives it for this property: its enum's member, or a plain int."""
        spec = self._declared.get(name)
        if spec is not None and spec.enum_type is not None and not isinstance(value, bool):
            return spec.enum_type.values.get(int(value), value)
        if isinstance(value, LiveEnum):
            return int(value)
        return value

    @property
    def _live_ptr(self):
        return self._ptr

    def __eq__(self, other):
        if other is None:
            return self._deleted
        return self is other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self._ptr

    def __repr__(self):
        state = " (deleted)" if self._deleted else ""
        return "<%s.%s object at 0x%x%s>" % (type(self).__module__, type(self).__name__, self._ptr, state)

    # -- guards every API entry point runs
    def _guard_read(self):
        HOST.check_thread()
        if self._deleted:
            raise RuntimeError("Object of type %s does not exist anymore" % type(self).__name__)

    def _guard_change(self):
        HOST.check_change()
        if self._deleted:
            raise RuntimeError("Object of type %s does not exist anymore" % type(self).__name__)

    # -- the model's own changes (not API): store, journal, notify
    def _update(self, name, value, record=True):
        """Store a value and tell its listeners. Declared undoable values go into the
        undo history; `record=False` is for values derived from another change."""
        if isinstance(value, int):
            value = self._typed(name, value)
        old = self._values.get(name)
        if old != value or type(old) is not type(value):
            self._values[name] = value
            history = HOST.history
            if record and history is not None:
                spec = self._declared.get(name)
                if spec is not None and spec.undo:
                    history.record_value(self, name, old, value, spec.undo == "U")
            self._notify(name)

    def _restore(self, name, value):
        """Undo and redo put a stored value back."""
        spec = self._declared.get(name)
        if spec is not None and spec.restore is not None:
            spec.restore(self, value)
        else:
            self._update(name, value)

    def _notify(self, name):
        callbacks = self._listeners.get(name)
        if callbacks and not self._deleted:
            HOST.call_listeners(list(callbacks))

    def _children(self):
        """Objects that die with this one."""
        return ()

    def _delete(self):
        for child in self._children():
            if child is not None:
                child._delete()
        self._deleted = True
        self._listeners.clear()

    # -- copies for undo (_snapshots.py): a deleted object comes back as a new one
    def __deepcopy__(self, memo):
        inside = memo.get(CLONE_INSIDE)
        if inside is None or id(self) not in inside:
            return self  # not part of the copied tree: shared (the song, a slot's track, ...)
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        memo[CLONE_PAIRS].append((self, clone))
        for key, value in self.__dict__.items():
            if key != "_listeners":
                clone.__dict__[key] = copy.deepcopy(value, memo)
        clone._ptr = next(_pointers)
        clone._deleted = False
        # the model's own listeners come along (a device follows its "Device On"); a script's do not
        clone._listeners = {}
        for name, callbacks in self._listeners.items():
            kept = [copy.deepcopy(c, memo) for c in callbacks if isinstance(getattr(c, "__self__", None), LomObject)]
            if kept:
                clone._listeners[name] = kept
        return clone

    def _after_clone(self):
        """Fix what a copy cannot (keys made of other objects' pointers)."""


CLONE_INSIDE = "lom: objects to copy"
CLONE_PAIRS = "lom: (original, copy)"


# ---------------------------------------------------------------- enums


class LiveEnum(int):
    """A Boost.Python enum value: an int with a name."""

    name = None

    # Boost.Python's enum (boost/python/object/enum.cpp): repr is `module.Type.name`, the form Live's
    # own docstrings show for defaults ("int=Song.CaptureMode.all"); str is the bare name (README,
    # "Evidence: the Live module's values")
    def __repr__(self):
        return "%s.%s.%s" % (type(self).__module__, type(self).__name__, self.name)

    def __str__(self):
        return self.name

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self  # members are singletons


def live_enum(module, name, members):
    """Make an enum type as Boost.Python does: members as attributes, `values` and `names`."""
    cls = type(name, (LiveEnum,), {})
    set_class_name(cls, module, name)
    values, names = {}, {}
    for member_name, number in members:
        member = int.__new__(cls, number)
        member.name = member_name
        setattr(cls, member_name, member)
        values[number] = member
        names[member_name] = member
    cls.values = values
    cls.names = names
    return cls


# ---------------------------------------------------------------- values


INDEX_ERROR = "Index out of range"  # Boost.Python's vector_indexing_suite, as Live's vectors say it


def vector_index(index, length):
    """An index into a vector of `length`, as Boost.Python's vector_indexing_suite takes it: an int,
    negative from the end; anything past either end raises IndexError("Index out of range")."""
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError("Invalid index type")
    if index < 0:
        index += length
    if not 0 <= index < length:
        raise IndexError(INDEX_ERROR)
    return index


class LiveVector(object):
    """Live's vectors (`Base.Vector` "A simple read only container for returning objects from Live",
    and the typed ones): indexable (Live's IndexError message), sliceable, iterable, `append` and
    `extend`, nothing more: no `index` or `count` (the dumps list only append and extend, and
    Ableton's own scripts write `list(song.tracks).index(track)`). `+` with another vector, a tuple
    or a list gives a tuple (Ableton's Push 2 script adds `song.tracks + song.return_tracks +
    (song.master_track,)`); equality compares the items (README, "Evidence: the Live module's
    values")."""

    def __init__(self, items=()):
        self._items = list(items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(self._items[index])
        return self._items[vector_index(index, len(self._items))]

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, item):
        return item in self._items

    def __add__(self, other):
        if isinstance(other, (LiveVector, tuple, list)):
            return tuple(self) + tuple(other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, (tuple, list)):
            return tuple(other) + tuple(self)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, LiveVector):
            return list(self) == list(other)
        if isinstance(other, (tuple, list)):
            return list(self) == list(other)
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self))

    def append(self, item):
        self._items.append(item)

    def extend(self, items):
        self._items.extend(items)


def live_vector(module, name, base=None):
    return set_class_name(type(name, (base or LiveVector,), {}), module, name)


class LazyVector(LiveVector):
    """A vector Live fills from C++: an element's Python wrapper is made when it is looked at, as
    Boost.Python's proxies are, and lives as long as the script holds it; a wrapper the script
    changes is kept by the vector, so the change stays (`for n in notes: n.pitch += 1`, then
    `apply_note_modifications(notes)`). A read of a hundred thousand notes costs nothing until a
    script looks at them, and a script that only reads them leaves nothing behind for Python's
    collector (wrappers of the whole clip, kept, made its pauses grow with the clip).
    Raw elements are tuples; elements a script appended are themselves.
    (One difference from Boost's proxies: two wrappers of one element, both held, do not see each
    other's changes.)"""

    _make = None
    _kept = None

    def _made(self, index):
        if self._kept is not None and index in self._kept:
            return self._kept[index]
        item = self._items[index]
        if type(item) is not tuple:
            return item
        wrapper = self._make(item)
        object.__setattr__(wrapper, "_home", (self, index))
        return wrapper

    def _keep(self, index, wrapper):
        if self._kept is None:
            self._kept = {}
        self._kept[index] = wrapper

    def _all(self):
        return [self._made(index) for index in range(len(self._items))]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._made(i) for i in range(*index.indices(len(self._items)))]
        return self._made(vector_index(index, len(self._items)))  # -1 is the last element's own index

    def __iter__(self):
        for index in range(len(self._items)):
            yield self._made(index)

    def __contains__(self, item):
        return item in self._all()

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, LiveVector):
            other = list(other)
        return self._all() == other

    def append(self, item):
        self._items.append(item)

    def extend(self, items):
        self._items.extend(items)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._all())


def lazy_vector(vector_class, raw_items, make):
    """A `vector_class` (a LazyVector) of `raw_items` (tuples), each wrapped by `make` when looked at."""
    vector = vector_class()
    vector._items = list(raw_items)
    vector._make = make
    return vector



class ValueObject(object):
    """Base of Live's plain value classes (MidiNote, BeatTime, ...): no identity, no listeners."""

    _fields = ()
    _settable = ()

    def __init__(self, **values):
        for field in self._fields:
            object.__setattr__(self, field, values.get(field))

    def __setattr__(self, name, value):
        if name not in self._settable:
            raise AttributeError("can't set attribute")
        object.__setattr__(self, name, value)
        home = self.__dict__.get("_home")
        if home is not None:  # an element of a LazyVector: the vector keeps it now
            home[0]._keep(home[1], self)

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, " ".join("%s=%r" % (f, getattr(self, f)) for f in self._fields))


# Live.Base's vectors: what Live's list properties return (the dumps' probed types)
Vector = live_vector("Base", "Vector")
FloatVector = live_vector("Base", "FloatVector")
IntVector = live_vector("Base", "IntVector")
StringVector = live_vector("Base", "StringVector")
ObjectVector = live_vector("Base", "ObjectVector")
