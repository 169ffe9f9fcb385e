"""The simulator's `Live` module: the part of Live's Python API a remote script
meets, with Live's names, settable flags, listeners and enums, and nothing
Live does not have (live-script/tests/test_fake_api.py proves it against
the surface derived from real Live).
"""
from . import _version
from . import (
    Application, Base, Browser, Chain, ChainMixerDevice, Clip, ClipSlot, Device, DeviceParameter, DrumChain,
    DrumPad, LomObject, MidiMap, MixerDevice, RackDevice, Scene, SimplerDevice, Song, Track,
)
from . import _app, _browser, _clip_slot, _clips, _devices, _params, _song, _tracks

# the submodules a script reaches as `Live.<Name>`
__all__ = [
    "Application", "Base", "Browser", "Chain", "ChainMixerDevice", "Clip", "ClipSlot", "Device", "DeviceParameter",
    "DrumChain", "DrumPad", "LomObject", "MidiMap", "MixerDevice", "RackDevice", "Scene", "SimplerDevice", "Song", "Track",
]

if _version.MAJOR >= 12:
    from . import Envelope
    __all__ += ["Envelope"]

_version.prune([
    _song.Song, _song.SongView, _song.Scene, _tracks.Track, _tracks.TrackView, _clips.Clip, _clip_slot.ClipSlot,
    _devices.Device, _devices.RackDevice, _devices.SimplerDevice, _devices.Chain, _devices.DrumChain,
    _devices.DrumPad, _devices.MixerDevice, _params.DeviceParameter, _app.Application, _browser.Browser,
])
del _app, _browser, _clip_slot, _clips, _devices, _params, _song, _tracks
