"""Application and Application.View (live-script/README.md, "Evidence: the application").

The views: `Session` and `Arranger` take turns in the main window, as do `Detail/Clip` and
`Detail/DeviceChain` in the detail view; `is_view_visible` listeners are per view name.
`scroll_view(direction, name, modifier_pressed)` does what the arrow keys do in that view ('' is
the main view in front): in the Session, up and down select the scene before or after, left and
right the track (the return tracks and the master included); in the Arranger, up and down select
the track; in `Detail/DeviceChain`, left and right select the device before or after on the
selected track. Anything else "silently return[s]" (the dumps), as `zoom_view` always does here
(nothing a script reads shows a zoom).

Dialogs: Live tells how many are open and the last one's message and button count; a script
presses a button of the current one (`press_current_dialog_button(index)`). The simulator opens
none by itself; `Application._show_dialog` stands for Live opening one.
"""
from . import _enums, _version
from ._browser import Browser
from ._lom import HOST, LomObject, Prop, StringVector, live_class, signature

MAIN_VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")
_TAKE_TURNS = {"Session": "Arranger", "Arranger": "Session", "Detail/Clip": "Detail/DeviceChain",
               "Detail/DeviceChain": "Detail/Clip"}
_NAV = _enums.View_NavDirection


def _view_listener_methods():
    """`add_is_view_visible_listener(name, callback)` and its kin: listeners per view name."""

    def add(self, name, callback):
        self._guard_read()
        listeners = self._view_listeners.setdefault(name, [])
        if callback in listeners:
            raise RuntimeError("Listener already connected")
        listeners.append(callback)

    def remove(self, name, callback):
        self._guard_read()
        listeners = self._view_listeners.get(name, [])
        if callback not in listeners:
            raise RuntimeError("Listener not connected")
        listeners.remove(callback)

    def has(self, name, callback):
        self._guard_read()
        return callback in self._view_listeners.get(name, [])

    add.__name__, remove.__name__, has.__name__ = (
        "add_is_view_visible_listener", "remove_is_view_visible_listener", "is_view_visible_has_listener")
    return add, remove, has


@live_class("Application", "View", props={
    "focused_document_view": Prop("Session", "o"),
    "browse_mode": Prop(False, "o"),
    "canonical_parent": Prop(None, get=lambda v: v._app),
}, events=("view_focus_changed",))
class ApplicationView(LomObject):
    NavDirection = _enums.View_NavDirection

    add_is_view_visible_listener, remove_is_view_visible_listener, is_view_visible_has_listener = \
        _view_listener_methods()

    def __init__(self, app):
        LomObject.__init__(self)
        self._app = app
        self._visible = set(["Session", "Detail", "Detail/Clip"])
        self._focused = "Session"
        self._view_listeners = {}

    def _check_view(self, name):
        if name not in MAIN_VIEWS:
            raise RuntimeError("Unknown view: %s" % name)

    def _set_visible(self, name, visible):
        if (name in self._visible) == visible:
            return
        if visible:
            self._visible.add(name)
        else:
            self._visible.discard(name)
        callbacks = self._view_listeners.get(name)
        if callbacks:
            HOST.call_listeners(list(callbacks))

    @signature(changes=False)
    def available_main_views(self):
        return StringVector(MAIN_VIEWS)

    @signature("str", "bool", optional=1, changes=False)
    def is_view_visible(self, name, main_window_only=True):
        self._check_view(name)
        return name in self._visible

    @signature("str")
    def show_view(self, name):
        self._check_view(name)
        other = _TAKE_TURNS.get(name)
        if other is not None:
            self._set_visible(other, False)
        if name.startswith("Detail/"):
            self._set_visible("Detail", True)
        self._set_visible(name, True)
        if name in ("Session", "Arranger"):
            self._update("focused_document_view", name)

    @signature("str")
    def hide_view(self, name):
        self._check_view(name)
        self._set_visible(name, False)

    @signature("str")
    def focus_view(self, name):
        # "Show and focus one through the identifier string specified view." ('' is the main view)
        name = name or self._values["focused_document_view"]
        self.show_view(name)
        if name != self._focused:
            self._focused = name
            self._notify("view_focus_changed")

    @signature()
    def toggle_browse(self):
        self._update("browse_mode", not self._values["browse_mode"])

    @signature("int", "str", "bool")
    def scroll_view(self, direction, name, modifier_pressed):
        name = name or self._values["focused_document_view"]
        if name not in MAIN_VIEWS or direction not in _NAV.values:
            return  # "Will silently return if the specified view can not perform the requested action."
        song = self._app._song
        if name == "Session":
            if direction in (_NAV.up, _NAV.down):
                _step(song._scenes, song._view._selected_scene(), direction == _NAV.down,
                      lambda scene: song._view._select(scene=scene))
            else:
                _step(_all_tracks(song), song._view._values["selected_track"], direction == _NAV.right,
                      lambda track: song._view._select(track=track))
        elif name == "Arranger" and direction in (_NAV.up, _NAV.down):
            _step(_all_tracks(song), song._view._values["selected_track"], direction == _NAV.down,
                  lambda track: song._view._select(track=track))
        elif name == "Detail/DeviceChain" and direction in (_NAV.left, _NAV.right):
            track = song._view._values["selected_track"]
            if track is not None and not track._deleted:
                _step(track._devices, track._view._selected_device(), direction == _NAV.right,
                      lambda device: song._view.select_device(device))

    @signature("int", "str", "bool")
    def zoom_view(self, direction, name, modifier_pressed):
        return None  # nothing a script reads shows a zoom: it "silently return[s]"


