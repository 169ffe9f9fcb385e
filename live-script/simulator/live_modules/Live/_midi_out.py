"""What Live sends to the "LiveSurface Return" MIDI port (private module; live-script/README.md,
"Evidence: track routing" and "MIDI out").

A MIDI track whose output is that port (`_routing.MIDI_RETURN`, on one of its channels) sends:
- what reaches it as input while it is monitored (armed with monitoring Auto, or monitoring In):
  notes, control changes, pitch bend, channel pressure and poly aftertouch, on its channel;
- the notes of its playing MIDI clip as the transport crosses them: a note-on where a note starts,
  a note-off where it ends (at the loop end at the latest, or the clip's end when it does not loop);
- a note-off for every note it sounds when its clip stops (another clip launched, the track or the
  transport stopped, the clip deleted or moved) and when the track stops sending there (another
  output or channel, the track deleted). No note is left hanging.

The transport tells this module when a clip starts, stops or jumps, and asks it when the next note
is due (`next_beat`), so the host wakes exactly there; only tracks sent to the port cost anything.
Times are kept in beats since the clip started (its elapsed time), which song-time jumps do not
change. Messages go out whole, without running status, through `HOST.midi_return` (the host's
socket, simulator/midi_return.py).
"""
import math

from . import _enums
from ._lom import HOST
from ._note_store import DURATION, MUTE, PITCH, RELEASE_VELOCITY, START, VELOCITY
from ._routing import MIDI_RETURN

NOTE_OFF, NOTE_ON, POLY_PRESSURE, CONTROL_CHANGE, CHANNEL_PRESSURE, PITCH_BEND = 0x80, 0x90, 0xA0, 0xB0, 0xD0, 0xE0
PASSED_THROUGH = frozenset((NOTE_OFF, NOTE_ON, POLY_PRESSURE, CONTROL_CHANGE, CHANNEL_PRESSURE, PITCH_BEND))
NO_RELEASE_VELOCITY = 64  # a note-off that has no velocity of its own (MIDI's default; a clip note's default too)
EPSILON = 1e-9  # the transport's tolerance for "this beat is reached"
MONITOR = _enums.Track_monitoring_states


class _Sent(object):
    """What one track sends to the port: its channel, the clip it follows, the notes sounding."""

    __slots__ = ("channel", "playing", "cursor", "sounding", "held")

    def __init__(self, channel):
        self.channel = channel
        self.playing = None  # the transport's _Playing whose notes go out
        self.cursor = 0.0  # elapsed beats up to which the clip's notes were sent
        self.sounding = {}  # the clip's notes sounding: pitch -> (elapsed beat of the note-off, release velocity)
        self.held = set()  # pitches of the input's notes sent on and not yet off


def _monitored(track):
    """Live's Monitor switch: In always passes the input on, Auto while the track is armed."""
    state = track._values["current_monitoring_state"]
    return state == MONITOR.IN or (state == MONITOR.AUTO and track._values["arm"])


def _windows(values, first, last):
    """The clip positions the elapsed beats [first, last) play, as (from, to, shift, end): positions
    [from, to) play at elapsed = position + shift, and their notes end by `end`. Follows the transport's
    `_position`: from the start marker on, wrapping from the loop end to the loop start."""
    start = values["start_marker"]
    if not values["looping"]:
        end = values["end_marker"]
        return [(start + first, min(start + last, end), -start, end)]
    loop_start, loop_end = values["loop_start"], values["loop_end"]
    wrap = loop_end - start  # the elapsed beat of the first wrap
    windows = []
    if first < wrap:
        windows.append((start + first, start + min(last, wrap), -start, loop_end))
    length = loop_end - loop_start
    if length <= 0:
        return windows
    pass_start = wrap + math.floor((max(first, wrap) - wrap) / length) * length
    while pass_start < last:
        low, high = max(first, pass_start), min(last, pass_start + length)
        if high > low:
            shift = pass_start - loop_start
            windows.append((low - shift, high - shift, shift, loop_end))
        pass_start += length
    return windows


