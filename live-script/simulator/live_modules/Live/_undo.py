"""Live's undo history, as remote scripts meet it (private module).

The model journals reversible changes where it changes values (`_update` of
properties declared undoable, a clip's notes and envelopes, clips, tracks and scenes
entering or leaving the set); this module groups them into steps the way
real Live does, as far as public evidence shows (live-script/README.md,
"Evidence: undo"):
- a script's changes are NOT one step per call: they gather in one open step
  until something closes it: `end_undo_step()` (balanced with
  `begin_undo_step()`, counted when nested), `undo()`/`redo()`, or the
  musician working in Live's UI (`ui_action()` here);
- the step is taken into the history when the current main-thread turn ends
  (`end_turn()`, called by the host), so `can_undo` lags behind a change and
  two begin/end pairs in one turn are one step; empty steps are dropped;
- device parameter values and track names are steps of their own, even inside
  begin/end; a parameter's writes while it is touched (`begin_gesture`) merge;
- a new change clears the redo stack; `undo()`/`redo()` return
  "Undo <name>"/"Redo <name>" (API steps are named "Custom Action");
- while Live undoes or redoes, listeners fire as for any change, and no change
  may be made from them.
"""
import contextlib

from ._journal import EnvelopesChange, NotesChange, Replace, ValueChange
from ._lom import HOST

STEP_NAME = "Custom Action"


class Step(object):
    def __init__(self, name=STEP_NAME):
        self.name = name
        self.changes = []
        self._by_key = {}
        self.merge_key = None  # an own step that later writes to the same touched parameter join

    def add(self, change):
        known = self._by_key.get(change.key) if change.key is not None else None
        if known is not None:
            known.absorb(change)
            return
        if change.key is not None:
            self._by_key[change.key] = change
        self.changes.append(change)

    def is_empty(self):
        return all(change.is_empty() for change in self.changes)

    def revert(self, history):
        for change in reversed(self.changes):
            change.revert(history)

    def replay(self, history):
        for change in self.changes:
            change.replay(history)


class History(object):
    def __init__(self):
        self.clear()

    def clear(self):
        """A set just opened: nothing to undo."""
        self._done = []
        self._undone = []
        self._group = None
        self._own = []
        self._depth = 0
        self._close_asked = False
        self._suspended = 0
        self._aliases = {}

    # ------------------------------------------------------------ what the API offers
    @property
    def can_undo(self):
        return bool(self._done)

    @property
    def can_redo(self):
        return bool(self._undone)

    def begin(self):
        self._depth += 1

    def end(self):
        # an end without a begin is harmless: it only asks to close the open step
        self._depth = max(0, self._depth - 1)
        if self._depth == 0:
            self._close_asked = True

    def undo(self):
        return self._move(self._done, self._undone, "Undo ", Step.revert)

    def redo(self):
        return self._move(self._undone, self._done, "Redo ", Step.replay)

    def _move(self, source, target, verb, action):
        self._commit_all()  # Cmd-Z after a script's changes takes them back at once
        if not source:
            return ""
        step = source.pop()
        self._suspended += 1
        HOST.undoing += 1
        try:
            action(step, self)
        finally:
            HOST.undoing -= 1
            self._suspended -= 1
        target.append(step)
        return verb + step.name

    # ------------------------------------------------------------ what the model and host call
    @property
    def recording(self):
        return self._suspended == 0

    def record(self, change, own=False, merge_key=None):
        if self._suspended:
            return
        self._undone = []
        if not own:
            if self._group is None:
                self._group = Step()
            self._group.add(change)
            return
        last = self._own[-1] if self._own else (self._done[-1] if self._done else None)
        if last is not None and last.merge_key is not None and last.merge_key == merge_key:
            last.add(change)
            return
        step = Step()
        step.merge_key = merge_key
        step.add(change)
        self._own.append(step)

    def record_value(self, obj, name, old, new, own):
        merge_key = None
        if own:
            # writes in one turn, or while the parameter is touched, are one step
            merge_key = (obj, name, getattr(obj, "_touch", None) or ("turn", HOST.turn))
        self.record(ValueChange(obj, name, old, new), own, merge_key)

    def record_notes(self, clip, old, new):
        self.record(NotesChange(clip, old, new))

    def record_envelopes(self, clip, old, new):
        self.record(EnvelopesChange(clip, old, new))

    def record_replace(self, place, gone, present):
        if self.recording:  # a snapshot costs a copy: only when it is kept
            self.record(Replace(place, gone, present))

    def end_turn(self):
        """The host's main-thread turn ends: own steps, and the group if it was closed, enter the history."""
        self._commit_own()
        if self._close_asked and self._depth == 0:
            self._commit_group()
        self._close_asked = False
        HOST.turn += 1

    def ui_action(self):
        """The musician does something in Live's UI: the script's open step is closed first."""
        self._commit_all()

    def alias(self, original, copy):
        self._aliases[original] = copy

    def resolve(self, obj):
        """The object that stands for `obj` now (a restored copy when it was deleted and brought back)."""
        while obj in self._aliases:
            obj = self._aliases[obj]
        return obj

    # ------------------------------------------------------------ steps
    def _commit_own(self):
        for step in self._own:
            self._keep(step)
        self._own = []

    def _commit_group(self):
        if self._group is not None:
            self._keep(self._group)
        self._group = None

    def _commit_all(self):
        self._commit_own()
        self._commit_group()

    def _keep(self, step):
        if not step.is_empty():
            self._done.append(step)


@contextlib.contextmanager
def unrecorded():
    """Changes Live makes by itself (playing, recording, automation) stay out of the history."""
    history = HOST.history
    if history is None:
        yield
        return
    history._suspended += 1
    try:
        yield
    finally:
        history._suspended -= 1
