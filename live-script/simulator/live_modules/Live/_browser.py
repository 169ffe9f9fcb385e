"""Live.Browser: a small browser of devices, kits, sounds and samples, and loading them
(private module; live-script/README.md, "Evidence: the browser").

The dumps: `Application.browser` is a `Browser.Browser` (a Live object) whose categories
(`instruments`, `audio_effects`, `midi_effects`, `drums`, `sounds`, `samples`, `clips`, `packs`,
`plugins`, `max_for_live`, `user_library`, `current_project`) are `Browser.BrowserItem`s with
`name`, `uri`, `children`, `iter_children`, `is_folder`, `is_device`, `is_loadable`,
`is_selected` and `source`; `load_item(item)` "Loads the provided browser item". Items are
plain values (no `_live_ptr`), made again each time they are read, equal by their uri.

Loading a device puts it on the selected track as Live's browser does there: an instrument
replaces the track's instrument (or goes after its MIDI effects), a MIDI effect goes before the
instrument (a project's probes of Live 12.4: loading Pitch onto a track holding Operator put it
at index 0), an audio effect at the end of the chain (or beside the selected device, as the
track view's `device_insert_mode` says); a MIDI track still named as Live names new tracks
("1-MIDI") takes the instrument's name ("1-Operator": the same project's notes). The loaded
device becomes the track's selected device. A sample makes an audio clip in the highlighted
slot of an audio track, or a Simpler named after it on a MIDI track. Devices made by the set's
own factories (`register_factory`, the simulator's devices.py) have their real parameters;
others a few named ones.
"""
import os
import re

from . import _enums
from ._lom import LomObject, Prop, live_class, live_vector, set_class_name, signature

INSTRUMENT, AUDIO_EFFECT, MIDI_EFFECT = (_enums.DeviceType.instrument, _enums.DeviceType.audio_effect,
                                         _enums.DeviceType.midi_effect)
BrowserItemVector = live_vector("Browser", "BrowserItemVector")

# name in Live's browser, class name, type, a few parameter names (Live 12's native devices)
DEVICES = (
    ("Analog", "UltraAnalog", INSTRUMENT, ("OSC1 Shape", "F1 Freq", "F1 Resonance", "Volume")),
    ("Drift", "Drift", INSTRUMENT, ("Osc 1 Shape", "LP Freq", "LP Reso", "Volume")),
    ("Drum Rack", "DrumGroupDevice", INSTRUMENT, ()),
    ("Electric", "LoungeLizard", INSTRUMENT, ("M Stiffness", "F Tine Color", "Volume")),
    ("Instrument Rack", "InstrumentGroupDevice", INSTRUMENT, ()),
    ("Operator", "Operator", INSTRUMENT, ("Algorithm", "Filter Freq", "Filter Res", "Volume")),
    ("Simpler", "OriginalSimpler", INSTRUMENT, ("Ve Attack", "Transpose", "Filter Freq", "Volume")),
    ("Wavetable", "InstrumentVector", INSTRUMENT, ("Osc 1 Pos", "Filter 1 Freq", "Filter 1 Res", "Volume")),
    ("Auto Filter", "AutoFilter", AUDIO_EFFECT, ("Filter Type", "Frequency", "Resonance", "Dry/Wet")),
    ("Chorus-Ensemble", "Chorus2", AUDIO_EFFECT, ("Rate", "Amount", "Feedback", "Dry/Wet")),
    ("Compressor", "Compressor2", AUDIO_EFFECT, ("Threshold", "Ratio", "Attack", "Release")),
    ("Delay", "Delay", AUDIO_EFFECT, ("L Sync Enum", "R Sync Enum", "Feedback", "Dry/Wet")),
    ("EQ Eight", "Eq8", AUDIO_EFFECT, ("1 Frequency A", "1 Gain A", "1 Resonance A", "Output Gain")),
    ("Echo", "Echo", AUDIO_EFFECT, ("L Division", "R Division", "Feedback", "Dry Wet")),
    ("Glue Compressor", "GlueCompressor", AUDIO_EFFECT, ("Threshold", "Ratio", "Attack", "Makeup")),
    ("Limiter", "Limiter", AUDIO_EFFECT, ("Gain", "Ceiling", "Release")),
    ("Reverb", "Reverb", AUDIO_EFFECT, ("PreDelay", "Decay Time", "Room Size", "Dry/Wet")),
    ("Saturator", "Saturator", AUDIO_EFFECT, ("Drive", "Type", "Output", "Dry/Wet")),
    ("Utility", "StereoGain", AUDIO_EFFECT, ("Width", "Gain", "Balance", "Mute")),
    ("Arpeggiator", "MidiArpeggiator", MIDI_EFFECT, ("Style", "Rate", "Gate", "Steps")),
    ("Chord", "MidiChord", MIDI_EFFECT, ("Shift1", "Shift2", "Shift3")),
    ("Note Length", "MidiNoteLength", MIDI_EFFECT, ("Length", "Gate")),
    ("Pitch", "MidiPitcher", MIDI_EFFECT, ("Pitch", "Range", "Lowest")),
    ("Random", "MidiRandom", MIDI_EFFECT, ("Chance", "Choices", "Scale")),
    ("Scale", "MidiScale", MIDI_EFFECT, ("Base", "Transpose")),
    ("Velocity", "MidiVelocity", MIDI_EFFECT, ("Drive", "Compand", "Out Hi", "Out Low")),
)
DEVICE_BY_NAME = dict((entry[0], entry) for entry in DEVICES)
CATEGORY_URI = {INSTRUMENT: "Synths", AUDIO_EFFECT: "AudioFx", MIDI_EFFECT: "MidiFx"}

