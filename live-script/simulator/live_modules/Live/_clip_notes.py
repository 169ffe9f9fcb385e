"""A MIDI clip's notes: the Live 11+ notes API, the older tuple API, loop duplication and quantize
(private module; `ClipNotes` is a part of `Clip`).

Every change of the notes ends in `_notes_changed()`, which journals the notes
before and after into Live's undo history and tells the `notes` listeners;
undo and redo put a state back with `_restore_notes()`, ids included.
What Live accepts and refuses is settled in live-script/README.md, "Evidence: notes API".
"""
from ._lom import signature
from ._note_store import DURATION, MUTE, PITCH, START
from ._notes import IntU64Vector, MidiNoteSpecification, MidiNoteVector, note_state, notes_vector

# Clip.quantize's grid (Song.RecordingQuantization values) in beats
_GRID_BEATS = {1: 32.0, 2: 16.0, 3: 8.0, 4: 4.0, 5: 2.0, 6: 1.0, 7: 0.5, 8: 0.25, 9: 0.125}
_NOTE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute", "probability", "velocity_deviation",
                "release_velocity")


def _midi_only(clip):
    if not clip._values["is_midi_clip"]:
        raise RuntimeError("This function is only available for MIDI clips")


def _old_note(note):
    """(pitch, time, duration, velocity, mute) of the tuple API, as Live's C++ reads it."""
    if not isinstance(note, tuple) or len(note) != 5:
        raise TypeError("a note is a tuple of (pitch, time, duration, velocity, mute)")
    return note


def _note_ids(note_ids):
    ids = list(note_ids)
    for note_id in ids:
        if not isinstance(note_id, int) or isinstance(note_id, bool):
            raise TypeError("note ids must be integers")
    return ids


