"""_Framework.SliderElement: a fader, an absolute encoder (simulator)."""
import Live

from .EncoderElement import EncoderElement


class SliderElement(EncoderElement):
    def __init__(self, msg_type, channel, identifier, *a, **k):
        super(SliderElement, self).__init__(msg_type, channel, identifier, Live.MidiMap.MapMode.absolute, *a, **k)
