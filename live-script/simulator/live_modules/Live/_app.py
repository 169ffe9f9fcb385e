"""Application and Application.View."""
from . import _enums, _version
from ._lom import HOST, LomObject, Prop, live_class, signature

MAIN_VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")


@live_class("Application", "View", props={
    "focused_document_view": Prop("Session", "o"),
    "browse_mode": Prop(False, "o"),
    "canonical_parent": Prop(None, get=lambda v: v._app),
})
class ApplicationView(LomObject):
    NavDirection = _enums.View_NavDirection

    def __init__(self, app):
        LomObject.__init__(self)
        self._app = app
        self._visible = set(["Session", "Detail", "Detail/Clip"])

    def _check_view(self, name):
        if name not in MAIN_VIEWS:
            raise RuntimeError("Unknown view: %s" % name)

    @signature(changes=False)
    def available_main_views(self):
        return MAIN_VIEWS

    @signature("str", "bool", optional=1, changes=False)
    def is_view_visible(self, name, main_window_only=True):
        self._check_view(name)
        return name in self._visible

    @signature("str")
    def show_view(self, name):
        self._check_view(name)
        self._visible.add(name)
        if name in ("Session", "Arranger"):
            self._visible.discard("Arranger" if name == "Session" else "Session")
            self._update("focused_document_view", name)

    @signature("str")
    def hide_view(self, name):
        self._check_view(name)
        self._visible.discard(name)

    @signature("str")
    def focus_view(self, name):
        self.show_view(name)

    @signature()
    def toggle_browse(self):
        self._update("browse_mode", not self._values["browse_mode"])


@live_class("Application", props={
    "view": Prop(None, get=lambda a: a._view),
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
    """Live itself: its version, its views and the open document."""

    View = ApplicationView

    def __init__(self, song):
        LomObject.__init__(self)
        self._song = song
        self._view = ApplicationView(self)

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


def get_application():
    """The running Live's Application (the simulator's)."""
    HOST.check_thread()
    if HOST.application is None:
        raise RuntimeError("Live is not running")
    return HOST.application
