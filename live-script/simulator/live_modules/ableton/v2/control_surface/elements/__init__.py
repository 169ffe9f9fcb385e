"""ableton.v2.control_surface.elements (simulator): buttons, encoders, sliders, matrices.

The same controls as `_Framework`'s (see its InputControlElement.py).
"""
from _Framework.ButtonElement import ButtonElement, ButtonValue, OFF_VALUE, ON_VALUE
from _Framework.ButtonMatrixElement import ButtonMatrixElement
from _Framework.EncoderElement import EncoderElement
from _Framework.SliderElement import SliderElement

__all__ = ("ButtonElement", "ButtonValue", "OFF_VALUE", "ON_VALUE", "ButtonMatrixElement", "EncoderElement",
           "SliderElement")
