"""Track routing: `Track.RoutingType`, `Track.RoutingChannel`, and what each kind of track offers
(private module; live-script/README.md, "Evidence: track routing").

Live's routing is a choice of a type (where from, where to) and a channel of that type. The
dumps: `available_input_routing_types` / `_channels` and `available_output_routing_types` /
`_channels` list them (read-only, observable), `input_routing_type` / `_channel` and
`output_routing_type` / `_channel` are set to one of them ("Raises ValueError if the type isn't
one of the current values"). Input routing exists on MIDI and audio tracks only, output routing
on every track but the master (Cycling '74's Live Object Model reference). The older string
API (`current_input_routing`, `input_routings`, ...) reads and writes the same choice by name.
A MIDI track that sends MIDI may send it to the "LiveSurface Return" port (an external MIDI
port, channels "Ch. 1" to "Ch. 16"); what it sends there is _midi_out.py's.

The lists are made each time they are read (Live's are new Python objects each time too); a
type or channel equals another of the same name, category and track, so a script can set what
it read earlier. The choice is kept as a key (what kind, which track), so renaming a track
renames its routing type everywhere, and deleting a track sends whoever listened to it back
to the default.
"""
from . import _enums, _version
from ._lom import StringVector, live_vector, set_class_name

CATEGORY = _enums.RoutingTypeCategory
LAYOUT = _enums.RoutingChannelLayout
RoutingTypeVector = live_vector("Track", "RoutingTypeVector")
RoutingChannelVector = live_vector("Track", "RoutingChannelVector")

MIDI_CHANNELS = ("All Channels",) + tuple("Ch. %d" % number for number in range(1, 17))
MIDI_OUT_CHANNELS = MIDI_CHANNELS[1:]  # a MIDI port's output channels: one each, no "All Channels"
# The bridge's virtual MIDI input, as Live lists it among a MIDI track's outputs once its "Track"
# switch is on in Preferences (README, "Evidence: track routing"); the simulator always has it.
MIDI_RETURN_PORT = "LiveSurface Return"
MIDI_RETURN = ("midi_port", MIDI_RETURN_PORT)
EXT_CHANNELS = (("1", LAYOUT.mono), ("2", LAYOUT.mono), ("1/2", LAYOUT.stereo))
TAP_CHANNELS = ("Pre FX", "Post FX", "Post Mixer")  # from another track (Producer Pal's fixtures)

INPUT_PROPS = ("input_routing_type", "input_routing_channel", "available_input_routing_channels",
               "current_input_routing", "current_input_sub_routing", "input_sub_routings")
OUTPUT_PROPS = ("output_routing_type", "output_routing_channel", "available_output_routing_channels",
                "current_output_routing", "current_output_sub_routing", "output_sub_routings")
LIST_PROPS = ("available_input_routing_types", "available_output_routing_types", "input_routings",
              "output_routings")


def _main_name():
    return "Main" if _version.MAJOR >= 12 else "Master"  # Live 12 renamed the master track "Main"


class RoutingType(object):
    """A source or target of a track's routing: a name, a category, maybe a track."""

    def __init__(self, key, display_name, category, attached=None):
        self._key, self._name, self._category, self._attached = key, display_name, category, attached

    display_name = property(lambda self: self._name, doc="Display name of routing type.")
    category = property(lambda self: self._category, doc="Category of the routing type.")
    attached_object = property(lambda self: self._attached, doc="Live object associated with the routing type.")

    def __eq__(self, other):
        return isinstance(other, RoutingType) and (self._key, self._name) == (other._key, other._name)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._key, self._name))

    def __repr__(self):
        return "<Track.RoutingType %r>" % self._name


class RoutingChannel(object):
    """A channel of a routing type: a name and a layout (mono, stereo, MIDI)."""

    def __init__(self, display_name, layout):
        self._name, self._layout = display_name, layout

    display_name = property(lambda self: self._name, doc="Display name of routing channel.")
    layout = property(lambda self: self._layout, doc="The routing channel's Layout, e.g., mono or stereo.")

    def __eq__(self, other):
        return isinstance(other, RoutingChannel) and (self._name, self._layout) == (other._name, other._layout)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._name, int(self._layout)))

    def __repr__(self):
        return "<Track.RoutingChannel %r>" % self._name


