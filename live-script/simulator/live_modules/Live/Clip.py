"""Live.Clip: clips, notes, and Live 11's automation envelope."""
from . import _version
from ._clips import Clip, WarpMarkerVector
from ._enums import ClipLaunchQuantization, GridQuantization, LaunchMode, WarpMode
from ._notes import MidiNote, MidiNoteSpecification, MidiNoteVector

__all__ = [
    "Clip", "ClipLaunchQuantization", "GridQuantization", "LaunchMode", "WarpMode", "MidiNote", "MidiNoteSpecification",
    "MidiNoteVector", "WarpMarkerVector",
]

if _version.MAJOR < 12:
    from ._envelopes import AutomationEnvelope
    __all__ += ["AutomationEnvelope"]
