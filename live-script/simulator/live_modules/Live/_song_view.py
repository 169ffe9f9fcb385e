"""Song.View: what is selected in Live (selection is no edit: not in the undo history).

Live's Session view has one highlighted slot, at the selected track and the
selected scene (`highlighted_clip_slot`: Live has no listener for it, so it is
followed through `selected_track` and `selected_scene`), and the Clip detail
view shows the clip of that slot (`detail_clip`, observable). Firing a clip
while Live's "Select on Launch" is on selects its slot (ClipSlot._fire), so
its clip becomes the detail clip. A deleted detail clip leaves `detail_clip` None.
"""
from ._lom import LomObject, Prop, live_class, signature


def _check_in_set(kind):
    def check(view, value):
        if value is None or value._deleted:
            raise RuntimeError("Invalid %s" % kind)

    return check


def _highlighted(view):
    track = view._values["selected_track"]
    if track is None or track._deleted or not track._slots:
        return None  # "None for Master- and Sendtracks"
    return track._slots[view._selected_scene()._index]


def _selected_parameter(view):
    parameter = view._values["selected_parameter"]
    return None if parameter is None or parameter._deleted else parameter


def _detail_clip(view):
    clip = view._values["detail_clip"]
    return None if clip is None or clip._deleted else clip


@live_class(
    "Song",
    "View",
    props={
        "selected_track": Prop(None, "so", kind="Track", check=_check_in_set("track"),
                               set=lambda v, track: v._select(track=track)),
        "selected_scene": Prop(None, "so", kind="Scene", get=lambda v: v._selected_scene(),
                               check=_check_in_set("scene"), set=lambda v, scene: v._select(scene=scene)),
        "selected_parameter": Prop(None, "o", get=_selected_parameter),
        "selected_chain": Prop(None, "so", kind="Chain"),
        "highlighted_clip_slot": Prop(None, "s", kind="ClipSlot", get=_highlighted, check=_check_in_set("clip slot"),
                                      set=lambda v, slot: v._select_slot(slot)),
        "detail_clip": Prop(None, "so", kind="Clip", get=_detail_clip, check=_check_in_set("clip")),
        "follow_song": Prop(False, "so"),
        "draw_mode": Prop(True, "so"),
        "canonical_parent": Prop(None, get=lambda v: v._song),
    },
)
class SongView(LomObject):
    def __init__(self, song):
        LomObject.__init__(self)
        self._song = song

    def _selected_scene(self):
        scene = self._values["selected_scene"]
        if scene is None or scene._deleted:
            scene = self._song._scenes[0]
            self._values["selected_scene"] = scene
        return scene

    # -- selection moves (from the API, from launching, from the set changing)
    def _select(self, track=None, scene=None):
        before = _highlighted(self)
        if track is not None:
            self._update("selected_track", track)
        if scene is not None:
            self._update("selected_scene", scene)
        slot = _highlighted(self)
        if slot is not None and slot is not before:
            self._update("detail_clip", slot._clip)

    def _select_parameter(self, parameter):
        """The musician clicks a parameter in Live (the API cannot select one: the property is read-only)."""
        self._update("selected_parameter", parameter)

    def _select_scene(self, scene):
        self._select(scene=scene)

    def _select_slot(self, slot):
        self._select(slot._track, self._song._scenes[slot._index])

    def _slot_changed(self, slot):
        """A clip entered or left `slot`: the detail view follows the highlighted slot."""
        if slot is _highlighted(self):
            self._update("detail_clip", slot._clip)
        else:
            self._forget_dead()

    def _forget_dead(self):
        clip = self._values["detail_clip"]
        if clip is not None and clip._deleted:
            self._update("detail_clip", None)

    @signature("Device", "bool", optional=1)
    def select_device(self, device, should_appoint_device=True):
        track = device._parent
        while type(track).__name__ != "Track":
            track = track._parent
        track._view._selected = device
        track._view._notify("selected_device")
        # the selected track stays; the device is appointed (the blue hand) only on the selected track
        # (live-script/README.md, "Evidence: selecting a device")
        if should_appoint_device and track is self._values["selected_track"]:
            self._song._update("appointed_device", device)
