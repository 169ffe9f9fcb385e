"""One handler per operation of the protocol (protocol/src/script.ts)."""
from . import notes
from .automatable import Automatable
from .automation import Automation
from .describe import Describer
from .errors import bad_request
from .protocol import ok_reply
from .protocol_constants import PROTOCOL_VERSION
from .replies import LongReply, Stepped, is_long
from .revisions import ENVELOPE_REVISION

# Functions whose arguments are notes or note ids: how to convert their first argument.
NOTE_ARGUMENTS = {
    "add_new_notes": "specifications",
    "apply_note_modifications": "modifications",
    "get_notes_by_id": "ids",
    "remove_notes_by_id": "ids",
    "select_notes_by_id": "ids",
    "duplicate_notes_by_id": "ids",
}
# Song functions that open and close a step of Live's undo history, counted per connection.
UNDO_STEP_CALLS = ("begin_undo_step", "end_undo_step")
# Return types that are not Live objects and cannot travel: refuse before calling.
UNSENDABLE_RETURNS = {"AutomationEnvelope": "use read_envelope and write_envelope"}
# Calls that change envelopes, by the class they are made on: they bump the clip's envelope_revision.
ENVELOPE_CALLS = {
    "Clip": ("clear_envelope", "clear_all_envelopes", "create_automation_envelope", "duplicate_loop", "crop"),
    "Envelope": ("insert_step", "delete_events_in_range"),
}
# Song calls after which any envelope may have changed: every clip's revision grows.
HISTORY_CALLS = ("undo", "redo")


def _is_path_target(target):
    """Replies tell the object's reference when the request named it by a path."""
    parts = target.split()
    return not (len(parts) == 2 and parts[0] == "id")


