"""_Framework.Layer: named controls handed to a component's `set_<name>` methods (simulator).

`Layer(parameter_controls=encoders)` given to a component calls
`component.set_parameter_controls(encoders)` when the component takes it, and
`set_parameter_controls(None)` when it lets it go.
"""


class Layer(object):
    def __init__(self, priority=None, **controls):
        self.priority = priority
        self._controls = controls
        self._owner = None

    def grab(self, component):
        self._owner = component
        for name, control in self._controls.items():
            setter = getattr(component, "set_" + name, None)
            if setter is not None:
                setter(control)

    def release(self, component):
        if self._owner is not component:
            return
        for name in self._controls:
            setter = getattr(component, "set_" + name, None)
            if setter is not None:
                setter(None)
        self._owner = None

    def __getattr__(self, name):
        controls = self.__dict__.get("_controls", {})
        if name in controls:
            return controls[name]
        raise AttributeError(name)
