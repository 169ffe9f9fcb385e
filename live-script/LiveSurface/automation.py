"""Clip automation: read by sampling `value_at_time` (plus `events_in_range` where
Live has it), write with `insert_step`. Nothing here clears automation."""
import math

from .errors import bad_request, live_error
from .protocol_constants import LIMITS


class Automation(object):
    def __init__(self, resolver, major):
        self._resolver = resolver
        self._major = major

    def _clip_and_parameter(self, request):
        resolver = self._resolver
        clip = resolver.resolve(request["target"])
        if not resolver.api.live_class_of(clip).is_a("Clip"):
            raise bad_request("the target of %s must be a clip" % request["op"])
        parameter = resolver.resolve(request["parameter"])
        if not resolver.api.live_class_of(parameter).is_a("DeviceParameter"):
            raise bad_request("parameter must be a DeviceParameter")
        envelope = resolver.live(lambda: clip.automation_envelope(parameter), clip, "automation_envelope")
        return clip, parameter, envelope

    def read(self, request):
        start, end, step = request["start"], request["end"], request["step"]
        if end < start:
            raise bad_request("end (%s) is before start (%s)" % (end, start))
        count = int(math.floor((end - start) / step + 1e-9)) + 1
        if count > LIMITS["maxEnvelopeSamples"]:
            raise bad_request("that is %d samples; at most %d: use a larger step" % (count, LIMITS["maxEnvelopeSamples"]))
        clip, _parameter, envelope = self._clip_and_parameter(request)
        has_events = self._major >= 12
        if envelope is None:
            return {"exists": False, "samples": [], "events": [] if has_events else None}
        live = self._resolver.live
        samples = []
        for index in range(count):
            time = float(start + index * step)
            samples.append({"time": time, "value": live(lambda: envelope.value_at_time(time), clip, "value_at_time")})
        events = None
        if hasattr(envelope, "events_in_range"):
            found = live(lambda: envelope.events_in_range(float(start), float(end)), clip, "events_in_range")
            events = [{"time": float(event.time), "value": float(event.value)} for event in found]
        return {"exists": True, "samples": samples, "events": events}

    def write(self, request):
        steps = request["steps"]
        clip, parameter, envelope = self._clip_and_parameter(request)
        live = self._resolver.live
        low = live(lambda: parameter.min, parameter, "min")
        high = live(lambda: parameter.max, parameter, "max")
        for index, step in enumerate(steps):
            if not low <= step["value"] <= high:
                raise bad_request("steps[%d].value %s is outside the parameter's range %s..%s"
                                  % (index, step["value"], low, high))
        if envelope is None:
            envelope = live(lambda: clip.create_automation_envelope(parameter), clip, "create_automation_envelope")
            if envelope is None:
                raise live_error("Live cannot automate this parameter in this clip")
        for step in steps:
            live(lambda: envelope.insert_step(float(step["time"]), float(step["length"]), float(step["value"])),
                 clip, "insert_step")
        return {"inserted": len(steps)}
