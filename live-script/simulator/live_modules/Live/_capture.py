"""Capture MIDI: what was played on armed MIDI tracks, kept so `Song.capture_midi` can make a clip of it
(private module).

As Live (Ableton's help center, "Capture MIDI"; live-script/README.md, "Evidence: transport"):
Live listens to armed MIDI tracks all the time; `can_capture_midi` is true while
there is material to capture ("greyed out when there's no MIDI data to capture");
capturing makes a new MIDI clip of it on each such track, and the material is
then used up; the buffer holds 16,384 events, the oldest 1,024 dropped when full.
Ableton's own scripts call `capture_midi()` only when `can_capture_midi` is true
and catch the RuntimeError it raises otherwise: the simulator raises then.
"""
from . import _enums
from ._lom import HOST

MAX_EVENTS = 16384
DROPPED_WHEN_FULL = 1024
SHORTEST = 1.0 / 64  # a note released at once still lasts a 256th, as recorded notes do here


class _Played(object):
    __slots__ = ("pitch", "velocity", "start", "end", "while_playing")

    def __init__(self, pitch, velocity, start, while_playing):
        self.pitch, self.velocity, self.start, self.end = pitch, velocity, start, None
        self.while_playing = while_playing


def _arrangement_in_front():
    application = HOST.application
    return application is not None and application._view._values["focused_document_view"] == "Arranger"


class MidiCapture(object):
    """Notes played on each armed MIDI track, in song beats (a running clock of beats while stopped)."""

    def __init__(self, song):
        self._song = song
        self._played = {}  # track -> [_Played]
        self._events = 0

    def _now(self):
        """Where a note lands: the song time while playing; while stopped, beats of the clock at the tempo."""
        transport = self._song._transport
        if self._song._values["is_playing"]:
            return transport.beat(), True
        return transport._clock() * self._song._values["tempo"] / 60.0, False

    def note(self, track, status, pitch, velocity):
        now, playing = self._now()
        notes = self._played.setdefault(track, [])
        if status == 0x90 and velocity > 0:
            notes.append(_Played(pitch, velocity, now, playing))
        else:
            held = next((n for n in reversed(notes) if n.pitch == pitch and n.end is None), None)
            if held is not None:
                held.end = now
        self._events += 1
        if self._events > MAX_EVENTS:
            self._drop_oldest()
        self._song._update("can_capture_midi", True)

    def _drop_oldest(self):
        dropped = 0
        while dropped < DROPPED_WHEN_FULL and any(self._played.values()):
            first = min((n for n in self._played.items() if n[1]), key=lambda item: item[1][0].start)
            first[1].pop(0)
            dropped += 2  # a note is two events, on and off
        self._events -= dropped

    def forget(self, track):
        """A deleted track takes its material with it."""
        self._played.pop(track, None)
        self._refresh()

    def _refresh(self):
        self._song._update("can_capture_midi", any(self._played.values()))

    def capture(self, destination):
        song = self._song
        if not any(self._played.values()):
            raise RuntimeError("There is no MIDI to capture")
        if destination == _enums.CaptureDestination.arrangement or (
                destination == _enums.CaptureDestination.auto and _arrangement_in_front()):
            raise RuntimeError("The simulator keeps no arrangement: capture into the Session")
        now, _ = self._now()
        bar = song._transport.bar_length()
        for track in [t for t in song._tracks if self._played.get(t)]:
            self._clip_of(track, self._played[track], now, bar)
        self._played = {}
        self._events = 0
        self._refresh()

    def _clip_of(self, track, notes, now, bar):
        playing = all(n.while_playing for n in notes)
        first = min(n.start for n in notes)
        # played while the song ran: the clip starts on the bar the first note fell in, so the notes keep
        # their place in the bar; played while stopped: the first note starts the clip (no evidence of how
        # Live finds the loop; it detects the tempo only in a set without clips, which the simulator skips)
        origin = int(first / bar) * bar if playing else first
        last = max((n.end if n.end is not None else now) for n in notes)
        bars = max(1, int((last - origin) / bar - 1e-9) + 1)
        slot = self._slot_for(track)
        clip = slot._new_clip(float(bars * bar), name="", color_index=track._values["color_index"])
        for n in notes:
            end = n.end if n.end is not None else now
            clip._add_note(n.pitch, n.start - origin, max(end - n.start, SHORTEST), n.velocity)
        clip._notes_changed()

    def _slot_for(self, track):
        """The selected scene's slot of the track, else the next empty one below, else a new scene's."""
        song = self._song
        start = song._view._selected_scene()._index
        for slot in track._slots[start:]:
            if slot._clip is None:
                return slot
        scene = song._insert_scene(len(song._scenes))
        return track._slots[scene._index]
