"""Dependency injection as ableton.v2 scripts use it (simulator).

`with inject(song=const(song)).everywhere(): ...` makes `song` available to
every function decorated with `@depends(song=None)` called inside: a keyword
the caller did not pass is filled from the innermost injection that provides
it, else the declared default (when there is one, else `DependencyError`).
"""
import contextlib
import functools

_providers = []


class DependencyError(Exception):
    pass


def _provided(name):
    for providers in reversed(_providers):
        if name in providers:
            return True, providers[name]()
    return False, None


class inject(object):
    def __init__(self, **providers):
        self._providers = providers

    @contextlib.contextmanager
    def everywhere(self):
        _providers.append(self._providers)
        try:
            yield
        finally:
            _providers.remove(self._providers)

    def into(self, obj):
        return self.everywhere()


_NO_DEFAULT = object()


def depends(**dependencies):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*a, **k):
            for name, default in dependencies.items():
                if name not in k:
                    found, value = _provided(name)
                    if found:
                        k[name] = value
                    elif default is not _NO_DEFAULT:
                        k[name] = default
                    else:
                        raise DependencyError("no dependency %r injected" % name)
            return func(*a, **k)
        return wrapper
    return decorate


def dependency(**defaults):
    """`dependency(song=None)`: the same as `depends` (older spelling)."""
    return depends(**defaults)
