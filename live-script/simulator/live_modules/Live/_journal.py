"""The entries of Live's undo history: reversible changes (private module).

Each entry can be reverted and replayed. Entries with a `key` absorb later
changes of the same thing within a step (a drag that moves a loop end a
hundred times is one change from the first value to the last); a step is
reverted in reverse order and replayed in order, so every entry meets the
set as it was when it was recorded.
"""
from ._snapshots import Snapshot


class ValueChange(object):
    """A stored property value of a Live object."""

    def __init__(self, obj, name, old, new):
        self.obj, self.name, self.old, self.new = obj, name, old, new
        self.key = (obj, name)

    def absorb(self, later):
        self.new = later.new

    def is_empty(self):
        return self.old == self.new and type(self.old) is type(self.new)

    def revert(self, history):
        history.resolve(self.obj)._restore(self.name, self.old)

    def replay(self, history):
        history.resolve(self.obj)._restore(self.name, self.new)


class NotesChange(object):
    """A clip's notes that changed: {note id: state tuple, or None where there was no note}, before
    and after (`NoteStore.take_changes`), so a step of a 40,000-note clip holds only what it changed."""

    def __init__(self, clip, old, new):
        self.obj, self.old, self.new = clip, old, new
        self.key = (clip, "notes")

    def absorb(self, later):
        for note_id, state in later.old.items():
            self.old.setdefault(note_id, state)
        self.new.update(later.new)

    def is_empty(self):
        return all(self.old[note_id] == state for note_id, state in self.new.items())

    def revert(self, history):
        history.resolve(self.obj)._restore_notes(self.old)

    def replay(self, history):
        history.resolve(self.obj)._restore_notes(self.new)


class EnvelopesChange(object):
    """A clip's envelopes, before and after (`Clip._envelopes_state()`: parameters and points)."""

    def __init__(self, clip, old, new):
        self.obj, self.old, self.new = clip, old, new
        self.key = (clip, "envelopes")

    def absorb(self, later):
        self.new = later.new

    def is_empty(self):
        return self.old == self.new

    def revert(self, history):
        history.resolve(self.obj)._restore_envelopes(self.old, history.resolve)

    def replay(self, history):
        history.resolve(self.obj)._restore_envelopes(self.new, history.resolve)


class Replace(object):
    """Something entered or left a place in the set (a clip in a slot, a track or a
    scene in the song). Both ways swap: what is there leaves (as a snapshot),
    what is not there comes back (as a new object)."""

    key = None

    def __init__(self, place, gone, present):
        self.place = place
        self.gone = Snapshot(place.members(gone)) if gone is not None else None
        self.present = present

    def is_empty(self):
        return self.gone is None and self.present is None

    def revert(self, history):
        self._swap(history)

    def replay(self, history):
        self._swap(history)

    def _swap(self, history):
        present = history.resolve(self.present) if self.present is not None else None
        leaving = None
        if present is not None:
            leaving = Snapshot(self.place.members(present))
            self.place.take(history, present)
        coming = None
        if self.gone is not None:
            coming = self.place.put(history, self.gone.revive(history))
        self.gone, self.present = leaving, coming


class SlotPlace(object):
    """A clip slot's clip."""

    def __init__(self, slot):
        self.slot = slot

    def members(self, clip):
        return [clip]

    def take(self, history, clip):
        history.resolve(self.slot)._remove_clip()

    def put(self, history, revived):
        slot = history.resolve(self.slot)
        clip = revived[0]
        clip._moved_to(slot, history.resolve)
        slot._set_clip(clip)
        return clip


class TrackPlace(object):
    """A track of the song, at its index."""

    def __init__(self, song, index):
        self.song, self.index = song, index

    def members(self, track):
        return [track]

    def take(self, history, track):
        self.song._remove_track(self.song._tracks.index(track))

    def put(self, history, revived):
        self.song._put_track(revived[0], self.index)
        return revived[0]


class ScenePlace(object):
    """A scene of the song, with the row of clip slots it owns in every track."""

    def __init__(self, song, index):
        self.song, self.index = song, index

    def members(self, scene):
        index = self.song._scenes.index(scene)
        return [scene] + [track._slots[index] for track in self.song._tracks]

    def take(self, history, scene):
        self.song._remove_scene(self.song._scenes.index(scene))

    def put(self, history, revived):
        slots = revived[1:]
        for slot in slots:
            if slot._clip is not None:
                slot._clip._moved_to(slot, history.resolve)
        self.song._put_scene(revived[0], slots, self.index)
        return revived[0]
