"""A MIDI clip's notes: the Live 11+ notes API, the older tuple API, loop duplication and quantize
(private module; `ClipNotes` is a part of `Clip`).

Every change of the notes ends in `_notes_changed()`, which journals the notes
before and after into Live's undo history and tells the `notes` listeners;
undo and redo put a state back with `_restore_notes()`, ids included.
What Live accepts and refuses is settled in live-script/README.md, "Evidence: notes API".
"""
from operator import attrgetter

from ._lom import signature
from ._notes import (IntU64Vector, MidiNoteSpecification, MidiNoteVector, StoredNote, notes_vector,
                     resolve_overlaps)

_ORDER = attrgetter("order")
_STATE = attrgetter("cached_state")

# Clip.quantize's grid (Song.RecordingQuantization values) in beats
_GRID_BEATS = {1: 32.0, 2: 16.0, 3: 8.0, 4: 4.0, 5: 2.0, 6: 1.0, 7: 0.5, 8: 0.25, 9: 0.125}


def _midi_only(clip):
    if not clip._values["is_midi_clip"]:
        raise RuntimeError("This function is only available for MIDI clips")


def _note_ids(note_ids):
    ids = list(note_ids)
    for note_id in ids:
        if not isinstance(note_id, int) or isinstance(note_id, bool):
            raise TypeError("note ids must be integers")
    return ids


def _in_range(note, from_pitch, pitch_span, from_time, time_span):
    return from_pitch <= note.pitch < from_pitch + pitch_span and from_time <= note.start_time < from_time + time_span


def _states_in_range(states, from_pitch, pitch_span, from_time, time_span):
    to_pitch, to_time = from_pitch + pitch_span, from_time + time_span
    return [s for s in states if from_pitch <= s[1] < to_pitch and from_time <= s[2] < to_time]


