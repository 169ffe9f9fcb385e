"""Stable ids for Live objects.

Live hands out a new Python wrapper each time an object is read, so ids are
keyed by the object's identity in Live (`_live_ptr`). An id keeps pointing at
its object when tracks, scenes or devices are reordered; when the object is
deleted the id answers `gone`, and is never given to another object.
"""
from .errors import gone, not_found


class Registry(object):
    def __init__(self):
        self._objects = {}
        self._by_pointer = {}
        self._pointer_of = {}
        self._dead = set()
        self._next_id = 1

    def id_of(self, obj):
        pointer = obj._live_ptr
        object_id = self._by_pointer.get(pointer)
        if object_id is not None:
            known = self._objects.get(object_id)
            if known is obj or (known is not None and not (known == None)):  # noqa: E711 (Live's liveness test)
                return object_id
            self._bury(object_id)  # Live reused the address of a deleted object
        object_id = self._next_id
        self._next_id += 1
        self._objects[object_id] = obj
        self._by_pointer[pointer] = object_id
        self._pointer_of[object_id] = pointer
        return object_id

    def get(self, object_id):
        obj = self._objects.get(object_id)
        if obj is None:
            if object_id in self._dead:
                raise gone("object %d was deleted in Live" % object_id)
            raise not_found("there is no object with id %d" % object_id)
        if obj == None:  # noqa: E711 (deleted Live objects compare equal to None)
            self._bury(object_id)
            raise gone("object %d was deleted in Live" % object_id)
        return obj

    def is_known(self, object_id):
        return object_id in self._objects

    def sweep(self):
        """Forget deleted objects (their ids stay `gone`)."""
        for object_id, obj in list(self._objects.items()):
            if obj == None:  # noqa: E711
                self._bury(object_id)

    def _bury(self, object_id):
        obj = self._objects.pop(object_id, None)
        self._dead.add(object_id)
        pointer = self._pointer_of.pop(object_id, None)
        if self._by_pointer.get(pointer) == object_id:
            del self._by_pointer[pointer]
        return obj

    def __len__(self):
        return len(self._objects)