# (name, base device) presets of the Sounds category; kits of Drums (name, file id); samples (name, seconds)
SOUNDS = (("Bass", (("Sub Bass.adv", "Operator"), ("Acid Bass.adv", "Analog"))),
          ("Keys", (("Suitcase Keys.adv", "Electric"),)),
          ("Pad", (("Warm Pad.adv", "Wavetable"), ("Glass Pad.adg", "Drift"))))
KITS = (("909 Core Kit.adg", 14946), ("808 Core Kit.adg", 14938), ("707 Core Kit.adg", 14936))
SAMPLES = (("Drums", (("Kick 909.wav", 0.6), ("Snare 909.wav", 0.4), ("Hat Closed 909.wav", 0.2))),
           ("Loops", (("Break 120 bpm.wav", 8.0), ("Shaker 120 bpm.wav", 4.0))))
LIBRARY = "/Applications/Ableton Live 12 Suite.app/Contents/App-Resources/Core Library"

FACTORIES = {}  # class name -> callable(parent, name): a device with its real parameters


def register_factory(class_name, make):
    """A set builder's way to make browser devices with real parameters (the simulator's devices.py)."""
    FACTORIES[class_name] = make


def _quote(name):
    return name.replace(" ", "%20")


class BrowserItem(object):
    """An item of the browser: a folder, a device, a preset or a sample."""

    def __init__(self, name, uri, children=(), is_folder=False, is_device=False, is_loadable=False,
                 source="Live pack", load=None):
        self._name, self._uri, self._children = name, uri, tuple(children)
        self._folder, self._device, self._loadable, self._source = is_folder, is_device, is_loadable, source
        self._load = load  # what loading it does: callable(track)

    name = property(lambda self: self._name, doc="Const access to the canonical display name of this browser item.")
    uri = property(lambda self: self._uri, doc="The uri describes a unique identifier for a browser item.")
    children = property(lambda self: BrowserItemVector(self._children),
                        doc="Const access to the descendants of this browser item.")
    iter_children = property(lambda self: BrowserItemIterator(self._children),
                             doc="Const iterable access to the descendants of this browser item.")
    is_folder = property(lambda self: self._folder, doc="Indicates if the browser item represents folder.")
    is_device = property(lambda self: self._device, doc="Indicates if the browser item represents a device.")
    is_loadable = property(lambda self: self._loadable,
                           doc="True if item can be loaded via the Browser's 'load_item' method.")
    is_selected = property(lambda self: False, doc="True if the item is ancestor of or the actual selection.")
    source = property(lambda self: self._source, doc="Specifies where does item come from.")

    def __eq__(self, other):
        return isinstance(other, BrowserItem) and self._uri == other._uri

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._uri)

    def __repr__(self):
        return "<Browser.BrowserItem %r>" % self._name


