"""Which Live the simulator is: 12.3.6 by default, 11.3.43 with
LIVESURFACE_SIM_LIVE_VERSION=11 (private module).

Members that only Live 12 has are listed here and removed from the fake
classes in Live 11 mode, so a script meets exactly the API of the version.
"""
import os

_KNOWN = {"11": (11, 3, 43), "12": (12, 3, 6)}
_requested = os.environ.get("LIVESURFACE_SIM_LIVE_VERSION", "12").split(".")[0]
MAJOR, MINOR, BUGFIX = _KNOWN.get(_requested, _KNOWN["12"])
VERSION_STRING = "%d.%d.%d" % (MAJOR, MINOR, BUGFIX)

# class: names that exist only in Live 12 ("listener:x" removes only x's listener methods)
ONLY_IN_12 = {
    "Song": ("scale_mode", "listener:scale_information"),
    "Track": ("back_to_arranger", "insert_device", "create_midi_clip"),
    "Device": ("can_compare_ab", "is_using_compare_preset_b"),
    "RackDevice": ("can_compare_ab", "is_using_compare_preset_b"),
    "SimplerDevice": ("can_compare_ab", "is_using_compare_preset_b"),
    "DeviceParameter": ("display_value",),
    "Clip": ("automation_envelopes", "is_session_clip", "is_take_lane_clip", "listener:start_time",
             "note_number_to_name"),
    "DrumChain": ("in_note",),
    "Application": ("get_build_id", "get_variant"),
}


def _remove_listener(cls, name):
    for attribute in ("add_%s_listener", "remove_%s_listener", "%s_has_listener"):
        if attribute % name in cls.__dict__:
            delattr(cls, attribute % name)


def prune(classes):
    """In Live 11 mode, take the Live 12 members off the given classes."""
    if MAJOR >= 12:
        return
    for cls in classes:
        for name in ONLY_IN_12.get(cls.__name__, ()):
            if name.startswith("listener:"):
                _remove_listener(cls, name.split(":", 1)[1])
                continue
            if name in cls.__dict__:
                delattr(cls, name)
            _remove_listener(cls, name)
