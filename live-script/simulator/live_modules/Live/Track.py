"""Live.Track."""
from ._devices import DeviceContainer
from ._enums import DeviceInsertMode, RoutingChannelLayout, RoutingTypeCategory
from ._routing import RoutingChannel, RoutingChannelVector, RoutingType, RoutingTypeVector
from ._tracks import Track

__all__ = ["DeviceContainer", "DeviceInsertMode", "RoutingChannel", "RoutingChannelLayout", "RoutingChannelVector",
           "RoutingType", "RoutingTypeCategory", "RoutingTypeVector", "Track"]
