"""A track's arrangement clips, as far as the API reaches them (private module; live-script/README.md,
"Evidence: audio" and "Evidence: the arrangement").

The simulator plays no arrangement: its clips are placed, listed (`Track.arrangement_clips`, by
time), read and deleted, and nothing more. From the dumps and a project's probes of Live 12.4:
- `Track.create_audio_clip(path, time)` "Creates an audio clip referencing the file at the given
  path and inserts it into the arrangement at the specified time. Throws an error when called on a
  non-audio or a frozen track, when the specified time is outside the [0., 1576800.] range";
- `Track.create_midi_clip(start_time, length)` (Live 12) the same for an empty MIDI clip;
- `Track.duplicate_clip_to_arrangement(clip, destination_time)` copies a clip "When the type of
  the clip and the type of the track are incompatible, a runtime error is raised"; the copy's
  `start_time` is the destination (the probes);
- `Track.delete_clip(clip)` "Raises a runtime error when the clip belongs to another track";
- an arrangement clip hosts no clip envelopes (the probes: `automation_envelope` answers None,
  `create_automation_envelope` raises), and the block it occupies is fixed where it was placed.
Arrangement clips are not in the simulator's undo history (no evidence either way).
"""
from . import _audio

ARRANGEMENT_END = 1576800.0  # beats: "outside the [0., 1576800.] range" (the dumps)


def _check_time(time):
    if not 0.0 <= time <= ARRANGEMENT_END:
        raise RuntimeError("The time is outside the arrangement's range [0., 1576800.]")


class ArrangementClips(object):
    """The clips of one track's arrangement lane (part of a `Track`)."""

    def __init__(self, track):
        self._track = track
        self._clips = []

    def clips(self):
        return sorted(self._clips, key=lambda clip: clip._values["start_time"])

    def _place(self, length, time, **values):
        from ._clips import Clip
        track = self._track
        clip = Clip(track, length=length, color_index=track._values["color_index"], arrangement_time=time,
                    **values)
        self._clips.append(clip)
        track._notify("arrangement_clips")
        return clip

    def create_audio_clip(self, file_path, time):
        track = self._track
        if track._kind != "audio":
            raise RuntimeError("Audio clips can only be created on audio tracks")
        _check_time(time)
        frames, rate = _audio.read_audio_file(file_path)
        beats = _audio.beats_of(frames, rate, track._song._values["tempo"])
        return self._place(beats, time, name=_audio.clip_name(file_path),
                           audio=_audio.clip_audio(file_path, frames, rate, beats))

    def create_midi_clip(self, start_time, length):
        if self._track._kind != "midi":
            raise RuntimeError("MIDI clips can only be created on MIDI tracks")
        _check_time(start_time)
        if length <= 0:
            raise RuntimeError("Invalid clip length")
        return self._place(length, start_time, name="")

    def duplicate(self, clip, destination_time):
        track = self._track
        if track._kind not in ("midi", "audio") or clip._values["is_audio_clip"] != (track._kind == "audio"):
            raise RuntimeError("The clip's type does not match the track's type")
        _check_time(destination_time)
        values = clip._values
        copy = self._place(values["loop_end"] if values["looping"] else values["end_marker"], destination_time,
                           name=values["name"], audio=dict(clip._audio) if clip._audio is not None else None)
        for field in ("loop_start", "loop_end", "looping", "start_marker", "end_marker", "signature_numerator",
                      "signature_denominator", "color", "color_index", "muted"):
            copy._values[field] = values[field]
        for state in clip._notes.ordered():
            copy._add_note(*state[1:])
        copy._notes.take_changes()  # a new clip's notes: nothing to undo
        return copy

    def delete_clip(self, clip):
        track = self._track
        if clip in self._clips:
            self._clips.remove(clip)
            clip._delete()
            track._notify("arrangement_clips")
            return
        if clip._values["is_session_clip"] and clip._parent._track is track:
            clip._parent._remove_clip()  # a session clip of this track goes as its slot's delete_clip does
            return
        raise RuntimeError("The clip belongs to another track")