class ClipNotes(object):
    """The notes half of `Clip` (a mixin: Clip's own state lives in Clip)."""

    # -- the model
    def _new_note_id(self):
        # ids count up and are never given again, not even after a removal or an undo
        note_id = self._next_note_id
        self._next_note_id += 1
        return note_id

    def _add_note(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                  velocity_deviation=0.0, release_velocity=64.0):
        """A note in, without Live's overlap rule (recordings, loop copies, the demo set)."""
        state = note_state(self._next_note_id, pitch, start_time, duration, velocity, mute, probability,
                           velocity_deviation, release_velocity)
        self._new_note_id()
        self._notes.put(state)
        return state[0]

    def _notes_changed(self):
        before, after = self._notes.take_changes()
        if before and self._song._history is not None:
            self._song._history.record_notes(self, before, after)
        self._notify("notes")

    def _restore_notes(self, states):
        self._notes.restore(states)
        self._notes_changed()

    def _notes_in(self, from_pitch, pitch_span, from_time, time_span):
        to_pitch = from_pitch + pitch_span
        return [s for s in self._notes.starting_in(from_time, from_time + time_span)
                if from_pitch <= s[PITCH] < to_pitch]

    # -- notes (Live 11+ API)
    @signature("int", "int", "float", "float", changes=False)
    def get_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        return notes_vector(self._notes_in(from_pitch, pitch_span, from_time, time_span))

    @signature(changes=False)
    def get_all_notes_extended(self):
        _midi_only(self)
        return notes_vector(self._notes.ordered())

    @signature(None, changes=False)
    def get_notes_by_id(self, note_ids):
        _midi_only(self)
        return notes_vector(self._notes.in_clip_order(_note_ids(note_ids)))

    @signature(changes=False)
    def get_selected_notes_extended(self):
        _midi_only(self)
        return notes_vector(self._notes.in_clip_order(self._notes.selected))

    @signature(None)
    def add_new_notes(self, specifications):
        _midi_only(self)
        specs = list(specifications)
        for spec in specs:
            if not isinstance(spec, MidiNoteSpecification):
                raise TypeError("add_new_notes expects MidiNoteSpecification objects")
        states = [note_state(0, *[getattr(spec, field) for field in _NOTE_FIELDS]) for spec in specs]  # all checked first
        states = [(self._new_note_id(),) + state[1:] for state in states]
        ids = [state[0] for state in states]
        self._notes.place(states)
        self._notes_changed()
        return IntU64Vector(ids)

    @signature(None)
    def apply_note_modifications(self, notes):
        _midi_only(self)
        if not isinstance(notes, MidiNoteVector):
            raise TypeError("apply_note_modifications expects a MidiNoteVector")
        changed = []
        for modified in notes:
            if modified.note_id not in self._notes:
                # Live's doc: the list "must not contain any notes that are not present in the clip";
                # what Live does then is unknown, so the simulator refuses (nothing is changed)
                raise RuntimeError("Note %d is not present in the clip" % modified.note_id)
            changed.append(note_state(modified.note_id, *[getattr(modified, field) for field in _NOTE_FIELDS]))
        self._notes.place(changed)
        self._notes_changed()

    @signature(None)
    def remove_notes_by_id(self, note_ids):
        _midi_only(self)
        for note_id in _note_ids(note_ids):  # "all notes matching": ids that match nothing are no error
            self._notes.remove(note_id)
        self._notes_changed()

    @signature("int", "int", "float", "float")
    def remove_notes_extended(self, from_pitch, pitch_span, from_time, time_span):
        _midi_only(self)
        for state in self._notes_in(from_pitch, pitch_span, from_time, time_span):
            self._notes.remove(state[0])
        self._notes_changed()

    @signature(None, None, "int", optional=2)
    def duplicate_notes_by_id(self, note_ids, destination_time=None, transposition_amount=0):
        _midi_only(self)
        originals = self._notes.in_clip_order(_note_ids(note_ids))
        if not originals:
            return IntU64Vector()
        offset = 0.0 if destination_time is None else float(destination_time) - min(s[START] for s in originals)
        copies = [note_state(0, s[PITCH] + transposition_amount, s[START] + offset, *s[DURATION:]) for s in originals]
        copies = [(self._new_note_id(),) + state[1:] for state in copies]
        self._notes.place(copies)
        self._notes_changed()
        return IntU64Vector([state[0] for state in copies])

    # selection is no change of the set: not in the undo history
    @signature()
    def select_all_notes(self):
        self._notes.selected = set(state[0] for state in self._notes.ordered())

    @signature()
    def deselect_all_notes(self):
        self._notes.selected = set()

    @signature(None)
    def select_notes_by_id(self, note_ids):
        self._notes.selected = set(note_id for note_id in _note_ids(note_ids) if note_id in self._notes)

    # -- notes (the tuple API older scripts use)
    @signature("float", "int", "float", "int", changes=False)
    def get_notes(self, from_time, from_pitch, time_span, pitch_span):
        _midi_only(self)
        return tuple(s[PITCH:MUTE + 1] for s in self._notes_in(from_pitch, pitch_span, from_time, time_span))

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
        for state in self._notes.starting_in(start, end):
            self._add_note(state[PITCH], state[START] + length, *state[DURATION:])
        self._update("loop_end", end + length)
        if self._values["end_marker"] < end + length:
            self._update("end_marker", end + length)
        self._notes_changed()

    @signature("int", "float")
    def quantize(self, grid, amount):
        self._quantize([s for s in self._notes.ordered()], grid, amount)

    @signature("int", "int", "float")
    def quantize_pitch(self, pitch, grid, amount):
        # "Quantize all the notes of a given pitch. Raises an error on audio clips." (the dumps)
        _midi_only(self)
        self._quantize([s for s in self._notes.ordered() if s[PITCH] == pitch], grid, amount)

    def _quantize(self, states, grid, amount):
        grid_beats = _GRID_BEATS.get(grid)
        if grid_beats is None:
            raise RuntimeError("Invalid quantization grid")
        for state in states:
            target = round(state[START] / grid_beats) * grid_beats
            self._notes.put(state[:START] + (state[START] + (target - state[START]) * amount,) + state[START + 1:])
        self._notes_changed()

    @signature("float", "float", "float", "int", "int", optional=2)
    def duplicate_region(self, region_start, region_length, destination_time, pitch=-1, transposition_amount=0):
        # "Duplicate the notes in the specified region to the destination_time. Only notes of the
        # specified pitch are duplicated or all if pitch is -1 ... Raises an error on audio clips."
        _midi_only(self)
        originals = [s for s in self._notes.starting_in(region_start, region_start + region_length)
                     if pitch == -1 or s[PITCH] == pitch]
        offset = destination_time - region_start
        copies = [note_state(0, s[PITCH] + transposition_amount, s[START] + offset, *s[DURATION:]) for s in originals]
        self._notes.place([(self._new_note_id(),) + state[1:] for state in copies])
        self._notes_changed()

    # -- the selection in the older tuple form
    @signature(changes=False)
    def get_selected_notes(self):
        # "a tuple of tuples where each inner tuple represents a selected note. The inner tuple
        # contains pitch, time, duration, velocity, and mute state." (the dumps)
        _midi_only(self)
        return tuple(s[PITCH:MUTE + 1] for s in self._notes.in_clip_order(self._notes.selected))

    @signature("tuple")
    def replace_selected_notes(self, notes):
        # "Called with a tuple of tuples ... in the same format as returned by get_selected_notes.
        # The notes described that way will then be used to replace the old selection." (the dumps)
        _midi_only(self)
        states = [note_state(0, *_old_note(note)) for note in notes]  # all checked first
        for note_id in list(self._notes.selected):
            self._notes.remove(note_id)
        states = [(self._new_note_id(),) + state[1:] for state in states]
        kept = self._notes.place(states)
        self._notes.selected = set(kept)  # the new notes are the selection (no evidence)
        self._notes_changed()
