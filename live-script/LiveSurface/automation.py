"""Clip automation: read (`value_at_time`, and Live 12's `events_in_range`), write
(`insert_step`), erase (`delete_events_in_range` on Live 12, or `clear_envelope`).

Only `erase_envelope` without a range clears anything. What Live does is in
live-script/README.md, "Evidence: envelopes". Every change bumps the clip's
`envelope_revision` (revisions.py), so the other clients read it again.

`read` and `write` are generators: they yield between short steps (a few
hundred `value_at_time` or `insert_step` calls) and return the result, so a
read of 4,096 samples of a dense envelope or a write of 4,096 steps never
holds Live's main thread for long (replies.Stepped runs them).
"""
import math

from .errors import bad_request, live_error, not_found
from .protocol_constants import LIMITS
from .replies import Pace

# Whole steps of a quantized parameter: value - min within this of an integer.
QUANTIZED_TOLERANCE = 1e-6
# Beats away from an event where its one-sided value is sampled, as a fraction of the gap to the
# next (or previous) event: small enough for a curve to be straight there, large for rounding.
SIDE_FRACTION = 1e-4
# A one-sided value this far (a fraction of the parameter's range) from `value_at_time` means a jump.
JUMP_TOLERANCE = 1e-6


class Automation(object):
    def __init__(self, resolver, major, revisions):
        self._resolver = resolver
        self._major = major
        self._revisions = revisions

    def clip_and_parameter(self, request):
        resolver = self._resolver
        clip = resolver.resolve(request["target"])
        if not resolver.api.live_class_of(clip).is_a("Clip"):
            raise bad_request("the target of %s must be a clip" % request["op"])
        parameter = resolver.resolve(request["parameter"])
        if not resolver.api.live_class_of(parameter).is_a("DeviceParameter"):
            raise bad_request("parameter must be a DeviceParameter")
        envelope = resolver.live(lambda: clip.automation_envelope(parameter), clip, "automation_envelope")
        return clip, parameter, envelope

    # ------------------------------------------------------------ read
    def read(self, request):
        """A generator: yields between steps, returns the reading."""
        start, end, step = request["start"], request["end"], request["step"]
        count = sample_count(start, end, step)
        clip, parameter, envelope = self.clip_and_parameter(request)
        has_events = self._major >= 12
        if envelope is None:
            return {"exists": False, "samples": [], "events": [] if has_events else None}
        live = self._resolver.live
        pace = Pace()
        samples = []
        index = 0
        while index < count:  # a slice of samples per step; the clip may be deleted between steps: `gone`
            index = live(lambda: _sample(envelope, start, step, index, count, samples, pace), clip, "value_at_time")
            if index < count:
                yield
        events = None
        if has_events:
            found = live(lambda: envelope.events_in_range(float(start), float(end)), clip, "events_in_range")
            if len(found) > LIMITS["maxEnvelopeEvents"]:
                raise bad_request("from %s to %s the envelope holds %d events; at most %d (maxEnvelopeEvents): read "
                                  "a shorter range" % (start, end, len(found), LIMITS["maxEnvelopeEvents"]))
            low, high = live(lambda: (parameter.min, parameter.max), parameter, "min")
            events = yield from _events(envelope, found, low, high, pace,
                                        lambda action: live(action, clip, "value_at_time"))
        return {"exists": True, "samples": samples, "events": events}

    # ------------------------------------------------------------ write
    def write(self, request):
        """A generator: checks every step, then inserts them a few at a time; returns the result."""
        steps = request["steps"]
        clip, parameter, envelope = self.clip_and_parameter(request)
        live = self._resolver.live
        low, high, quantized = live(lambda: (parameter.min, parameter.max, parameter.is_quantized), parameter, "min")
        values = []
        for index, step in enumerate(steps):  # everything is checked before anything is written
            value = step["value"]
            if not low <= value <= high:
                raise bad_request("steps[%d].value %s is outside the parameter's range %s..%s" % (index, value, low, high))
            if quantized:
                whole = round(value - low)
                if abs(value - low - whole) > QUANTIZED_TOLERANCE:
                    raise bad_request("steps[%d].value %s is not a whole step of the quantized parameter (%s..%s)"
                                      % (index, value, low, high))
                value = float(low + whole)
            values.append(value)
        changed = False
        pace = Pace()
        try:
            if envelope is None:
                envelope = live(lambda: clip.create_automation_envelope(parameter), clip, "create_automation_envelope")
                if envelope is None:
                    raise live_error("Live cannot automate this parameter in this clip")
                changed = True
            for step, value in zip(steps, values):
                live(lambda: envelope.insert_step(float(step["time"]), float(step["length"]), value), clip,
                     "insert_step")
                changed = True
                if pace.due():
                    yield  # Live's undo gathers the steps of every drain into the step that is open
        finally:
            if changed:
                self._revisions.bump(clip)  # a write Live refused halfway changed the envelope all the same
        return {"inserted": len(steps)}

    # ------------------------------------------------------------ erase
    def erase(self, request):
        ranged = "start" in request  # with "end" too: validate_request saw to it (protocol.REFINEMENTS)
        if ranged and request["end"] < request["start"]:
            raise bad_request("end (%s) is before start (%s)" % (request["end"], request["start"]))
        clip, parameter, envelope = self.clip_and_parameter(request)
        live = self._resolver.live
        if ranged:
            if self._major < 12:
                raise not_found("Live 11 has no delete_events_in_range: erase a range by drawing over it, "
                                "or clear the whole envelope")
            if envelope is None:
                return {"erased": False}
            start, end = float(request["start"]), float(request["end"])
            live(lambda: envelope.delete_events_in_range(start, end), clip, "delete_events_in_range")
        else:
            if envelope is None:
                return {"erased": False}
            live(lambda: clip.clear_envelope(parameter), clip, "clear_envelope")
        self._revisions.bump(clip)
        return {"erased": True}


