"""Live.Envelope (Live 12): clip envelopes as Live objects."""
from . import _version

if _version.MAJOR < 12:
    raise ImportError("No module named 'Live.Envelope' in Live %s" % _version.VERSION_STRING)

from ._envelopes import Envelope, EnvelopeEvent, EnvelopeEventControlCoefficients, EnvelopeEventVector  # noqa: E402

__all__ = ["Envelope", "EnvelopeEvent", "EnvelopeEventControlCoefficients", "EnvelopeEventVector"]