class BrowserItemIterator(object):
    """Iterates over the children of a BrowserItem."""

    def __init__(self, items):
        self._items = iter(items)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)


set_class_name(BrowserItem, "Browser")
set_class_name(BrowserItemIterator, "Browser")


# ------------------------------------------------------------------ making devices

def make_device(parent, entry, name=None):
    """A device of DEVICES' `entry` on `parent`, named `name` (the device's own name by default)."""
    from ._devices import Device, RackDevice, SimplerDevice
    device_name, class_name, kind, parameters = entry
    name = name or device_name
    make = FACTORIES.get(class_name)
    if make is not None:
        device = make(parent, name)
        device._values["name"] = name
        return device
    if class_name in ("DrumGroupDevice", "InstrumentGroupDevice"):
        macros = ["Macro %d" % number for number in range(1, 9)]
        return RackDevice(parent, name, class_name, device_name, kind, macros, drum=class_name == "DrumGroupDevice")
    specs = [dict(name=parameter, value=0.5) for parameter in parameters]
    device_class = SimplerDevice if class_name == "OriginalSimpler" else Device
    return device_class(parent, name, class_name, device_name, kind, specs)


_DEFAULT_NAME = re.compile(r"^(\d+)-MIDI$")


def _place(track, kind):
    """Where Live's browser puts a device of `kind` on `track` (the module's doc), or raises."""
    devices = track._devices
    if kind == MIDI_EFFECT:
        if track._kind != "midi":
            raise RuntimeError("MIDI effects can only be loaded on MIDI tracks")
        return _first(devices, (INSTRUMENT, AUDIO_EFFECT), len(devices))
    if kind == INSTRUMENT:
        if track._kind != "midi":
            raise RuntimeError("Instruments can only be loaded on MIDI tracks")
        for index, other in enumerate(devices):
            if other._values["type"] == INSTRUMENT:
                track.delete_device(index)  # the new instrument takes its place
                return index
        return _first(devices, (INSTRUMENT, AUDIO_EFFECT), len(devices))
    mode = int(track._view._values["device_insert_mode"])
    selected = track._view._selected_device()
    if mode in (1, 2) and selected in devices:
        return devices.index(selected) + (1 if mode == 2 else 0)
    return len(devices)


def _first(devices, kinds, default):
    for index, device in enumerate(devices):
        if device._values["type"] in kinds:
            return index
    return default


def load_device(track, entry, name=None):
    """Put a device on `track` as the browser does; it becomes the selected device."""
    kind = entry[2]
    position = _place(track, kind)
    device = make_device(track, entry, name)
    track._add_device(device, position)
    if kind == INSTRUMENT:
        match = _DEFAULT_NAME.match(track._values["name"])
        if match:
            track._rename("%s-%s" % (match.group(1), name or entry[0]))
    track._view._selected = device
    track._view._notify("selected_device")
    song = track._song
    if song._view._values["selected_track"] is track:
        song._update("appointed_device", device)
    return device


