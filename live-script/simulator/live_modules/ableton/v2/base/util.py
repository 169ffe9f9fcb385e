"""Small helpers of ableton.v2.base that scripts import (simulator)."""


def const(value):
    """A function that always returns `value` (used to inject fixed dependencies)."""
    return lambda *a, **k: value


def nop(*a, **k):
    pass


def liveobj_valid(obj):
    """True for a Live object that still exists: a deleted one compares equal to None."""
    return obj is not None and obj != None  # noqa: E711


def liveobj_changed(obj, other):
    return obj != other or type(obj) is not type(other)


def find_if(predicate, seq):
    for item in seq:
        if predicate(item):
            return item
    return None


def first(seq):
    return seq[0]


def second(seq):
    return seq[1]


def clamp(value, minimum, maximum):
    return max(minimum, min(maximum, value))


def in_range(value, lower_bound, upper_open_bound):
    return lower_bound <= value < upper_open_bound


def flatten(seqs):
    return [item for seq in seqs for item in seq]


def index_if(predicate, seq):
    for index, item in enumerate(seq):
        if predicate(item):
            return index
    return len(seq)


def sign(value):
    return 1 if value > 0 else (-1 if value < 0 else 0)


class lazy_attribute(object):
    """A method run once per instance, its result then stored as the attribute."""

    def __init__(self, func):
        self.func = func
        self.__name__ = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.__name__] = value
        return value
