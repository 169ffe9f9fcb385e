"""Clip automation envelopes: breakpoints as Live keeps them, steps as `insert_step` draws them.

Live 12 exposes them as `Envelope.Envelope` (a Live object with `events_in_range`
and `delete_events_in_range`); Live 11 as `Clip.AutomationEnvelope`, which has
only `insert_step` and `value_at_time`. What real Live does, and what is assumed
where there is no evidence: live-script/README.md, "Evidence: envelopes".
- An envelope begins with an event at INITIAL_TIME (-63072000 beats) that holds
  the value before any other event, as Live's set files store it; the API never
  lists or deletes it (ranges beyond +-1576800 beats raise "Range out of bounds.").
- Between events the value goes straight, or along the cubic Bezier of the
  earlier event's control coefficients (`_curves.py`); a quantized parameter
  holds each value until the next event. Events at one time make a vertical
  step: the first holds the value before it, `value_at_time` there gives the last.
- Events hold Live's internal value: the mixer's volume as a gain factor.
"""
import bisect
import math

from ._curves import split as split_curve, value_along as curve_value
from ._lom import (LazyVector, LomObject, Prop, ValueObject, lazy_vector, live_class, live_vector, set_class_name,
                   signature)

INITIAL_TIME = -63072000.0
RANGE_LIMIT = 1576800.0


class Breakpoints(object):
    """The envelope's shape: (time, value, curve) points sorted by time, values in the
    parameter's units; `curve` (x1, y1, x2, y2) or None shapes the segment to the next point."""

    def __init__(self, initial_value, quantized=False):
        self.quantized = quantized
        self.points = [(INITIAL_TIME, float(initial_value), None)]

    @property
    def points(self):
        return self._points

    @points.setter
    def points(self, points):
        self._points = list(points)
        self._times = [point[0] for point in self._points]

    # ------------------------------------------------------------ reading
    def value_at(self, time):
        """The value at `time`; at a vertical step, the value after it."""
        index = bisect.bisect_right(self._times, time)
        if index == 0:
            return self._points[0][1]
        if index >= len(self._points):
            return self._points[-1][1]
        return self._segment_value(index - 1, time)

    def value_before(self, time):
        """The value as `time` is approached from earlier times."""
        index = bisect.bisect_left(self._times, time) - 1
        if index < 0:
            return self._points[0][1]
        if index + 1 >= len(self._points):
            return self._points[index][1]
        return self._segment_value(index, time)

    def _holds(self, index):
        # the initial event holds its value up to the first event; quantized parameters never glide
        return index == 0 or self.quantized

    def _segment_value(self, index, time):
        (t0, v0, curve), (t1, v1, _) = self._points[index], self._points[index + 1]
        if self._holds(index) or t1 <= t0 or v1 == v0:
            return v0
        fraction = (time - t0) / (t1 - t0)
        if curve is not None:
            fraction = curve_value(curve, fraction)
        return v0 + (v1 - v0) * fraction

    def events(self, start, end):
        _check_range(start, end)
        return self._points[max(1, bisect.bisect_left(self._times, start)):bisect.bisect_right(self._times, end)]

    # ------------------------------------------------------------ changes
    def insert_step(self, time, length, value):
        """Hold `value` from `time` to `time + length`; the rest of the envelope keeps its shape.

        As the evidence describes it: the values just before `time` and just after the end
        are kept, the events from `time` to the end (both included) go, and the step comes
        in as (time, before), (time, value), (end, value), (end, after), where an event
        equal to its neighbour's value is left out. A curve cut by `time` or the end keeps
        its shape on both sides. The step itself is straight.
        """
        end = time + length
        self._cut(time)
        self._cut(end)
        before, after = self.value_before(time), self.value_at(end)
        last_at_end = bisect.bisect_right(self._times, end) - 1
        after_curve = self._points[last_at_end][2] if self._times[last_at_end] == end else None
        first, past = bisect.bisect_left(self._times, time), bisect.bisect_right(self._times, end)
        step = []
        if before != value:
            step.append((time, before, None))
        step.append((time, value, None))
        if end > time:
            step.append((end, value, None))
        if after != value:
            step.append((end, after, after_curve))
        else:
            step[-1] = (end, value, after_curve)
        self._splice(first, past, step)

    def delete(self, start, end):
        _check_range(start, end)
        self.points = [point for index, point in enumerate(self._points)
                       if index == 0 or not start <= point[0] <= end]

    def _cut(self, time):
        """Make sure an event sits at `time` when it falls inside a segment, splitting a curve there."""
        index = bisect.bisect_left(self._times, time)
        if index < len(self._times) and self._times[index] == time:
            return
        if index == 0 or index >= len(self._points):
            return  # before the initial event, or after the last: nothing to cut
        previous = index - 1
        t0, v0, curve = self._points[previous]
        t1 = self._points[index][0]
        value = self._segment_value(previous, time)
        left = right = None
        if curve is not None and not self._holds(previous):
            left, right = split_curve(curve, (time - t0) / (t1 - t0))
        added = [(time, value, right)]
        if previous == 0 and not self.quantized and self._points[index][1] != v0:
            added.append((t1, v0, None))  # the initial event's hold ends in a jump at the first event: keep it
        self._points[previous] = (t0, v0, left)
        self._splice(index, index, added)

    def _splice(self, first, past, points):
        """Replace the points first..past (in place: a stroke makes thousands of these)."""
        self._points[first:past] = points
        self._times[first:past] = [point[0] for point in points]


