"""Live.Clip: clips, notes, and Live 11's automation envelope."""
from . import _version
from ._clips import Clip  # noqa: F401
from ._enums import ClipLaunchQuantization, GridQuantization, LaunchMode, WarpMode  # noqa: F401
from ._notes import MidiNote, MidiNoteSpecification, MidiNoteVector  # noqa: F401

if _version.MAJOR < 12:
    from ._envelopes import AutomationEnvelope  # noqa: F401
