"""Notes between JSON and Live's notes API (Live 11+): addressed by `note_id`, never by (time, pitch).

Notes to add are validated with the zod-generated `NOTE_SCHEMAS` and become
`MidiNoteSpecification`s; changes are applied to the notes Live returns
for their ids, then handed back with `apply_note_modifications`, so per-note
data Live keeps is not lost. Nothing is changed when any note is invalid or
missing. One call takes at most `maxNotesPerCall` notes or ids (a call is one
piece of work on Live's main thread); clients send more in several calls.
`remove_notes_by_id` answers which ids it removed and which were not there.
"""
import Live

from .errors import bad_request, not_found
from .protocol import check, flat_checker
from .protocol_constants import LIMITS, NOTE_SCHEMAS

MAX_NOTES = LIMITS["maxNotesPerCall"]
_SPEC_OK = flat_checker(NOTE_SCHEMAS["spec"])
_MODIFICATION_OK = flat_checker(NOTE_SCHEMAS["modification"])

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


def check_count(value, name, where):
    """Refuse, before any work, more notes or ids than one call may take."""
    if isinstance(value, list) and len(value) > MAX_NOTES:
        raise bad_request("%s takes at most %d notes per call (maxNotesPerCall); %s holds %d: send them in "
                          "several calls" % (name, MAX_NOTES, where, len(value)))


def present_ids(clip, ids, live):
    """Which of `ids` the clip has now."""
    found = live(lambda: clip.get_notes_by_id(ids), clip, "get_notes_by_id")
    return set(note.note_id for note in found)


def removal(ids, present):
    """What `remove_notes_by_id` answers: the ids removed and those not there, each once, in the order asked."""
    removed, missing, seen = [], [], set()
    for note_id in ids:
        if note_id not in seen:
            seen.add(note_id)
            (removed if note_id in present else missing).append(note_id)
    return {"removed": removed, "missing": missing}


def specifications(value, where):
    """JSON notes -> MidiNoteSpecifications for `add_new_notes`."""
    notes = _list(value, where)
    if not notes:
        raise bad_request("%s must hold at least one note" % where)
    for index, item in enumerate(notes):
        if not _SPEC_OK(item):
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
        if not _MODIFICATION_OK(item):
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
