"""Notes between JSON and Live's notes API (Live 11+): addressed by `note_id`, never by (time, pitch).

Notes to add are validated with the zod-generated `NOTE_SCHEMAS` and become
`MidiNoteSpecification`s; changes are applied to the notes Live returns
for their ids, then handed back with `apply_note_modifications`, so per-note
data Live keeps is not lost. Nothing is changed when any note is invalid or
missing.
"""
import Live

from .errors import bad_request, not_found
from .protocol import check
from .protocol_constants import NOTE_SCHEMAS

_INTEGER_FIELDS = ("pitch",)
_BOOLEAN_FIELDS = ("mute",)


def _typed(field, value):
    if field in _INTEGER_FIELDS:
        return int(value)
    if field in _BOOLEAN_FIELDS:
        return bool(value)
    return float(value)


def _list(value, where):
    if not isinstance(value, list):
        raise bad_request("%s must be a list" % where)
    return value


def specifications(value, where):
    """JSON notes -> MidiNoteSpecifications for `add_new_notes`."""
    notes = _list(value, where)
    if not notes:
        raise bad_request("%s must hold at least one note" % where)
    for index, item in enumerate(notes):
        check(item, NOTE_SCHEMAS["spec"], "%s[%d]" % (where, index))
    return tuple(
        Live.Clip.MidiNoteSpecification(**dict((field, _typed(field, v)) for field, v in item.items()))
        for item in notes
    )


def note_ids(value, where):
    ids = _list(value, where)
    for index, note_id in enumerate(ids):
        if isinstance(note_id, bool) or not isinstance(note_id, (int, float)) or note_id < 0 \
                or float(note_id) != int(note_id):
            raise bad_request("%s[%d] must be a note id (an integer)" % (where, index))
    return tuple(int(note_id) for note_id in ids)


def modifications(clip, value, where, live):
    """JSON changes by note id -> the MidiNoteVector `apply_note_modifications` wants."""
    changes = _list(value, where)
    if not changes:
        raise bad_request("%s must hold at least one note change" % where)
    by_id = {}
    for index, item in enumerate(changes):
        check(item, NOTE_SCHEMAS["modification"], "%s[%d]" % (where, index))
        note_id = int(item["note_id"])
        if note_id in by_id:
            raise bad_request("%s changes note %d twice" % (where, note_id))
        by_id[note_id] = item
    notes = live(lambda: clip.get_notes_by_id(tuple(by_id)), clip, "get_notes_by_id")
    missing = sorted(set(by_id) - set(note.note_id for note in notes))
    if missing:
        raise not_found("no note with id %s in this clip" % ", ".join(str(n) for n in missing))
    for note in notes:
        for field, new_value in by_id[note.note_id].items():
            if field != "note_id":
                setattr(note, field, _typed(field, new_value))
    return notes
