"""_Framework.ButtonMatrixElement: a grid of controls (simulator).

Listeners hear `(value, x, y, is_momentary)` of any control in the grid.
"""
from .ControlElement import ControlElement


class ButtonMatrixElement(ControlElement):
    def __init__(self, rows=(), *a, **k):
        super(ButtonMatrixElement, self).__init__(*a, **k)
        self._rows = []
        self._listeners = []
        for row in rows:
            self.add_row(row)

    def add_row(self, row):
        y = len(self._rows)
        row = list(row)
        self._rows.append(row)
        for x, control in enumerate(row):
            if control is not None:
                control.add_value_listener(self._forward(x, y, control))

    def _forward(self, x, y, control):
        def forward(value):
            momentary = control.is_momentary() if hasattr(control, "is_momentary") else False
            for callback in list(self._listeners):
                callback(value, x, y, momentary)
        return forward

    def width(self):
        return len(self._rows[0]) if self._rows else 0

    def height(self):
        return len(self._rows)

    def get_button(self, column, row):
        return self._rows[row][column]

    def get_control(self, column, row):
        return self._rows[row][column]

    def __iter__(self):
        for row in self._rows:
            for control in row:
                yield control

    def __len__(self):
        return sum(len(row) for row in self._rows)

    def __getitem__(self, index):
        return list(self)[index]

    def add_value_listener(self, callback, identify_sender=False):
        self._listeners.append(callback)

    def remove_value_listener(self, callback):
        self._listeners.remove(callback)

    def value_has_listener(self, callback):
        return callback in self._listeners

    def reset(self):
        for control in self:
            if control is not None:
                control.reset()
