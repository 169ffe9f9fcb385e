"""Clip automation envelopes: breakpoints with steps, as `insert_step` draws them.

Live 12 exposes them as `Envelope.Envelope` (a Live object with
`events_in_range`); Live 11 as `Clip.AutomationEnvelope`, which has only
`insert_step` and `value_at_time`.
"""
import bisect

from ._lom import LomObject, Prop, ValueObject, live_class, live_vector, set_class_name, signature


class Breakpoints(object):
    """The envelope's shape: sorted (time, value) points; equal times make a vertical step."""

    def __init__(self, initial_value):
        self.points = [(0.0, float(initial_value))]

    def value_at(self, time):
        points = self.points
        index = bisect.bisect_right([t for t, _ in points], time)
        if index == 0:
            return points[0][1]
        if index >= len(points):
            return points[-1][1]
        (t0, v0), (t1, v1) = points[index - 1], points[index]
        if t1 == t0:
            return v1
        return v0 + (v1 - v0) * (time - t0) / (t1 - t0)

    def insert_step(self, time, length, value):
        """Hold `value` from `time` to `time + length`; the rest of the envelope is kept."""
        end = time + length
        before, after = self.value_at(time - 1e-9) if time > 0 else None, self.value_at(end)
        kept = [(t, v) for t, v in self.points if t < time or t > end]
        step = [(time, value), (end, value)]
        if before is not None:
            step.insert(0, (time, before))
        step.append((end, after))
        self.points = sorted(kept + step, key=lambda point: point[0])

    def events(self, start, end):
        return [(t, v) for t, v in self.points if start <= t <= end]

    def delete(self, start, end):
        kept = [(t, v) for t, v in self.points if t < start or t > end]
        self.points = kept or [self.points[0]]


class EnvelopeEvent(ValueObject):
    _fields = ("time", "value", "control_coefficients")
    _settable = _fields


set_class_name(EnvelopeEvent, "Envelope")


EnvelopeEventVector = live_vector("Envelope", "EnvelopeEventVector")


@live_class("Envelope", props={"canonical_parent": Prop(None, get=lambda e: e._clip)})
class Envelope(LomObject):
    """Live 12's clip envelope."""

    def __init__(self, clip, parameter):
        LomObject.__init__(self)
        self._clip = clip
        self._parameter = parameter
        self._shape = Breakpoints(parameter._values["value"])

    @signature("float", changes=False)
    def value_at_time(self, time):
        return self._shape.value_at(time)

    @signature("float", "float", "float")
    def insert_step(self, time, length, value):
        _check_step(self._parameter, time, length, value)
        self._shape.insert_step(time, length, value)
        self._clip._envelope_changed()

    @signature("float", "float", changes=False)
    def events_in_range(self, start, end):
        return EnvelopeEventVector(EnvelopeEvent(time=t, value=v, control_coefficients=None)
                                   for t, v in self._shape.events(start, end))

    @signature("float", "float")
    def delete_events_in_range(self, start, end):
        self._shape.delete(start, end)
        self._clip._envelope_changed()


def _check_step(parameter, time, length, value):
    if time < 0 or length < 0:
        raise RuntimeError("Invalid time range")
    if not (parameter._values["min"] <= value <= parameter._values["max"]):
        raise RuntimeError("Invalid value")


class AutomationEnvelope(object):
    """Live 11's clip envelope: a plain wrapper, not a Live object."""

    def __init__(self, clip, parameter):
        self._clip = clip
        self._parameter = parameter
        self._shape = Breakpoints(parameter._values["value"])

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
        self._shape.insert_step(float(time), float(length), float(value))
        self._clip._envelope_changed()


set_class_name(AutomationEnvelope, "Clip")