def _all_tracks(song):
    return [t for t in song._tracks if t._shown()] + list(song._returns) + [song._master]


def _step(items, current, forward, select):
    """Select the item after (or before) `current` in `items`; at either end nothing moves."""
    items = list(items)
    if not items:
        return
    if current not in items:
        select(items[0])
        return
    index = items.index(current) + (1 if forward else -1)
    if 0 <= index < len(items):
        select(items[index])


def _check_button(app, index):
    if app._dialogs and not 0 <= index < len(app._dialogs[-1][1]):
        raise RuntimeError("Invalid button index")


@live_class("Application", props={
    "view": Prop(None, get=lambda a: a._view),
    "browser": Prop(None, get=lambda a: a._browser),
    "average_process_usage": Prop(0.08, "o"),
    "peak_process_usage": Prop(0.12, "o"),
    "open_dialog_count": Prop(0, "o"),
    "current_dialog_message": Prop(""),
    "current_dialog_button_count": Prop(0),
    "number_of_push_apps_running": Prop(0),
    "unavailable_features": Prop((), "o"),
    "canonical_parent": Prop(None, get=lambda a: None),
})
class Application(LomObject):
    """Live itself: its version, its views, its browser, its dialogs and the open document."""

    View = ApplicationView

    def __init__(self, song):
        LomObject.__init__(self)
        self._song = song
        self._view = ApplicationView(self)
        self._browser = Browser(self)
        self._dialogs = []  # (message, buttons), the last one current

    def _children(self):
        return [self._view, self._browser]

    @signature(changes=False)
    def get_major_version(self):
        return _version.MAJOR

    @signature(changes=False)
    def get_minor_version(self):
        return _version.MINOR

    @signature(changes=False)
    def get_bugfix_version(self):
        return _version.BUGFIX

    @signature(changes=False)
    def get_version_string(self):
        return _version.VERSION_STRING

    @signature(changes=False)
    def get_build_id(self):
        return "%s-simulator" % _version.VERSION_STRING

    @signature(changes=False)
    def get_variant(self):
        return "Suite"

    @signature(changes=False)
    def get_document(self):
        return self._song

    @signature(None, changes=False)
    def has_option(self, name):
        return False

    # -- dialogs
    def _show_dialog(self, message, buttons=("OK",)):
        """Live opens a dialog (no API does: the simulator's stand-in for it)."""
        self._dialogs.append((message, tuple(buttons)))
        self._dialog_changed()

    def _dialog_changed(self):
        message, buttons = self._dialogs[-1] if self._dialogs else ("", ())
        # "Text of the last dialog that appeared; Empty if all dialogs just disappeared." (the dumps)
        self._values["current_dialog_message"] = message
        self._values["current_dialog_button_count"] = len(buttons)
        self._update("open_dialog_count", len(self._dialogs))

    @signature("int")
    def press_current_dialog_button(self, index):
        # "Press a button, by index, on the current message box." With none open nothing happens
        # (no evidence); an index past its buttons raises (no evidence either)
        if not self._dialogs:
            return
        _check_button(self, index)
        self._dialogs.pop()
        self._dialog_changed()


def get_application():
    """The running Live's Application (the simulator's)."""
    HOST.check_thread()
    if HOST.application is None:
        raise RuntimeError("Live is not running")
    return HOST.application
