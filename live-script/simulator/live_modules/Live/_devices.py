"""Devices: Device, RackDevice with chains and drum pads, SimplerDevice, mixers."""
from . import _enums
from ._lom import LomObject, Prop, Vector, live_class, live_vector, signature
from ._params import DeviceParameter, Display


# Device.parameters is a Device.ATimeableValueVector in Live (the dumps' probed type)
ATimeableValueVector = live_vector("Device", "ATimeableValueVector")


def _parent(obj):
    return obj._parent


@live_class("Device", "View", props={"is_collapsed": Prop(False, "so"), "canonical_parent": Prop(None, get=_parent)})
class DeviceView(LomObject):
    def __init__(self, device):
        LomObject.__init__(self)
        self._parent = device


DEVICE_PROPS = {
    "name": Prop("", "so"),
    "class_name": Prop(""),
    "class_display_name": Prop(""),
    "type": Prop(_enums.DeviceType.undefined, kind="int", enum=True),
    "is_active": Prop(True, "o"),
    "can_have_chains": Prop(False),
    "can_have_drum_pads": Prop(False),
    "can_compare_ab": Prop(False),
    "is_using_compare_preset_b": Prop(False, "so"),
    "latency_in_ms": Prop(0.0, "o"),
    "latency_in_samples": Prop(0, "o"),
    "parameters": Prop((), "o", get=lambda d: ATimeableValueVector(d._parameters)),
    "view": Prop(None, get=lambda d: d._view),
    "canonical_parent": Prop(None, get=_parent),
}


def _device_props(**extra):
    props = dict(DEVICE_PROPS)
    props.update(extra)
    return props


@live_class("Device", props=_device_props())
class Device(LomObject):
    """A Live device. The first parameter is always "Device On", as in Live."""

    View = DeviceView

    def __init__(self, parent, name, class_name, class_display_name, device_type, parameters=(), **values):
        LomObject.__init__(
            self, name=name, class_name=class_name, class_display_name=class_display_name,
            type=device_type, **values
        )
        self._parent = parent
        self._view = self.View(self)
        self._parameters = [DeviceParameter(self, "Device On", 1.0, items=["Off", "On"], short_items=["Off", "On"])]
        for spec in parameters:
            self._add_parameter(**spec)
        self._parameters[0].add_value_listener(self._on_device_on)

    def _add_parameter(self, name, value=0.0, **options):
        param = DeviceParameter(self, name, value, **options)
        self._parameters.append(param)
        return param

    def _on_device_on(self):
        self._update("is_active", self._parameters[0]._values["value"] > 0.5)

    def _children(self):
        return self._parameters + [self._view]

    @signature("int", "int")
    def store_chosen_bank(self, script_index, bank_index):
        self._chosen_bank = (script_index, bank_index)


@live_class(
    "SimplerDevice",
    props=_device_props(
        playback_mode=Prop(1, "so"),
        slicing_playback_mode=Prop(0, "so"),
        retrigger=Prop(False, "so"),
        voices=Prop(1, "so"),
        pitch_bend_range=Prop(5, "so"),
        note_pitch_bend_range=Prop(48, "so"),
        multi_sample_mode=Prop(False, "o"),
        pad_slicing=Prop(False, "so"),
        playing_position=Prop(0.0, "o"),
        playing_position_enabled=Prop(False, "o"),
        can_warp_as=Prop(False, "o"),
        can_warp_double=Prop(False, "o"),
        can_warp_half=Prop(False, "o"),
        sample=Prop(None, "o"),
    ),
)
class SimplerDevice(Device):
    """Simpler, as on a Drum Rack's pads (one-shot playback)."""

    View = live_class("SimplerDevice", "View", props={"is_collapsed": Prop(False, "so"), "canonical_parent": Prop(None, get=_parent)})(
        type("SimplerView", (DeviceView,), {})
    )


def _chain_props(**extra):
    props = {
        "name": Prop("", "so"),
        "color": Prop(0, "so"),
        "color_index": Prop(0, "so"),
        "is_auto_colored": Prop(True, "so"),
        "mute": Prop(False, "so"),
        "solo": Prop(False, "so"),
        "muted_via_solo": Prop(False, "o"),
        "has_audio_input": Prop(False),
        "has_audio_output": Prop(True),
        "has_midi_input": Prop(True),
        "has_midi_output": Prop(False),
        "devices": Prop((), "o", get=lambda c: Vector(c._devices)),
        "mixer_device": Prop(None, get=lambda c: c._mixer),
        "canonical_parent": Prop(None, get=_parent),
    }
    props.update(extra)
    return props