set_class_name(RoutingType, "Track")
set_class_name(RoutingChannel, "Track")

# the channel of a type that has none (No Input, Sends Only, Main): no evidence of what Live
# answers there; a channel with no name keeps `input_routing_channel` a RoutingChannel
NO_CHANNEL = RoutingChannel("", LAYOUT.stereo)


def _ext_channels():
    return [RoutingChannel(name, layout) for name, layout in EXT_CHANNELS]


class TrackRouting(object):
    """One track's input and output routing (part of a `Track`)."""

    def __init__(self, track):
        self._track = track
        self._input = None  # (key, channel name); None: the default
        self._output = None

    # ------------------------------------------------------------ what the track offers
    def _song(self):
        return self._track._song

    def _has_input(self):
        return self._track._kind in ("midi", "audio")

    def _has_output(self):
        return self._track._kind != "master"

    def _outputs_midi(self):
        return self._track._values["has_midi_output"]

    def input_types(self):
        track, song = self._track, self._song()
        if track._kind == "midi":
            types = [RoutingType(("all_ins",), "All Ins", CATEGORY.external),
                     RoutingType(("keyboard",), "Computer Keyboard", CATEGORY.external)]
            types += [RoutingType(("track", other), other._values["name"], CATEGORY.track, other)
                      for other in song._tracks if other is not track and other._kind == "midi"]
        else:
            types = [RoutingType(("ext_in",), "Ext. In", CATEGORY.external),
                     RoutingType(("resampling",), "Resampling", CATEGORY.resampling)]
            types += [RoutingType(("track", other), other._values["name"], CATEGORY.track, other)
                      for other in song._tracks + song._returns
                      if other is not track and other._values["has_audio_output"]]
            types.append(RoutingType(("master",), _main_name(), CATEGORY.master, song._master))
        types.append(RoutingType(("none",), "No Input", CATEGORY.none))
        return types

    def input_channels(self, key):
        kind = key[0]
        if kind in ("all_ins", "keyboard"):
            return [RoutingChannel(name, LAYOUT.midi) for name in MIDI_CHANNELS]
        if kind == "ext_in":
            return _ext_channels()
        if kind in ("track", "master"):
            layout = LAYOUT.midi if self._track._kind == "midi" else LAYOUT.stereo
            names = TAP_CHANNELS[:2] if layout == LAYOUT.midi else TAP_CHANNELS
            return [RoutingChannel(name, layout) for name in names]
        return []

    def output_types(self):
        track, song = self._track, self._song()
        if self._outputs_midi():
            # a MIDI track with no instrument sends MIDI: to nothing, to a MIDI port, or to a track that plays it
            types = [RoutingType(("no_output",), "No Output", CATEGORY.none),
                     RoutingType(MIDI_RETURN, MIDI_RETURN_PORT, CATEGORY.external)]
            types += [RoutingType(("track", other), other._values["name"], CATEGORY.track, other)
                      for other in song._tracks if other is not track and other._kind == "midi"
                      and other._values["has_audio_output"]]
            return types
        types = []
        group = track._group
        if group is not None:
            types.append(RoutingType(("group", group), "Group", CATEGORY.parent_group_track, group))
        types.append(RoutingType(("master",), _main_name(), CATEGORY.master, song._master))
        types.append(RoutingType(("ext_out",), "Ext. Out", CATEGORY.external))
        if track._kind != "return":
            types.append(RoutingType(("sends_only",), "Sends Only", CATEGORY.none))
        return types

    def output_channels(self, key):
        kind = key[0]
        if kind == "ext_out":
            return _ext_channels()
        if kind == "midi_port":
            return [RoutingChannel(name, LAYOUT.midi) for name in MIDI_OUT_CHANNELS]
        if kind == "track":
            return [RoutingChannel("Track In", LAYOUT.midi if self._outputs_midi() else LAYOUT.stereo)]
        return []

    # ------------------------------------------------------------ the choice
    def _default_input(self):
        if self._track._kind == "midi":
            return (("all_ins",), "All Channels")
        return (("ext_in",), "1/2")  # a set file's new audio track: "Ext. In", "1/2"

    def _default_output(self):
        if self._outputs_midi():
            return (("no_output",), "")
        if self._track._group is not None:
            return (("group", self._track._group), "")
        return (("master",), "")

    def _pick(self, chosen, types, default):
        """The chosen type and channel, or the default when the chosen one is no longer offered."""
        key, channel = chosen if chosen is not None else default
        for routing_type in types:
            if routing_type._key == key:
                return routing_type, channel
        key, channel = default
        return [t for t in types if t._key == key][0], channel

    def _check_input(self, name):
        if not self._has_input():
            raise RuntimeError("%s is only available on MIDI and audio tracks" % name)

    def _check_output(self, name):
        if not self._has_output():
            raise RuntimeError("%s is not available on the master track" % name)

    def input(self):
        routing_type, channel = self._pick(self._input, self.input_types(), self._default_input())
        return routing_type, self._channel_named(self.input_channels(routing_type._key), channel)

    def output(self):
        routing_type, channel = self._pick(self._output, self.output_types(), self._default_output())
        return routing_type, self._channel_named(self.output_channels(routing_type._key), channel)

    def midi_return_channel(self):
        """The MIDI channel (0 to 15) the track sends to the LiveSurface Return port on, or None. Cheap
        for the tracks not sent there: only a track that chose the port works out whether it is offered."""
        if self._output is None or self._output[0] != MIDI_RETURN or not self._outputs_midi():
            return None
        name = self._output[1]
        return MIDI_OUT_CHANNELS.index(name) if name in MIDI_OUT_CHANNELS else 0

    @staticmethod
    def _channel_named(channels, name):
        for channel in channels:
            if channel._name == name:
                return channel
        return channels[0] if channels else NO_CHANNEL

    # ------------------------------------------------------------ changes
    def set_input_type(self, routing_type):
        types = self.input_types()
        if not isinstance(routing_type, RoutingType) or routing_type not in types:
            raise ValueError("The routing type is not one of the available input routing types")
        channels = self.input_channels(routing_type._key)
        self._input = (routing_type._key, self._default_channel(routing_type._key, channels))
        self._track._notify_all(INPUT_PROPS)

    def set_input_channel(self, channel):
        routing_type, _current = self.input()
        if not isinstance(channel, RoutingChannel) or channel not in self.input_channels(routing_type._key):
            raise ValueError("The routing channel is not one of the available input routing channels")
        self._input = (routing_type._key, channel._name)
        self._track._notify_all(INPUT_PROPS)

    def set_output_type(self, routing_type):
        types = self.output_types()
        if not isinstance(routing_type, RoutingType) or routing_type not in types:
            raise ValueError("The routing type is not one of the available output routing types")
        channels = self.output_channels(routing_type._key)
        self._output = (routing_type._key, channels[0]._name if channels else "")
        self._output_changed()

    def set_output_channel(self, channel):
        routing_type, _current = self.output()
        if not isinstance(channel, RoutingChannel) or channel not in self.output_channels(routing_type._key):
            raise ValueError("The routing channel is not one of the available output routing channels")
        self._output = (routing_type._key, channel._name)
        self._output_changed()

    def _output_changed(self):
        # what Live sends to a MIDI port follows at once (its sounding notes end on the old channel)
        self._song()._midi_out.refresh(self._track)
        self._track._notify_all(OUTPUT_PROPS)

    @staticmethod
    def _default_channel(key, channels):
        """The channel a newly chosen type starts on (no evidence: the stereo pair of Ext. In, Post FX of
        a track, the first otherwise)."""
        if key[0] == "ext_in":
            return "1/2"
        if key[0] == "track" and len(channels) > 1:
            return "Post FX"
        return channels[0]._name if channels else ""

    # the older API: the same choice by name
    def set_input_by_name(self, name):
        matches = [t for t in self.input_types() if t._name == name]
        if not matches:
            raise ValueError("'%s' is not one of the available input routings" % name)
        self.set_input_type(matches[0])

    def set_input_channel_by_name(self, name):
        routing_type, _current = self.input()
        matches = [c for c in self.input_channels(routing_type._key) if c._name == name]
        if not matches:
            raise ValueError("'%s' is not one of the available input sub routings" % name)
        self.set_input_channel(matches[0])

    def set_output_by_name(self, name):
        matches = [t for t in self.output_types() if t._name == name]
        if not matches:
            raise ValueError("'%s' is not one of the available output routings" % name)
        self.set_output_type(matches[0])

    def set_output_channel_by_name(self, name):
        routing_type, _current = self.output()
        matches = [c for c in self.output_channels(routing_type._key) if c._name == name]
        if not matches:
            raise ValueError("'%s' is not one of the available output sub routings" % name)
        self.set_output_channel(matches[0])


