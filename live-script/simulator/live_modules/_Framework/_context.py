"""Which control surface owns the controls and components being made (simulator-private).

Live's frameworks give a new control or component to the control surface
that is being built: a script makes them in its `__init__`, inside
`component_guard()`, and never passes the surface along. The simulator keeps
a stack of the surfaces inside their constructor or guard; outside any, the
most recently made surface owns what is made.
"""
_stack = []
_last = [None]


def push(surface):
    _stack.append(surface)
    _last[0] = surface


def pop(surface):
    if _stack and _stack[-1] is surface:
        _stack.pop()
    elif surface in _stack:
        _stack.remove(surface)


def current():
    if _stack:
        return _stack[-1]
    return _last[0]


def forget(surface):
    if _last[0] is surface:
        _last[0] = None
    pop(surface)
