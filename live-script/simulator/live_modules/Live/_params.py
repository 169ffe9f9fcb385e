"""DeviceParameter: value, range, quantized items, display strings, gestures, automation state."""
import itertools
import math

from . import _enums
from ._lom import LomObject, Prop, StringVector, live_class, signature

_touches = itertools.count(1)


def volume_db(value):
    """Live's mixer volume curve: 0.85 is 0 dB, 1.0 is +6 dB, 0 is -inf."""
    if value <= 0.0:
        return float("-inf")
    if value >= 0.4:
        return (value - 0.85) / 0.025
    return -18.0 + 40.0 * math.log10(value / 0.4)


def format_db(db):
    return "-inf dB" if db == float("-inf") else "%.1f dB" % db


def _format_number(value, unit, decimals):
    return ("%." + str(decimals) + "f%s") % (value, (" " + unit) if unit else "")


def _significant(value, unit, digits=3, most=2):
    """Three significant digits, as Live shows times and frequencies ("26.0 Hz", "440 Hz", "1.00 kHz")."""
    magnitude = int(math.floor(math.log10(abs(value)))) if value else 0
    return _format_number(value, unit, max(0, min(most, digits - 1 - magnitude)))


def _nearest_index(param, value):
    """The item a quantized value shows: the nearest whole step (halves up, as the UI rounds them)."""
    index = int(math.floor(value - param._values["min"] + 0.5))
    return max(0, min(index, len(param._items) - 1))


def _ratio(ratio):
    return "inf : 1" if ratio == float("inf") else "%.2f : 1" % ratio


class Display(object):
    """How a parameter shows its value, as Live's devices do (live-script/README.md, "Evidence: parameter texts")."""

    def __init__(self, kind="plain", unit="", decimals=2, low=None, high=None):
        self.kind = kind
        self.unit = unit
        self.decimals = decimals
        self.low = low
        self.high = high

    def text(self, param, value):
        kind = self.kind
        if param._items:
            item = param._items[_nearest_index(param, value)]
            # a quantized ratio (Glue Compressor's 2, 4, 10) still reads as a ratio
            return _ratio(float(item)) if kind == "ratio" else item
        if kind == "volume":
            return format_db(volume_db(value))
        if kind == "send":
            return format_db(volume_db(value * 0.85))
        if kind == "pan":
            amount = int(round(abs(value) * 50))
            return "C" if amount == 0 else "%d%s" % (amount, "L" if value < 0 else "R")
        if kind == "percent":
            return "%d %%" % int(round(value * 100))
        if kind == "ratio":
            # 0..1 from 1:1 to inf:1 (Compressor's Ratio; the curve is assumed, the text is Live's)
            return _ratio(float("inf") if value >= 1.0 else 1.0 / (1.0 - value))
        if kind == "scaled":
            # value 0..1 shown on a linear scale low..high
            return _format_number(self.low + (self.high - self.low) * value, self.unit, self.decimals)
        if kind == "exp":
            # value 0..1 shown on an exponential scale low..high (frequencies, times)
            shown = self.low * math.pow(self.high / self.low, value)
            if self.unit == "Hz" and shown >= 1000:
                return _significant(shown / 1000.0, "kHz")
            if self.unit == "ms" and shown >= 1000:
                return _significant(shown / 1000.0, "s")
            return _significant(shown, self.unit)
        if kind == "signed":
            # semitones and cents carry their sign ("+12 st", "-50 ct")
            return ("%+." + str(self.decimals) + "f %s") % (value, self.unit) if value else "0 %s" % self.unit
        if kind == "int":
            return "%d" % int(round(value))
        return _format_number(value, self.unit, self.decimals)


def _check_value(param, value):
    if not (param._values["min"] <= value <= param._values["max"]):
        raise RuntimeError("Invalid value")


def _set_value(param, value):
    if param._items or param._values["is_quantized"]:
        value = float(int(round(value)))
    param._set_value_from_control(value)


def _display_value(param):
    return param._values["value"]


@live_class(
    "DeviceParameter",
    props={
        "name": Prop("", "o"),
        "original_name": Prop(""),
        # each value change is a step of its own in Live's history, even inside begin/end (README);
        # undo puts the value back without overriding automation or recording it
        "value": Prop(0.0, "soU", check=_check_value, set=_set_value, restore=lambda p, v: p._update("value", v)),
        "display_value": Prop(0.0, "so", get=_display_value, check=_check_value, set=_set_value),
        "min": Prop(0.0),
        "max": Prop(1.0),
        "default_value": Prop(0.0),
        "is_quantized": Prop(False),
        "is_enabled": Prop(True),
        "state": Prop(_enums.ParameterState.enabled, "o", kind="int"),
        "automation_state": Prop(_enums.AutomationState.none, "o", kind="int"),
        "value_items": Prop((), get=lambda p: StringVector(p._items)),
        "short_value_items": Prop((), get=lambda p: StringVector(p._short_items or p._items)),
        "canonical_parent": Prop(None, get=lambda p: p._parent),
    },
)
class DeviceParameter(LomObject):
    """A device's parameter. Quantized parameters step through `value_items`."""

    def __init__(self, parent, name, value=0.0, min=0.0, max=1.0, default=None, items=None,
                 short_items=None, display=None, quantized=None):
        items = list(items or [])
        if items:
            min, max = 0.0, float(len(items) - 1)
        LomObject.__init__(
            self,
            name=name,
            original_name=name,
            value=float(value),
            min=float(min),
            max=float(max),
            default_value=float(value if default is None else default),
            is_quantized=bool(items) if quantized is None else quantized,
        )
        self._parent = parent
        self._items = items
        self._short_items = list(short_items or [])
        self._display = display or Display()
        self._gestures = 0
        self._touch = None
        self._automation = None  # set by the transport while a clip's envelope drives this parameter

    def __str__(self):
        return self._display.text(self, self._values["value"])

    @signature("float", changes=False)
    def str_for_value(self, value):
        return self._display.text(self, value)

    @signature()
    def begin_gesture(self):
        if self._gestures == 0:
            self._touch = ("touch", next(_touches))  # the writes of one touch are one undo step
        self._gestures += 1

    @signature()
    def end_gesture(self):
        self._gestures = max(0, self._gestures - 1)
        if self._gestures == 0:
            self._touch = None

    @signature()
    def re_enable_automation(self):
        if self._values["automation_state"] == _enums.AutomationState.overridden:
            self._update("automation_state", _enums.AutomationState.playing)

    # -- model
    @property
    def _touched(self):
        return self._gestures > 0

    def _set_value_from_control(self, value):
        """A change from a control or a script: overrides playing automation, may record it."""
        if self._values["automation_state"] == _enums.AutomationState.playing:
            self._update("automation_state", _enums.AutomationState.overridden)
            track = self._track()
            if track is not None:
                track._song._update("re_enable_automation_enabled", True)
        self._update("value", value)
        recorder = self._automation_recorder()
        if recorder is not None:
            recorder(self, value)

    def _automation_recorder(self):
        track = self._track()
        return track._song._transport.automation_recorder() if track is not None else None

    def _track(self):
        node = self._parent
        while node is not None and type(node).__name__ != "Track":
            node = getattr(node, "_parent", None)
        return node

    def _set_value_from_automation(self, value):
        """The transport plays an envelope: follows it unless the control overrides it."""
        if self._values["automation_state"] == _enums.AutomationState.overridden:
            return
        value = min(max(value, self._values["min"]), self._values["max"])
        self._update("automation_state", _enums.AutomationState.playing)
        self._update("value", value, record=False)  # playing automation is no edit