def _next_start(values, notes, cursor):
    """The elapsed beat the next note at or after `cursor` starts on (muted ones too), or None."""
    start = values["start_marker"]
    if not values["looping"]:
        position = notes.first_start_in(start + cursor, values["end_marker"])
        return None if position is None else position - start
    loop_start, loop_end = values["loop_start"], values["loop_end"]
    wrap, length = loop_end - start, loop_end - loop_start
    if cursor < wrap:  # the first pass, from the start marker
        position = notes.first_start_in(start + cursor, loop_end)
        if position is not None:
            return position - start
        cursor = wrap
    if length <= 0:
        return None
    pass_start = wrap + math.floor((cursor - wrap) / length) * length
    position = notes.first_start_in(loop_start + cursor - pass_start, loop_end)  # the rest of this pass
    if position is None:
        pass_start += length
        position = notes.first_start_in(loop_start, loop_end)  # the next one
    return None if position is None else pass_start + position - loop_start


class MidiOut(object):
    """Live's output to the LiveSurface Return port, for the whole set (a part of `Song`)."""

    def __init__(self, song):
        self._song = song
        self._sent = {}  # track -> _Sent, for the tracks sent to the port only

    def _send(self, message):
        if HOST.midi_return is not None:
            HOST.midi_return(message)

    # ------------------------------------------------------------ which tracks send there
    def refresh(self, track):
        """The track's output may have changed: follow it (notes sounding on an old channel end)."""
        gone = track._deleted or track not in self._song._tracks
        channel = None if gone else track._routing.midi_return_channel()
        sent = self._sent.get(track)
        if sent is not None and sent.channel == channel:
            return
        if sent is not None:
            self._silence(sent)
            del self._sent[track]
        if channel is not None:
            sent = self._sent[track] = _Sent(channel)
            transport = self._song._transport
            sent.playing = transport._playing.get(track)
            if sent.playing is not None:  # a clip already playing sends from here on
                sent.cursor = transport.beat() - sent.playing.start_beat

    def refresh_all(self):
        """Tracks came, went or changed: the ones that left stop sending, the ones that came back send."""
        for track in list(self._sent):
            self.refresh(track)
        for track in self._song._tracks:
            output = track._routing._output
            if output is not None and output[0] == MIDI_RETURN:
                self.refresh(track)

    # ------------------------------------------------------------ the input, monitored
    def thru(self, message):
        """A channel message reaching the tracks as input goes on to the port from each monitored
        track sent there, on its channel. A note-off always follows a note-on that went out."""
        if not self._sent:
            return
        status = message[0] & 0xF0
        if status not in PASSED_THROUGH:
            return
        if status == NOTE_OFF or (status == NOTE_ON and message[2] == 0):
            self._thru_note_off(message)
            return
        for track, sent in self._sent.items():
            if _monitored(track):
                if status == NOTE_ON:
                    sent.held.add(message[1])
                self._send((status | sent.channel,) + tuple(message[1:]))

    def _thru_note_off(self, message):
        """A note-off goes where its note-on went, even if the track stopped listening since; a note-on
        of velocity 0 is a note-off to Live, and goes out as one."""
        pitch = message[1]
        velocity = message[2] if message[0] & 0xF0 == NOTE_OFF else NO_RELEASE_VELOCITY
        for track, sent in self._sent.items():
            if pitch in sent.held or _monitored(track):
                sent.held.discard(pitch)
                self._send((NOTE_OFF | sent.channel, pitch, velocity))

    # ------------------------------------------------------------ the clips (the transport calls these)
    def launched(self, track, playing):
        """A clip starts on the track: its notes go out from its start."""
        sent = self._sent.get(track)
        if sent is not None:
            self._end_clip_notes(sent)
            sent.playing, sent.cursor = playing, 0.0

    def stopped(self, track, playing, at_beat):
        """A clip stops at `at_beat`: what it plays before then goes out, then its notes end."""
        sent = self._sent.get(track)
        if sent is None or sent.playing is not playing:
            return
        if not playing.clip._deleted:
            self._play(track, sent, at_beat - playing.start_beat - EPSILON)
        self._end_clip_notes(sent)
        sent.playing = None

    def relocated(self, track):
        """The clip's play position jumped (scrub, `jump_in_running_session_clip`): its sounding notes
        end, and it goes on from where it is now."""
        sent = self._sent.get(track)
        playing = self._song._transport._playing.get(track)
        if sent is None or playing is None:
            return
        self._end_clip_notes(sent)
        sent.playing, sent.cursor = playing, self._song._transport.beat() - playing.start_beat

    def play(self, beat):
        """The transport reached `beat`: the notes due by then go out."""
        for track, sent in list(self._sent.items()):
            playing = sent.playing
            if playing is None:
                continue
            if playing.clip._deleted or self._song._transport._playing.get(track) is not playing:
                self._end_clip_notes(sent)  # it went without a word: its notes still end
                sent.playing = None
                continue
            self._play(track, sent, beat - playing.start_beat + EPSILON)

    def next_beat(self):
        """The song beat the next note-on or note-off is due on, or None: the host wakes there."""
        due = None
        for track, sent in self._sent.items():
            playing = sent.playing
            if playing is None:
                continue
            elapsed = min(off for off, _release in sent.sounding.values()) if sent.sounding else None
            clip = playing.clip
            if not clip._deleted and self._plays_notes(track, clip):
                start = _next_start(clip._values, clip._notes, sent.cursor)
                if start is not None and (elapsed is None or start < elapsed):
                    elapsed = start
            if elapsed is not None:
                beat = playing.start_beat + max(elapsed, sent.cursor)
                due = beat if due is None else min(due, beat)
        return due

    # ------------------------------------------------------------ sending
    @staticmethod
    def _plays_notes(track, clip):
        """A clip's notes sound unless it is deactivated, being recorded anew (Live plays a new recording
        only once it ends), or the track monitors its input only ("With this setting, output from the
        clips is suppressed": Live's manual on monitoring In)."""
        values = clip._values
        if values["muted"] or not values["is_midi_clip"]:
            return False
        if values["is_recording"] and not values["is_overdubbing"]:
            return False
        return track._values["current_monitoring_state"] != MONITOR.IN

    def _play(self, track, sent, until):
        """Send the clip's notes starting, and the sounding ones ending, before elapsed beat `until`, in
        time order. At one time note-offs go first, so a note played again is not cut short; a note
        starting while one of its pitch still sounds ends that one first (MIDI has one note per pitch
        and channel, and the port must never hear a note-on twice without a note-off between)."""
        clip = sent.playing.clip
        if not self._plays_notes(track, clip):
            self._end_clip_notes(sent)  # silenced: what sounds ends now, nothing starts
            sent.cursor = max(sent.cursor, until)
            return
        # the windows come in time order, and each one's notes by start: so do the note-ons
        for low, high, shift, end in _windows(clip._values, sent.cursor, until):
            for note in clip._notes.starting_in(low, high) if high > low else ():
                if note[MUTE]:
                    continue
                on, pitch = note[START] + shift, note[PITCH]
                self._end_notes(sent, on, True)
                if pitch in sent.sounding:
                    self._send((NOTE_OFF | sent.channel, pitch, sent.sounding.pop(pitch)[1]))
                self._send((NOTE_ON | sent.channel, pitch, max(1, min(127, int(round(note[VELOCITY]))))))
                off = max(on, min(note[START] + note[DURATION], end) + shift)
                sent.sounding[pitch] = (off, max(0, min(127, int(round(note[RELEASE_VELOCITY])))))
        self._end_notes(sent, until, False)
        sent.cursor = max(sent.cursor, until)

    def _end_notes(self, sent, elapsed, at_it):
        """Note-offs for the clip's notes ending before `elapsed` (or at it, with `at_it`), in time order."""
        due = sorted((off, pitch) for pitch, (off, _release) in sent.sounding.items()
                     if off < elapsed or (at_it and off <= elapsed))
        for _off, pitch in due:
            self._send((NOTE_OFF | sent.channel, pitch, sent.sounding.pop(pitch)[1]))

    def _end_clip_notes(self, sent):
        self._end_notes(sent, float("inf"), True)

    def _silence(self, sent):
        """The track stops sending on this channel: everything it sounds there ends."""
        self._end_clip_notes(sent)
        for pitch in sorted(sent.held):
            self._send((NOTE_OFF | sent.channel, pitch, NO_RELEASE_VELOCITY))
        sent.held = set()