def _check_range(start, end):
    if not (-RANGE_LIMIT <= start <= RANGE_LIMIT and -RANGE_LIMIT <= end <= RANGE_LIMIT):
        raise RuntimeError("Range out of bounds.")


def internal_value(parameter, value):
    """What Live's events hold: a gain factor for the mixer's volume (0.85 is 0 dB), else the value."""
    if parameter._display.kind != "volume":
        return value
    from ._params import volume_db  # a late import: _params imports nothing of envelopes

    db = volume_db(value)
    return 0.0 if db == float("-inf") else math.pow(10.0, db / 20.0)


def snap(parameter, value):
    """A quantized parameter's envelope takes whole steps (Push writes fractions: Live rounds)."""
    values = parameter._values
    if not values["is_quantized"]:
        return float(value)
    return float(values["min"] + round(value - values["min"]))


class EnvelopeEventControlCoefficients(ValueObject):
    """The inner control points of a curved segment, fractions of its time and value spans."""

    _fields = ("x1", "y1", "x2", "y2")
    _settable = _fields

    def __init__(self, x1=0.0, y1=0.0, x2=0.0, y2=0.0):
        ValueObject.__init__(self, x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2))


class EnvelopeEvent(ValueObject):
    _fields = ("time", "value", "control_coefficients")
    _settable = _fields

    def __init__(self, time=0.0, value=0.0, control_coefficients=None):
        ValueObject.__init__(self, time=float(time), value=float(value), control_coefficients=control_coefficients)


set_class_name(EnvelopeEventControlCoefficients, "Envelope")
set_class_name(EnvelopeEvent, "Envelope")


EnvelopeEventVector = live_vector("Envelope", "EnvelopeEventVector", LazyVector)


def _new_shape(parameter):
    return Breakpoints(parameter._values["value"], quantized=parameter._values["is_quantized"])


@live_class("Envelope", props={"canonical_parent": Prop(None, get=lambda e: e._clip)})
class Envelope(LomObject):
    """Live 12's clip envelope."""

    def __init__(self, clip, parameter):
        LomObject.__init__(self)
        self._clip = clip
        self._parameter = parameter
        self._shape = _new_shape(parameter)

    @signature("float", changes=False)
    def value_at_time(self, time):
        return self._shape.value_at(time)

    @signature("float", "float", "float")
    def insert_step(self, time, length, value):
        _check_step(self._parameter, time, length, value)
        self._shape.insert_step(time, length, snap(self._parameter, value))
        self._clip._envelopes_changed()

    @signature("float", "float", changes=False)
    def events_in_range(self, start, end):
        parameter = self._parameter

        def make(point):
            t, v, c = point
            coefficients = None if c is None else EnvelopeEventControlCoefficients(*c)
            return EnvelopeEvent(t, internal_value(parameter, v), coefficients)

        return lazy_vector(EnvelopeEventVector, self._shape.events(start, end), make)

    @signature("float", "float")
    def delete_events_in_range(self, start, end):
        self._shape.delete(start, end)
        self._clip._envelopes_changed()


def _check_step(parameter, time, length, value):
    # No evidence for negative times and lengths (a forum guess says a negative length draws a ramp)
    # or values outside the range: refused, so a client tested here never sends them.
    if time < 0 or length < 0:
        raise RuntimeError("Invalid time range")
    if not (parameter._values["min"] <= value <= parameter._values["max"]):
        raise RuntimeError("Invalid value")


class AutomationEnvelope(object):
    """Live 11's clip envelope: a plain wrapper, not a Live object."""

    def __init__(self, clip, parameter):
        self._clip = clip
        self._parameter = parameter
        self._shape = _new_shape(parameter)

    def value_at_time(self, time):
        self._clip._guard_read()
        if not isinstance(time, (int, float)) or isinstance(time, bool):
            raise TypeError("value_at_time expects a float")
        return self._shape.value_at(float(time))

    def insert_step(self, time, length, value):
        self._clip._guard_change()
        for item in (time, length, value):
            if not isinstance(item, (int, float)) or isinstance(item, bool):
                raise TypeError("insert_step expects floats")
        _check_step(self._parameter, time, length, value)
        self._shape.insert_step(float(time), float(length), snap(self._parameter, value))
        self._clip._envelopes_changed()


set_class_name(AutomationEnvelope, "Clip")