class Handlers(object):
    def __init__(self, facts, set_name, resolver, converter, hub, major, revisions, highlight=None):
        self._facts = facts  # what hello tells: fixed for the script's life
        self._highlight = highlight  # the control surface's set_session_highlight
        self._set_name = set_name  # the set's name can change: asked at each hello
        self._resolver = resolver
        self._converter = converter
        self._hub = hub
        self._major = major
        self._api = resolver.api
        self._revisions = revisions
        self._automation = Automation(resolver, major, revisions)
        self._automatable = Automatable(resolver)
        self._describer = Describer(resolver, converter, major)
        self._ops = {
            "get": self.get,
            "set": self.set,
            "call": self.call,
            "observe": self.observe,
            "unobserve": self.unobserve,
            "describe": self.describe,
            "gesture": self.gesture,
            "read_envelope": self.read_envelope,
            "write_envelope": self.write_envelope,
            "erase_envelope": self.erase_envelope,
            "envelope_parameters": self.envelope_parameters,
            "session_box": self.session_box,
        }

    def handle(self, conn, request):
        op = request["op"]
        if op == "hello":
            return self.hello(conn, request)
        if not conn.greeted:
            raise bad_request("the first request on a connection must be hello")
        return self._ops[op](conn, request)

    def _reply(self, request, result, obj=None):
        ref = None
        if obj is not None and "target" in request and _is_path_target(request["target"]):
            ref = self._resolver.ref(obj)
        return ok_reply(request["id"], result, ref)

    def _value_reply(self, request, value, obj):
        """The reply with Live's `value` as JSON; a long list (a clip's notes) is converted a slice per step."""
        if is_long(value):
            ref = self._resolver.ref(obj) if _is_path_target(request["target"]) else None
            return LongReply(request["id"], value, self._converter.to_json, ref)
        return self._reply(request, self._converter.to_json(value), obj)

    # ------------------------------------------------------------ operations
    def hello(self, conn, request):
        if request["protocol"] != PROTOCOL_VERSION:
            raise bad_request("this script speaks protocol %d, not %d" % (PROTOCOL_VERSION, request["protocol"]))
        conn.greeted = True
        conn.client = request["client"]
        facts = dict(self._facts, set_name=self._set_name())
        return ok_reply(request["id"], facts)

    def get(self, conn, request):
        obj = self._resolver.resolve(request["target"])
        prop = request.get("prop")
        if prop is None:
            return ok_reply(request["id"], self._resolver.ref(obj))
        if prop == ENVELOPE_REVISION and self._is_clip(obj):
            return self._reply(request, self._revisions.read(obj), obj)
        return self._value_reply(request, self._resolver.read(obj, prop), obj)

    def _is_clip(self, obj):
        return self._api.live_class_of(obj).is_a("Clip")

    def set(self, conn, request):
        obj = self._resolver.resolve(request["target"])
        prop = request["prop"]
        info = self._api.live_class_of(obj).settable(prop, self._major)
        value = self._converter.from_json(request["value"], info.get("type"), "value")
        self._resolver.live(lambda: setattr(obj, prop, value), obj, prop)
        return self._reply(request, self._converter.to_json(self._resolver.read(obj, prop)), obj)

    def call(self, conn, request):
        obj = self._resolver.resolve(request["target"])
        name = request["fn"]
        info = self._api.live_class_of(obj).callable(name, self._major)
        returns = info.get("returns")
        if returns in UNSENDABLE_RETURNS:
            raise bad_request("%s returns a %s, which cannot travel: %s" % (name, returns, UNSENDABLE_RETURNS[returns]))
        args = self._arguments(obj, name, info, request.get("args") or [])
        api_class = self._api.live_class_of(obj)
        removing = name == "remove_notes_by_id" and api_class.is_a("Clip") and args
        if removing:  # Live's function tells nothing: which of the ids are there is asked first
            present = notes.present_ids(obj, args[0], self._resolver.live)
        result = self._resolver.live(lambda: getattr(obj, name)(*args), obj, name)
        if removing:
            return self._reply(request, notes.removal(args[0], present), obj)
        if api_class.is_a("Song"):
            if name in UNDO_STEP_CALLS:
                self._count_undo_step(conn, obj, name)
            elif name in HISTORY_CALLS:
                self._revisions.bump_all()
        elif name in ENVELOPE_CALLS.get(api_class.short, ()):
            clip = obj if api_class.is_a("Clip") else self._resolver.live(lambda: obj.canonical_parent, obj, name)
            self._revisions.bump(clip)
        return self._value_reply(request, result, obj)

    def _count_undo_step(self, conn, song, name):
        if name == "begin_undo_step":
            conn.undo_steps.append(song)
        elif conn.undo_steps:
            conn.undo_steps.pop()  # an extra end is Live's business (harmless there), not counted here

    def _arguments(self, obj, name, info, raw):
        declared = info.get("args")
        if declared is not None:
            required = info.get("optional_from", len(declared))
            if not required <= len(raw) <= len(declared):
                expected = str(required) if required == len(declared) else "%d to %d" % (required, len(declared))
                raise bad_request("%s takes %s argument%s, got %d" % (
                    name, expected, "" if expected == "1" else "s", len(raw)))
        args = []
        for index, value in enumerate(raw):
            where = "args[%d]" % index
            special = NOTE_ARGUMENTS.get(name) if index == 0 else None
            if special is not None:
                notes.check_count(value, name, where)
            if special == "specifications":
                args.append(notes.specifications(value, where))
            elif special == "modifications":
                args.append(notes.modifications(obj, value, where, self._resolver.live))
            elif special == "ids":
                args.append(notes.note_ids(value, where))
            else:
                kind = declared[index][1] if declared is not None else None
                args.append(self._converter.from_json(value, kind, where))
        return args

    def observe(self, conn, request):
        obj = self._resolver.resolve(request["target"])
        prop = request["prop"]
        if prop == ENVELOPE_REVISION and self._is_clip(obj):
            has_value = True  # the script's own property (revisions.py)
        else:
            has_value = self._api.live_class_of(obj).observable(prop, self._major)
        value = self._hub.observe(conn, request["id"], obj, prop, has_value)
        return ok_reply(request["id"], value, self._resolver.ref(obj))  # always: the bridge restores by path

    def unobserve(self, conn, request):
        self._hub.unobserve(conn, request["obs"])
        return ok_reply(request["id"], None)

    def describe(self, conn, request):
        obj = self._resolver.resolve(request["target"])
        return ok_reply(request["id"], self._describer.describe(obj))

    def gesture(self, conn, request):
        parameter = self._resolver.resolve(request["target"])
        if not self._api.live_class_of(parameter).is_a("DeviceParameter"):
            raise bad_request("gestures are for a DeviceParameter")
        object_id = self._resolver.registry.id_of(parameter)
        touching = object_id in conn.gestures
        if request["phase"] == "begin" and not touching:
            self._resolver.live(parameter.begin_gesture, parameter, "begin_gesture")
            conn.gestures[object_id] = parameter
        elif request["phase"] == "end" and touching:
            del conn.gestures[object_id]
            self._resolver.live(parameter.end_gesture, parameter, "end_gesture")
        return self._reply(request, None, parameter)

    def end_gestures(self, conn):
        """A client that leaves mid-drag must not leave Live's controls touched."""
        for parameter in conn.gestures.values():
            try:
                parameter.end_gesture()
            except Exception:
                pass
        conn.gestures.clear()

    def end_undo_steps(self, conn):
        """A client that leaves mid-gesture must not leave Live's undo step open: Live would
        fold everything after it into that step, the musician's own edits included."""
        while conn.undo_steps:
            song = conn.undo_steps.pop()
            try:
                song.end_undo_step()
            except Exception:
                pass  # the set is closing: nothing is left to end

    def read_envelope(self, conn, request):
        return Stepped(request["id"], self._automation.read(request))

    def write_envelope(self, conn, request):
        return Stepped(request["id"], self._automation.write(request))

    def erase_envelope(self, conn, request):
        return ok_reply(request["id"], self._automation.erase(request))

    def envelope_parameters(self, conn, request):
        return ok_reply(request["id"], self._automatable.parameters(request))

    def session_box(self, conn, request):
        """Outlines in Live's Session view the part a tablet shows (hardware controllers' "red box");
        -1s hide it, as Live's own scripts do when their session component is disabled."""
        box = request["box"]
        if box is None:
            area = (-1, -1, -1, -1)
        else:
            area = (box["track_offset"], box["scene_offset"], box["width"], box["height"])
        if self._highlight is not None:
            self._highlight(area[0], area[1], area[2], area[3], False)
        return ok_reply(request["id"], None)
