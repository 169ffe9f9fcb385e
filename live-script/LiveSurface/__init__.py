"""LiveSurface: Live's object model over a local socket, for the LiveSurface bridge.

Copy this folder into Live's User Library `Remote Scripts` folder and choose
LiveSurface as a Control Surface in Live's preferences.
"""


def create_instance(c_instance):
    from .surface import LiveSurface

    return LiveSurface(c_instance)