@live_class(
    "ChainMixerDevice",
    props={
        "volume": Prop(None, get=lambda m: m._volume),
        "panning": Prop(None, get=lambda m: m._panning),
        "chain_activator": Prop(None, get=lambda m: m._activator),
        "sends": Prop((), "o", get=lambda m: Vector(m._sends)),
        "canonical_parent": Prop(None, get=_parent),
    },
)
class ChainMixerDevice(LomObject):
    def __init__(self, chain, volume=0.85):
        LomObject.__init__(self)
        self._parent = chain
        self._volume = DeviceParameter(self, "Chain Volume", volume, 0.0, 1.0, default=0.85, display=Display("volume"))
        self._panning = DeviceParameter(self, "Chain Pan", 0.0, -1.0, 1.0, default=0.0, display=Display("pan"))
        self._activator = DeviceParameter(self, "Chain Activator", 1.0, items=["Off", "On"])
        self._sends = []

    def _children(self):
        return [self._volume, self._panning, self._activator] + self._sends


@live_class("Track", "DeviceContainer")
class DeviceContainer(LomObject):
    """Live's base of tracks and chains (no API of its own)."""


class HoldsDevices(object):
    """What tracks and chains share: a device list (a mixin, so DeviceContainer stays as bare as Live's)."""

    def _add_device(self, device, index=None):
        if index is None or not 0 <= index <= len(self._devices):
            index = len(self._devices)
        self._devices.insert(index, device)
        self._notify("devices")
        self._devices_changed()
        return device

    def _devices_changed(self):
        """What follows the device list (a track's outputs)."""

    @signature("int")
    def delete_device(self, index):
        if not 0 <= index < len(self._devices):
            raise IndexError("Device index out of range")
        self._devices.pop(index)._delete()
        self._notify("devices")
        self._devices_changed()


@live_class("Chain", props=_chain_props())
class Chain(HoldsDevices, DeviceContainer):
    """A rack chain: devices and a mixer."""

    def __init__(self, rack, name, color=0, color_index=0):
        LomObject.__init__(self, name=name, color=color, color_index=color_index)
        self._parent = rack
        self._devices = []
        self._mixer = ChainMixerDevice(self)

    def _children(self):
        return self._devices + [self._mixer]


@live_class("DrumChain", props=_chain_props(
    out_note=Prop(60, "so"), choke_group=Prop(0, "so"), in_note=Prop(36, "so")))
class DrumChain(Chain):
    """A chain of a Drum Rack, played by the pad whose note is its `in_note`."""

    def __init__(self, rack, name, note, color=0, color_index=0):
        Chain.__init__(self, rack, name, color, color_index)
        self._values["in_note"] = note


@live_class(
    "DrumPad",
    props={
        "name": Prop("", "o", get=lambda p: p._chains[0]._values["name"] if p._chains else "Empty"),
        "note": Prop(0),
        "mute": Prop(False, "so"),
        "solo": Prop(False, "so"),
        "chains": Prop((), "o", get=lambda p: Vector(p._chains)),
        "canonical_parent": Prop(None, get=_parent),
    },
)
class DrumPad(LomObject):
    """One of a Drum Rack's 128 pads; named after its first chain."""

    def __init__(self, rack, note):
        LomObject.__init__(self, note=note)
        self._parent = rack
        self._chains = []

    def _children(self):
        return list(self._chains)

    @signature()
    def delete_all_chains(self):
        for chain in self._chains:
            chain._delete()
        self._chains = []
        self._notify("chains")
        self._notify("name")


MAX_SCROLL_ROW = 28


def _check_scroll(view, row):
    if not 0 <= row <= MAX_SCROLL_ROW:
        raise RuntimeError("Invalid value")


def _set_scroll(view, row):
    view._update("drum_pads_scroll_position", row)
    if view._parent._pads:
        view._parent._notify("visible_drum_pads")


