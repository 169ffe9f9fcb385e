"""The Live set's structure: tracks and scenes created, duplicated, deleted (a part of `Song`).

Every track and scene entering or leaving the set goes into Live's undo
history (a copy of what left, so undo can bring it back as a new object);
the return tracks are not journaled by the simulator.

Every track but the master has a send per return track, returns included ("even the return
track's own output can be routed to its input": Live's manual, "Return Tracks and the Master
Track"): a new return gets sends for the returns before it, and every track a send for it.
"""
from . import _routing
from ._journal import ScenePlace, TrackPlace
from ._lom import signature
from ._scene import Scene
from ._tracks import AUDIO, GROUP, MIDI, RETURN, Track

MAX_RETURNS = 12  # "up to twelve return tracks" (Live's manual)


def _letter(index):
    return chr(ord("A") + index)


class SongStructure(object):
    """The structure half of `Song` (a mixin: Song's own state lives in Song)."""

    # -- building (used by demo sets and by the API below)
    def _add_track(self, kind, name, color_index=0, index=None, group=None):
        track = Track(self, kind, name, color_index, scene_count=len(self._scenes), group=group)
        for letter_index in range(len(self._returns)):
            track._mixer._add_send(_letter(letter_index))
        if index is None or index < 0 or index > len(self._tracks):
            index = len(self._tracks)
        self._put_track(track, index)
        self._history.record_replace(TrackPlace(self, index), None, track)
        if self._view._values["selected_track"] is None:
            self._view._values["selected_track"] = track
        return track

    def _put_track(self, track, index):
        self._tracks.insert(index, track)
        self._notify("tracks")
        self._notify("visible_tracks")
        self._routings_changed()

    def _remove_track(self, index):
        track = self._tracks.pop(index)
        self._transport.stop_track(track, False)
        if self._view._values["selected_track"] is track:
            self._view._select(track=self._tracks[min(index, len(self._tracks) - 1)])
        track._delete()
        self._view._forget_dead()
        self._notify("tracks")
        self._notify("visible_tracks")
        self._routings_changed()

    def _add_group(self, name, color_index=0, index=None, group=None):
        """A group track (no API of Live makes one: a musician groups tracks in Live's UI); the
        tracks it holds are made after it with `_add_track(..., group=it)`."""
        return self._add_track(GROUP, name, color_index, index, group=group)

    def _add_return(self, name, color_index=0):
        letter = _letter(len(self._returns))
        track = Track(self, RETURN, name, color_index)
        for index in range(len(self._returns)):  # its own sends to the returns before it
            track._mixer._add_send(_letter(index))
        self._returns.append(track)
        for other in self._tracks + self._returns:
            other._mixer._add_send(letter)
        self._notify("return_tracks")
        self._routings_changed()
        return track

    def _routings_changed(self):
        """Tracks came, went or were renamed: every track's routing lists may have changed."""
        self._midi_out.refresh_all()  # a deleted track's notes end; one undo brought back sends again
        for track in self._tracks + self._returns:
            track._notify_all(_routing.LIST_PROPS)
            track._notify_all(("input_routing_type", "output_routing_type"))

    def _insert_scene(self, index, name=""):
        if index < 0 or index > len(self._scenes):
            index = len(self._scenes)
        scene = Scene(self, name)
        self._put_scene(scene, [None] * len(self._tracks), index)
        self._history.record_replace(ScenePlace(self, index), None, scene)
        return scene

    def _put_scene(self, scene, slots, index):
        """A scene and its row of slots (None: a new empty slot) enter the set."""
        self._scenes.insert(index, scene)
        for track, slot in zip(self._tracks, slots):
            track._add_slot(index, slot)
        self._notify("scenes")

    def _remove_scene(self, index):
        scene = self._scenes.pop(index)
        for track in self._tracks:
            track._remove_slot(index)
        if self._view._values["selected_scene"] is scene:
            self._view._select(scene=self._scenes[min(index, len(self._scenes) - 1)])
        scene._delete()
        self._view._forget_dead()
        self._notify("scenes")

    def _move_track(self, old_index, new_index):
        """Reorder tracks as a drag in Live's UI does (objects and their ids stay the same).
        Not journaled; as any work in Live's UI, it closes the step a script left open."""
        self._history.ui_action()
        track = self._tracks.pop(old_index)
        self._tracks.insert(new_index, track)
        self._notify("tracks")
        self._notify("visible_tracks")

    def _move_scene(self, old_index, new_index):
        self._history.ui_action()
        scene = self._scenes.pop(old_index)
        self._scenes.insert(new_index, scene)
        for track in self._tracks:
            track._slots.insert(new_index, track._slots.pop(old_index))
            track._notify("clip_slots")
        self._notify("scenes")

    def _update_solo_state(self):
        soloed = [t for t in self._tracks + self._returns if t._values["solo"]]
        for track in self._tracks + self._returns:
            track._update("muted_via_solo", bool(soloed) and track not in soloed)


    # -- structure
    @signature(None, optional=1)
    def create_midi_track(self, index=None):
        track = self._add_track(MIDI, "%d-MIDI" % (len(self._tracks) + 1), 0, -1 if index is None else int(index))
        return track

    @signature(None, optional=1)
    def create_audio_track(self, index=None):
        track = self._add_track(AUDIO, "%d-Audio" % (len(self._tracks) + 1), 0, -1 if index is None else int(index))
        return track

    @signature()
    def create_return_track(self):
        # "If the maximum number of return tracks is exceeded, a RuntimeError is raised." (the dumps)
        if len(self._returns) >= MAX_RETURNS:
            raise RuntimeError("Maximum number of return tracks reached")
        return self._add_return("%s-Return" % _letter(len(self._returns)))

    @signature("int")
    def delete_track(self, index):
        if not 0 <= index < len(self._tracks) or len(self._tracks) == 1:
            raise RuntimeError("Invalid track index")
        track = self._tracks[index]
        gone = [track] + track._members(deep=True)  # a group goes with the tracks it holds
        if len(gone) >= len(self._tracks):
            raise RuntimeError("Invalid track index")
        for doomed in reversed(gone):
            doomed_index = self._tracks.index(doomed)
            self._history.record_replace(TrackPlace(self, doomed_index), doomed, None)
            self._remove_track(doomed_index)

    @signature("int")
    def delete_return_track(self, index):
        if not 0 <= index < len(self._returns):
            raise RuntimeError("Invalid return track index")
        gone = self._returns.pop(index)
        if self._view._values["selected_track"] is gone:
            self._view._select(track=self._returns[min(index, len(self._returns) - 1)] if self._returns
                               else self._tracks[0])
        gone._delete()
        for track in self._tracks + self._returns:
            track._mixer._remove_send(index)
        self._notify("return_tracks")
        self._routings_changed()

    @signature("int")
    def create_scene(self, index):
        return self._insert_scene(index)

    @signature("int")
    def delete_scene(self, index):
        if not 0 <= index < len(self._scenes) or len(self._scenes) == 1:
            raise RuntimeError("Invalid scene index")
        self._history.record_replace(ScenePlace(self, index), self._scenes[index], None)
        self._remove_scene(index)

    @signature("int")
    def duplicate_scene(self, index):
        if not 0 <= index < len(self._scenes):
            raise RuntimeError("Invalid scene index")
        source = self._scenes[index]
        copy = self._insert_scene(index + 1, source._values["name"])
        copy._values["color_index"] = source._values["color_index"]
        copy._values["color"] = source._values["color"]
        for track in self._tracks:
            if track._slots[index]._clip is not None:
                track._slots[index].duplicate_clip_to(track._slots[index + 1])

    @signature("int")
    def duplicate_track(self, index):
        if not 0 <= index < len(self._tracks):
            raise RuntimeError("Invalid track index")
        source = self._tracks[index]
        copy = self._add_track(source._kind, source._values["name"], source._values["color_index"], index + 1)
        for scene_index, slot in enumerate(source._slots):
            if slot._clip is not None:
                slot.duplicate_clip_to(copy._slots[scene_index])