class ClipNotes(object):
    """The notes half of `Clip` (a mixin: Clip's own state lives in Clip)."""

    # -- the model
    def _add_note(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                  velocity_deviation=0.0, release_velocity=64.0):
        # ids count up and are never given again, not even after a removal or an undo
        note = StoredNote(self._next_note_id, pitch, float(start_time), float(duration), float(velocity),
                          bool(mute), float(probability), float(velocity_deviation), float(release_velocity))
        note.check()
        self._next_note_id += 1
        self._notes.append(note)
        return note

    def _notes_state(self):
        return tuple(map(_STATE, self._notes))

    def _notes_changed(self, touched=()):
        if touched:
            self._notes = resolve_overlaps(self._notes, set(touched))
        self._notes.sort(key=_ORDER)
        state = self._notes_state()
        if state != self._notes_shadow:
            if self._song._history is not None:
                self._song._history.record_notes(self, self._notes_shadow, state)
            self._notes_shadow = state
        self._notify("notes")

    def _restore_notes(self, state):
        selected = set(note.note_id for note in self._notes if note.selected)
        self._notes = [StoredNote.from_state(item) for item in state]
        for note in self._notes:
            note.selected = note.note_id in selected
        self._notes_changed()

    # -- notes (Live 11+ API)
    @signature("int", "int", "float", "float", changes=False)
    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        return notes_vector(_states_in_range(self._notes_shadow, from_pitch, pitch_span, from_time,
                                                         time_span))

    @signature(changes=False)
    def get_all_notes_extended(self):
        _midi_only(self)
        return notes_vector(self._notes_shadow)  # the notes as the last change left them

    @signature(None, changes=False)
    def get_notes_by_id(self, note_ids):
        _midi_only(self)
        wanted = set(_note_ids(note_ids))
        return notes_vector(n.cached_state for n in self._notes if n.note_id in wanted)

    @signature(changes=False)
    def get_selected_notes_extended(self):
        _midi_only(self)
        return notes_vector(n.cached_state for n in self._notes if n.selected)

    @signature(None)
    def add_new_notes(self, specifications):
        _midi_only(self)
        specs = list(specifications)
        for spec in specs:
            if not isinstance(spec, MidiNoteSpecification):
                raise TypeError("add_new_notes expects MidiNoteSpecification objects")
            StoredNote(0, spec.pitch, spec.start_time, spec.duration, spec.velocity, spec.mute,
                       spec.probability, spec.velocity_deviation, spec.release_velocity).check()
        ids = [self._add_note(s.pitch, s.start_time, s.duration, s.velocity, s.mute, s.probability,
                              s.velocity_deviation, s.release_velocity).note_id for s in specs]
        self._notes_changed(ids)
        return IntU64Vector(ids)

    @signature(None)
    def apply_note_modifications(self, notes):
        _midi_only(self)
        if not isinstance(notes, MidiNoteVector):
            raise TypeError("apply_note_modifications expects a MidiNoteVector")
        by_id = dict((n.note_id, n) for n in self._notes)
        changed = []
        for modified in notes:
            stored = by_id.get(modified.note_id)
            if stored is None:
                # Live's doc: the list "must not contain any notes that are not present in the clip";
                # what Live does then is unknown, so the simulator refuses (nothing is changed)
                raise RuntimeError("Note %d is not present in the clip" % modified.note_id)
            candidate = StoredNote(stored.note_id, int(modified.pitch), float(modified.start_time),
                                   float(modified.duration), float(modified.velocity), bool(modified.mute),
                                   float(modified.probability), float(modified.velocity_deviation),
                                   float(modified.release_velocity))
            candidate.check()
            changed.append((stored, candidate))
        for stored, candidate in changed:
            for field in ("pitch", "start_time", "duration", "velocity", "mute", "probability",
                          "velocity_deviation", "release_velocity"):
                setattr(stored, field, getattr(candidate, field))
            stored.refresh()
        self._notes_changed([stored.note_id for stored, _ in changed])

    @signature(None)
    def remove_notes_by_id(self, note_ids):
        _midi_only(self)
        doomed = set(_note_ids(note_ids))  # "all notes matching": ids that match nothing are no error
        self._notes = [n for n in self._notes if n.note_id not in doomed]
        self._notes_changed()

    @signature("int", "int", "float", "float")
    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        self._notes = [n for n in self._notes if not _in_range(n, from_pitch, pitch_span, from_time, time_span)]
        self._notes_changed()

    @signature(None, None, "int", optional=2)
    def duplicate_notes_by_id(self, note_ids, destination_time=None, transposition_amount=0):
        _midi_only(self)
        wanted = set(_note_ids(note_ids))
        originals = [n for n in self._notes if n.note_id in wanted]
        if not originals:
            return IntU64Vector()
        offset = 0.0 if destination_time is None else float(destination_time) - min(n.start_time for n in originals)
        ids = [self._add_note(n.pitch + transposition_amount, n.start_time + offset, n.duration, n.velocity, n.mute,
                              n.probability, n.velocity_deviation, n.release_velocity).note_id for n in originals]
        self._notes_changed(ids)
        return IntU64Vector(ids)

    # selection is no change of the set: not in the undo history
    @signature()
    def select_all_notes(self):
        for note in self._notes:
            note.selected = True

    @signature()
    def deselect_all_notes(self):
        for note in self._notes:
            note.selected = False

    @signature(None)
    def select_notes_by_id(self, note_ids):
        wanted = set(_note_ids(note_ids))
        for note in self._notes:
            note.selected = note.note_id in wanted

    # -- notes (the tuple API older scripts use)
    @signature("float", "int", "float", "int", changes=False)
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        _midi_only(self)
        return tuple((n.pitch, n.start_time, n.duration, n.velocity, n.mute) for n in self._notes
                     if _in_range(n, from_pitch, pitch_span, from_time, time_span))

    @signature(None)
    def set_notes(self, notes):
        _midi_only(self)
        for pitch, start, duration, velocity, mute in notes:
            self._add_note(pitch, start, duration, velocity, mute)
        self._notes_changed()

    @signature("float", "int", "float", "int")
    def remove_notes(self, from_time, from_pitch, time_span, pitch_span):
        self.remove_notes_extended(from_pitch, pitch_span, from_time, time_span)

    # -- loop editing
    @signature()
    def duplicate_loop(self):
        start, end = self._values["loop_start"], self._values["loop_end"]
        length = end - start
        for note in [n for n in self._notes if start <= n.start_time < end]:
            self._add_note(note.pitch, note.start_time + length, note.duration, note.velocity, note.mute,
                           note.probability, note.velocity_deviation, note.release_velocity)
        self._update("loop_end", end + length)
        if self._values["end_marker"] < end + length:
            self._update("end_marker", end + length)
        self._notes_changed()

    @signature("int", "float")
    def quantize(self, grid, amount):
        grid_beats = _GRID_BEATS.get(grid)
        if grid_beats is None:
            raise RuntimeError("Invalid quantization grid")
        for note in self._notes:
            target = round(note.start_time / grid_beats) * grid_beats
            note.start_time = note.start_time + (target - note.start_time) * amount
            note.refresh()
        self._notes_changed()