def sample_count(start, end, step):
    """How many samples `read_envelope` takes, refusing before any work what is out of bounds."""
    if end < start:
        raise bad_request("end (%s) is before start (%s)" % (end, start))
    limit = LIMITS["maxEnvelopeSamples"]
    intervals = (end - start) / step  # a tiny step overflows to infinity: never int() it
    if not math.isfinite(intervals):
        raise bad_request("a step of %s is too small to sample from %s to %s; at most %d samples (maxEnvelopeSamples)"
                          % (step, start, end, limit))
    count = int(math.floor(intervals + 1e-9)) + 1
    if count > limit:
        raise bad_request("that is %d samples; at most %d (maxEnvelopeSamples): use a larger step" % (count, limit))
    return count


def _sample(envelope, start, step, index, count, samples, pace):
    """Samples from `index` on until the step's time is up; returns the next index."""
    while index < count:
        time = float(start + index * step)
        samples.append({"time": time, "value": envelope.value_at_time(time)})
        index += 1
        if pace.due():
            break
    return index


def _events(envelope, found, low, high, pace, guard):
    """Live 12's events as {time, value, curve}, values in the parameter's units (a generator: yields
    between steps, returns the list; `guard` runs each step's Live calls, with Live's errors typed).

    An event's own value is in Live's internal unit (a gain for the mixer's volume), so values
    come from `value_at_time`, taken on the event's open side: where events share a time (a
    vertical step) the first holds the value just before it and the last the value just after;
    what `value_at_time` answers exactly at a step is not relied on. A one-sided value is
    extrapolated from two samples near the event (2 v(t -+ d) - v(t -+ 2d)), exact on straight
    and held segments, within about 1e-8 of the range on curves; d is a tiny fraction of the
    gap to the neighbouring event. An event alone at its time takes `value_at_time` there,
    unless the envelope jumps at it (the value held before the first event, a quantized
    parameter). Events between the first and last at one time are never heard: they get
    `value_at_time` there.
    """
    count = len(found)
    times = []
    while len(times) < count:
        guard(lambda: _times(found, times, count, pace))
        if len(times) < count:
            yield
    out = []
    while len(out) < count:
        guard(lambda: _event_values(envelope, found, times, out, low, high, pace))
        if len(out) < count:
            yield
    return out


def _times(found, times, count, pace):
    while len(times) < count:
        times.append(float(found[len(times)].time))
        if pace.due():
            return


def _event_values(envelope, found, times, out, low, high, pace):
    count = len(times)
    while len(out) < count:
        index = len(out)
        time = times[index]
        first = index == 0 or times[index - 1] != time
        last = index == count - 1 or times[index + 1] != time
        if first and not last:
            gap = time - times[index - 1] if index > 0 else 1.0
            value = _one_sided(envelope, time, -_offset(gap))
        elif last:
            following = next((t for t in times[index + 1:index + 2] if t != time), None)
            value = _one_sided(envelope, time, _offset(following - time if following is not None else 1.0))
            if first:  # alone at its time: the value there, unless the envelope jumps at it (a held value)
                at = envelope.value_at_time(time)
                if abs(at - value) <= JUMP_TOLERANCE * (high - low):
                    value = at
        else:
            value = envelope.value_at_time(time)
        value = min(high, max(low, round(value, 9)))
        out.append({"time": time, "value": value, "curve": _curve(found[index].control_coefficients)})
        if pace.due():
            return


def _offset(gap):
    return min(gap, 1.0) * SIDE_FRACTION


def _one_sided(envelope, time, offset):
    try:
        near = envelope.value_at_time(time + offset)
        far = envelope.value_at_time(time + 2 * offset)
    except Exception:
        if time + 2 * offset >= 0:
            raise
        return envelope.value_at_time(time)  # no evidence Live answers for times before 0
    return 2 * near - far


def _curve(coefficients):
    """The segment's control points, or None when it is straight (no coefficients, or on the diagonal)."""
    if coefficients is None:
        return None
    x1, y1, x2, y2 = (float(coefficients.x1), float(coefficients.y1), float(coefficients.x2),
                      float(coefficients.y2))
    if not all(math.isfinite(c) for c in (x1, y1, x2, y2)):
        return None
    if abs(x1 - y1) < 1e-9 and abs(x2 - y2) < 1e-9:
        return None
    return {"x1": x1, "y1": y1, "x2": x2, "y2": y2}