def insert_device(track, device_name, index):
    """Track.insert_device (Live 12.3): "Attempts to insert the device specified by `device_name` at the
    given index ... Throws an error if insertion is not possible ... a MIDI effect can't be inserted after
    an instrument" (Cycling '74's reference)."""
    entry = DEVICE_BY_NAME.get(device_name)
    if entry is None:
        raise RuntimeError("Unknown device: %s" % device_name)
    devices = track._devices
    if index == -1:
        index = len(devices)
    if not 0 <= index <= len(devices):
        raise RuntimeError("Invalid device index")
    kind = entry[2]
    if track._kind != "midi" and kind != AUDIO_EFFECT:
        raise RuntimeError("Only audio effects can be inserted on this track")
    first_sound = _first(devices, (INSTRUMENT, AUDIO_EFFECT), len(devices))
    has_instrument = any(d._values["type"] == INSTRUMENT for d in devices)
    if kind == MIDI_EFFECT and index > first_sound:
        raise RuntimeError("A MIDI effect can't be inserted after an instrument or audio effect")
    if kind == INSTRUMENT and (has_instrument or index > first_sound):
        raise RuntimeError("The instrument can't be inserted at this index")
    if kind == AUDIO_EFFECT and track._kind == "midi" and index < _last_midi_effect(devices):
        raise RuntimeError("An audio effect can't be inserted before a MIDI effect")
    device = make_device(track, entry)
    track._add_device(device, index)
    return device


def _last_midi_effect(devices):
    last = 0
    for index, device in enumerate(devices):
        if device._values["type"] == MIDI_EFFECT:
            last = index + 1
    return last


def load_sample(track, name, seconds):
    from . import _audio
    path = os.path.join(LIBRARY, "Samples", name)
    if track._kind == "audio":
        song = track._song
        slot = track._slots[song._view._selected_scene()._index]
        if slot._clip is not None:
            raise RuntimeError("This clip slot already has a clip")
        rate = _audio.DEFAULT_RATE
        frames = int(seconds * rate)
        beats = _audio.beats_of(frames, rate, song._values["tempo"])
        slot._new_clip(beats, name=_audio.clip_name(path), color_index=track._values["color_index"],
                       audio=_audio.clip_audio(path, frames, rate, beats))
        return
    if track._kind == "midi":
        load_device(track, DEVICE_BY_NAME["Simpler"], name=_audio.clip_name(path))
        return
    raise RuntimeError("Samples can only be loaded on audio and MIDI tracks")


# ------------------------------------------------------------------ the tree

def _device_item(entry):
    name, _class_name, kind, _parameters = entry
    return BrowserItem(name, "query:%s#%s" % (CATEGORY_URI[kind], _quote(name)), is_device=True,
                       is_loadable=True, load=lambda track: load_device(track, entry))


def _folder(name, uri, children=(), source="Live pack"):
    return BrowserItem(name, uri, children, is_folder=True, source=source)


def _of_kind(kind):
    return [_device_item(entry) for entry in DEVICES if entry[2] == kind]