def track_props(Prop):
    """The routing properties of Track (the new API and the older string one)."""

    def input_getter(name, pick):
        def get(track):
            track._routing._check_input(name)
            return pick(track._routing)
        return get

    def output_getter(name, pick):
        def get(track):
            track._routing._check_output(name)
            return pick(track._routing)
        return get

    def input_setter(name, method):
        def set_(track, value):
            track._routing._check_input(name)
            getattr(track._routing, method)(value)
        return set_

    def output_setter(name, method):
        def set_(track, value):
            track._routing._check_output(name)
            getattr(track._routing, method)(value)
        return set_

    def input_prop(name, default, pick, method=None, kind=None):
        if method is None:
            return Prop(default, "o", get=input_getter(name, pick))
        return Prop(default, "so", kind=kind, get=input_getter(name, pick), set=input_setter(name, method))

    def output_prop(name, default, pick, method=None, kind=None):
        if method is None:
            return Prop(default, "o", get=output_getter(name, pick))
        return Prop(default, "so", kind=kind, get=output_getter(name, pick), set=output_setter(name, method))

    def in_channels(r):
        return r.input_channels(r.input()[0]._key)

    def out_channels(r):
        return r.output_channels(r.output()[0]._key)

    props = {
        "available_input_routing_types": input_prop(
            "available_input_routing_types", (), lambda r: RoutingTypeVector(r.input_types())),
        "available_input_routing_channels": input_prop(
            "available_input_routing_channels", (), lambda r: RoutingChannelVector(in_channels(r))),
        "input_routing_type": input_prop(
            "input_routing_type", None, lambda r: r.input()[0], "set_input_type", "RoutingType"),
        "input_routing_channel": input_prop(
            "input_routing_channel", None, lambda r: r.input()[1], "set_input_channel", "RoutingChannel"),
        "available_output_routing_types": output_prop(
            "available_output_routing_types", (), lambda r: RoutingTypeVector(r.output_types())),
        "available_output_routing_channels": output_prop(
            "available_output_routing_channels", (), lambda r: RoutingChannelVector(out_channels(r))),
        "output_routing_type": output_prop(
            "output_routing_type", None, lambda r: r.output()[0], "set_output_type", "RoutingType"),
        "output_routing_channel": output_prop(
            "output_routing_channel", None, lambda r: r.output()[1], "set_output_channel", "RoutingChannel"),
        # the older API, by name
        "current_input_routing": input_prop(
            "current_input_routing", "", lambda r: r.input()[0]._name, "set_input_by_name"),
        "current_input_sub_routing": input_prop(
            "current_input_sub_routing", "", lambda r: r.input()[1]._name, "set_input_channel_by_name"),
        "current_output_routing": output_prop(
            "current_output_routing", "", lambda r: r.output()[0]._name, "set_output_by_name"),
        "current_output_sub_routing": output_prop(
            "current_output_sub_routing", "", lambda r: r.output()[1]._name, "set_output_channel_by_name"),
        "input_routings": input_prop(
            "input_routings", (), lambda r: StringVector(t._name for t in r.input_types())),
        "input_sub_routings": input_prop(
            "input_sub_routings", (), lambda r: StringVector(c._name for c in in_channels(r))),
        "output_routings": output_prop(
            "output_routings", (), lambda r: StringVector(t._name for t in r.output_types())),
        "output_sub_routings": output_prop(
            "output_sub_routings", (), lambda r: StringVector(c._name for c in out_channels(r))),
    }
    return props