@live_class(
    "RackDevice",
    props=_device_props(
        chains=Prop((), "o", get=lambda r: Vector(r._chains)),
        return_chains=Prop((), "o", get=lambda r: Vector(r._return_chains)),
        drum_pads=Prop((), "o", get=lambda r: Vector(r._pads)),
        visible_drum_pads=Prop((), "o", get=lambda r: Vector(r._pads[r._visible_from():r._visible_from() + 16])),
        has_drum_pads=Prop(False, "o", get=lambda r: bool(r._pads)),
        can_show_chains=Prop(True),
        is_showing_chains=Prop(False, "so"),
        has_macro_mappings=Prop(True, "o"),
        macros_mapped=Prop((), "o", get=lambda r: tuple(True for _ in r._parameters[1:])),
        visible_macro_count=Prop(8, "o"),
        variation_count=Prop(0, "o"),
        selected_variation_index=Prop(-1, "s"),
        chain_selector=Prop(None, get=lambda r: r._chain_selector),
    ),
)
class RackDevice(Device):
    """Instrument, audio effect and Drum Racks: macros, chains, and drum pads for a Drum Rack."""

    View = live_class("RackDevice", "View", props={
        "is_collapsed": Prop(False, "so"),
        "canonical_parent": Prop(None, get=_parent),
        # the lowest row of the 4x4 pads shown, 0..28; 9 (C1) in a new Drum Rack
        "drum_pads_scroll_position": Prop(9, "so", check=_check_scroll, set=_set_scroll),
    })(type("RackView", (DeviceView,), {}))

    def __init__(self, parent, name, class_name, class_display_name, device_type, macros=(), drum=False):
        Device.__init__(
            self, parent, name, class_name, class_display_name, device_type,
            parameters=[dict(name=m, value=0.0, min=0.0, max=127.0, display=Display("int")) for m in macros],
            can_have_chains=True, can_have_drum_pads=drum,
        )
        self._chains = []
        self._return_chains = []
        self._pads = [DrumPad(self, note) for note in range(128)] if drum else []
        self._chain_selector = DeviceParameter(self, "Chain Selector", 0.0, 0.0, 127.0, display=Display("int"))

    def _visible_from(self):
        return self._view._values["drum_pads_scroll_position"] * 4

    def _add_chain(self, chain):
        self._chains.append(chain)
        self._notify("chains")
        if self._pads and isinstance(chain, DrumChain):
            pad = self._pads[chain._values["in_note"]]
            pad._chains.append(chain)
            pad._notify("chains")
            pad._notify("name")
        return chain

    def _children(self):
        return Device._children(self) + self._chains + self._return_chains + self._pads + [self._chain_selector]

    @signature("int", "int")
    def copy_pad(self, source_index, destination_index):
        source, destination = self._pads[source_index], self._pads[destination_index]
        for chain in source._chains:
            copy = DrumChain(self, chain._values["name"], destination._values["note"])
            self._add_chain(copy)

    @signature()
    def store_variation(self):
        self._update("variation_count", self._values["variation_count"] + 1)


def _crossfade_check(mixer, value):
    if value not in (0, 1, 2):
        raise RuntimeError("Invalid value")


@live_class(
    "MixerDevice",
    props={
        "volume": Prop(None, get=lambda m: m._volume),
        "panning": Prop(None, get=lambda m: m._panning),
        "sends": Prop((), "o", get=lambda m: Vector(m._sends)),
        "track_activator": Prop(None, get=lambda m: m._activator),
        "crossfader": Prop(None, get=lambda m: m._crossfader),
        "cue_volume": Prop(None, get=lambda m: m._cue_volume),
        "song_tempo": Prop(None, get=lambda m: m._song_tempo),
        "left_split_stereo": Prop(None, get=lambda m: m._left_split),
        "right_split_stereo": Prop(None, get=lambda m: m._right_split),
        "crossfade_assign": Prop(1, "so", check=_crossfade_check),
        "panning_mode": Prop(0, "so"),
        "canonical_parent": Prop(None, get=_parent),
    },
)
class MixerDevice(LomObject):
    """A track's mixer. The master's has the crossfader, cue volume and song tempo."""

    crossfade_assignments = _enums.MixerDevice_crossfade_assignments
    panning_modes = _enums.MixerDevice_panning_modes

    def __init__(self, track, volume=0.85, pan=0.0, is_master=False):
        LomObject.__init__(self)
        self._parent = track
        self._volume = DeviceParameter(self, "Track Volume", volume, 0.0, 1.0, default=0.85, display=Display("volume"))
        self._panning = DeviceParameter(self, "Track Panning", pan, -1.0, 1.0, default=0.0, display=Display("pan"))
        self._activator = DeviceParameter(self, "Speaker On", 1.0, items=["Off", "On"])
        self._left_split = DeviceParameter(self, "Left Split Stereo", -1.0, -1.0, 1.0, default=-1.0, display=Display("pan"))
        self._right_split = DeviceParameter(self, "Right Split Stereo", 1.0, -1.0, 1.0, default=1.0, display=Display("pan"))
        self._sends = []
        self._crossfader = self._cue_volume = self._song_tempo = None
        if is_master:
            self._crossfader = DeviceParameter(self, "Crossfade", 0.0, -1.0, 1.0, default=0.0, display=Display("pan"))
            self._cue_volume = DeviceParameter(self, "Cue Volume", 0.85, 0.0, 1.0, default=0.85, display=Display("volume"))
            self._song_tempo = DeviceParameter(self, "Song Tempo", 120.0, 20.0, 999.0, default=120.0,
                                               display=Display("plain", "BPM", 2))

    def _add_send(self, letter, value=0.0):
        send = DeviceParameter(self, "%s-%s" % (letter, "Send"), value, 0.0, 1.0, default=0.0, display=Display("send"))
        self._sends.append(send)
        self._notify("sends")
        return send

    def _remove_send(self, index):
        """The send to a deleted return goes; the later ones take their new letters."""
        self._sends.pop(index)._delete()
        for position, send in enumerate(self._sends[index:], index):
            send._update("name", "%s-Send" % chr(ord("A") + position), record=False)
        self._notify("sends")

    def _children(self):
        extra = [p for p in (self._crossfader, self._cue_volume, self._song_tempo) if p is not None]
        return [self._volume, self._panning, self._activator, self._left_split, self._right_split] + self._sends + extra
