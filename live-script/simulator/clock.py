"""Clocks for the host: Live's real time, or a simulated one that tests move by hand."""


class SimulatedClock(object):
    """A monotonic clock that only moves when told to (deterministic tests of the host model)."""

    def __init__(self, start=1000.0):
        self.now = float(start)

    def __call__(self):
        return self.now

    def set(self, when):
        if when > self.now:
            self.now = float(when)