def build_tree():
    """The browser's categories: {property name: BrowserItem}."""
    kits = [BrowserItem(name, "query:Drums#FileId_%d" % file_id, is_loadable=True,
                        load=lambda track, kit=name: load_device(track, DEVICE_BY_NAME["Drum Rack"],
                                                                 name=os.path.splitext(kit)[0]))
            for name, file_id in KITS]
    sounds = [_folder(folder, "query:Sounds#%s" % folder, [
        BrowserItem(preset, "query:Sounds#%s:%s" % (folder, _quote(preset)), is_loadable=True,
                    load=lambda track, p=preset, base=base: load_device(
                        track, DEVICE_BY_NAME[base], name=os.path.splitext(p)[0]))
        for preset, base in presets]) for folder, presets in SOUNDS]
    samples = [_folder(folder, "query:Samples#%s" % folder, [
        BrowserItem(name, "query:Samples#%s:%s" % (folder, _quote(name)), is_loadable=True,
                    load=lambda track, n=name, s=seconds: load_sample(track, n, s))
        for name, seconds in files]) for folder, files in SAMPLES]
    user = "User Library"
    return {
        "instruments": _folder("Instruments", "query:Synths", _of_kind(INSTRUMENT)),
        "audio_effects": _folder("Audio Effects", "query:AudioFx", _of_kind(AUDIO_EFFECT)),
        "midi_effects": _folder("MIDI Effects", "query:MidiFx", _of_kind(MIDI_EFFECT)),
        "drums": _folder("Drums", "query:Drums", [_device_item(DEVICE_BY_NAME["Drum Rack"])] + kits),
        "sounds": _folder("Sounds", "query:Sounds", sounds),
        "samples": _folder("Samples", "query:Samples", samples),
        "clips": _folder("Clips", "query:Clips"),
        "packs": _folder("Packs", "query:Packs", [_folder("Core Library", "query:Packs#Core%20Library")]),
        "plugins": _folder("Plug-Ins", "query:Plugins"),
        "max_for_live": _folder("Max for Live", "query:MaxForLive"),
        "user_library": _folder(user, "query:UserLibrary", [
            _folder("Presets", "query:UserLibrary#Presets", source=user),
            _folder("Samples", "query:UserLibrary#Samples", source=user)], source=user),
        "current_project": _folder("Current Project", "query:CurrentProject", source="Current Project"),
    }


def _category(name):
    return Prop(None, get=lambda browser: browser._tree[name])


def _check_filter(browser, value):
    if value not in _enums.FilterType.values:
        raise RuntimeError("Invalid filter type")


@live_class("Browser", props=dict(
    [(name, _category(name)) for name in ("instruments", "audio_effects", "midi_effects", "drums", "sounds",
                                          "samples", "clips", "packs", "plugins", "max_for_live",
                                          "user_library", "current_project")],
    colors=Prop((), get=lambda b: BrowserItemVector()),
    user_folders=Prop((), get=lambda b: BrowserItemVector()),
    # "The list is always empty as legacy library handling has been removed." (the dumps)
    legacy_libraries=Prop((), get=lambda b: BrowserItemVector()),
    filter_type=Prop(_enums.FilterType.disabled, "so", kind="int", check=_check_filter),
    hotswap_target=Prop(None, "so", kind="Device"),
), events=("full_refresh",))
class Browser(LomObject):
    """Live's browser: categories of items, and loading one onto the selected track."""

    def __init__(self, application):
        LomObject.__init__(self)
        self._application = application
        self._tree = build_tree()
        self._previewing = None

    def _selected_track(self):
        return self._application._song._view._values["selected_track"]

    @signature("BrowserItem")
    def load_item(self, item):
        if not item._loadable or item._load is None:
            raise RuntimeError("The browser item is not loadable")
        track = self._selected_track()
        if track is None or track._deleted:
            raise RuntimeError("No track is selected")
        target = self._values["hotswap_target"]
        if target is not None and not target._deleted and item._device:
            self._hotswap(target, item)
            return
        item._load(track)

    def _hotswap(self, target, item):
        """Hot-swap: the loaded device replaces the target device where it is."""
        parent = target._parent
        index = parent._devices.index(target)
        entry = DEVICE_BY_NAME[item._name]
        parent.delete_device(index)
        device = make_device(parent, entry)
        parent._add_device(device, index)
        self._update("hotswap_target", device)

    @signature("BrowserItem", changes=False)
    def preview_item(self, item):
        self._previewing = item  # nothing sounds here

    @signature(changes=False)
    def stop_preview(self):
        self._previewing = None

    @signature("BrowserItem", changes=False)
    def relation_to_hotswap_target(self, item):
        target = self._values["hotswap_target"]
        if target is None or target._deleted:
            return _enums.Relation.none
        if item._device and item._name == target._values["class_display_name"]:
            return _enums.Relation.equal
        return _enums.Relation.none
