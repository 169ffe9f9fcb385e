"""Live's scales: the names `Song.scale_name` takes and the intervals `scale_intervals` reports (private module).

The names and their order are the ones the dumps' docstring of `Song.scale_name`
lists ("The default scale names that can be saved with a set and recalled"), with
Live 11's spelling "Messaien" where Live 12 writes "Messiaen". The intervals of
the first 30 are those Ableton's own Launchkey MK4 script maps to these names
through `Live.Song.get_all_scales_ordered()` (live-script/README.md, "Evidence:
transport"); Messiaen's modes 3 to 7 are the standard modes of limited
transposition. Live 12 has no "Chromatic" scale name: scale mode off is chromatic.
"""
from . import _version

_MESSIAEN = "Messiaen" if _version.MAJOR >= 12 else "Messaien"

SCALES = (
    ("Major", (0, 2, 4, 5, 7, 9, 11)),
    ("Minor", (0, 2, 3, 5, 7, 8, 10)),
    ("Dorian", (0, 2, 3, 5, 7, 9, 10)),
    ("Mixolydian", (0, 2, 4, 5, 7, 9, 10)),
    ("Lydian", (0, 2, 4, 6, 7, 9, 11)),
    ("Phrygian", (0, 1, 3, 5, 7, 8, 10)),
    ("Locrian", (0, 1, 3, 5, 6, 8, 10)),
    ("Whole Tone", (0, 2, 4, 6, 8, 10)),
    ("Half-whole Dim.", (0, 1, 3, 4, 6, 7, 9, 10)),
    ("Whole-half Dim.", (0, 2, 3, 5, 6, 8, 9, 11)),
    ("Minor Blues", (0, 3, 5, 6, 7, 10)),
    ("Minor Pentatonic", (0, 3, 5, 7, 10)),
    ("Major Pentatonic", (0, 2, 4, 7, 9)),
    ("Harmonic Minor", (0, 2, 3, 5, 7, 8, 11)),
    ("Harmonic Major", (0, 2, 4, 5, 7, 8, 11)),
    ("Dorian #4", (0, 2, 3, 6, 7, 9, 10)),
    ("Phrygian Dominant", (0, 1, 4, 5, 7, 8, 10)),
    ("Melodic Minor", (0, 2, 3, 5, 7, 9, 11)),
    ("Lydian Augmented", (0, 2, 4, 6, 8, 9, 11)),
    ("Lydian Dominant", (0, 2, 4, 6, 7, 9, 10)),
    ("Super Locrian", (0, 1, 3, 4, 6, 8, 10)),
    ("8-Tone Spanish", (0, 1, 3, 4, 5, 6, 8, 10)),
    ("Bhairav", (0, 1, 4, 5, 7, 8, 11)),
    ("Hungarian Minor", (0, 2, 3, 6, 7, 8, 11)),
    ("Hirajoshi", (0, 2, 3, 7, 8)),
    ("In-Sen", (0, 1, 5, 7, 10)),
    ("Iwato", (0, 1, 5, 6, 10)),
    ("Kumoi", (0, 2, 3, 7, 9)),
    ("Pelog Selisir", (0, 1, 3, 7, 8)),
    ("Pelog Tembung", (0, 1, 5, 7, 8)),
    (_MESSIAEN + " 3", (0, 2, 3, 4, 6, 7, 8, 10, 11)),
    (_MESSIAEN + " 4", (0, 1, 2, 5, 6, 7, 8, 11)),
    (_MESSIAEN + " 5", (0, 1, 5, 6, 7, 11)),
    (_MESSIAEN + " 6", (0, 2, 4, 5, 6, 8, 10, 11)),
    (_MESSIAEN + " 7", (0, 1, 2, 3, 5, 6, 7, 8, 9, 11)),
)
_BY_NAME = dict(SCALES)


def intervals_of(name):
    """The intervals of a scale Live knows by `name`; RuntimeError for any other name."""
    intervals = _BY_NAME.get(name)
    if intervals is None:
        # no evidence of what Live does with a name it does not know: refusing is the safe side
        raise RuntimeError("Unknown scale name: %s" % name)
    return intervals


def all_scales_ordered():
    """`Live.Song.get_all_scales_ordered()`: ((name, intervals), ...), in Live's order."""
    return tuple((name, tuple(intervals)) for name, intervals in SCALES)
