"""The audio engine's clock: tempo drives song time; clips launch and stop on the
quantization grid; playing positions, meters and automation move as in Live.
Jumps to a cue wait for the grid while the song plays (_cue_points.py); the
notes armed tracks hear are kept for Capture MIDI (_capture.py).

The host calls `advance()` from its loop and sleeps until `next_wake()`.
"""
from . import _audio, _enums
from ._lom import HOST
from ._note_store import MUTE, VELOCITY
from ._undo import unrecorded

# playing_slot_index: -1 "when no clip is playing" (the dumps), -2 once the session stopped the track
# ("-2 = Clip Stop slot fired in Session View": Cycling '74's reference; README, "Evidence: the transport")
STOPPED_BY_SESSION, STOP_FIRED, NOT_FIRED = -2, -2, -1
TICK_SECONDS = 0.02  # position and song-time updates while playing (Live updates at display rate)
METER_DECAY = 0.82

# Global quantization (Song.Quantization) in bars (negative: in beats of a 4/4 bar)
_SONG_GRID = {0: 0.0, 1: ("bars", 8), 2: ("bars", 4), 3: ("bars", 2), 4: ("bars", 1), 5: ("beats", 2.0),
              6: ("beats", 4.0 / 3), 7: ("beats", 1.0), 8: ("beats", 2.0 / 3), 9: ("beats", 0.5),
              10: ("beats", 1.0 / 3), 11: ("beats", 0.25), 12: ("beats", 1.0 / 6), 13: ("beats", 0.125)}
# Clip launch quantization (Clip.ClipLaunchQuantization): 0 means the song's, 1 none
_CLIP_TO_SONG = {1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7, 9: 8, 10: 9, 11: 10, 12: 11, 13: 12, 14: 13}


class _Launch(object):
    __slots__ = ("track", "slot", "beat", "scene", "record", "record_length", "quantization")

    def __init__(self, track, slot, beat, scene=None, record=False, record_length=None, quantization=None):
        self.track, self.slot, self.beat, self.scene, self.record = track, slot, beat, scene, record
        self.record_length, self.quantization = record_length, quantization


class _Playing(object):
    __slots__ = ("slot", "clip", "start_beat", "last_position", "record_end", "scrubbed")

    def __init__(self, slot, clip, start_beat):
        self.slot, self.clip, self.start_beat = slot, clip, start_beat
        self.last_position = clip._values["start_marker"]
        self.record_end = None  # the beat a new recording ends on (fixed length, or its end was asked for)
        self.scrubbed = False  # started by Clip.scrub: stop_scrub stops it


def _not_an_edit(method):
    """What the transport changes is Live playing and recording, not an edit of the set:
    it stays out of the undo history (the simulator does not journal recordings)."""

    def run(self, *args, **kwargs):
        with unrecorded():
            return method(self, *args, **kwargs)

    run.__name__ = method.__name__
    run.__doc__ = method.__doc__
    return run


class Transport(object):
    def __init__(self, song, clock):
        self._song = song
        self._clock = clock
        self._anchor_time = clock()
        self._anchor_beat = 0.0
        self._pending = []
        self._playing = {}
        self._recording = {}  # track -> {pitch: (start position, velocity)}
        self._next_tick = 0.0
        self._meters = set()
        self._last_decay = clock()
        self._jump = None  # (grid line beat, cue time): a quantized jump waiting for its line
        self._started = None  # (main-thread turn, beat) the transport started in
        self._takes = {}  # track name -> audio recordings made so far (the file's take number)
        self._record_length = None  # trigger_session_record's fixed length, while session record is on

    # ------------------------------------------------------------ time
    def beat(self, now=None):
        if not self._song._values["is_playing"]:
            return self._anchor_beat
        now = self._clock() if now is None else now
        return self._anchor_beat + (now - self._anchor_time) * self._song._values["tempo"] / 60.0

    def _time_of(self, beat):
        return self._anchor_time + (beat - self._anchor_beat) * 60.0 / self._song._values["tempo"]

    def rebase(self):
        """Tempo changes keep the current beat and change how fast it moves."""
        now = self._clock()
        self._anchor_beat, self._anchor_time = self.beat(now), now

    def bar_length(self):
        values = self._song._values
        return values["signature_numerator"] * 4.0 / values["signature_denominator"]

    def grid(self, quantization):
        spec = _SONG_GRID.get(int(quantization), 0.0)
        if not spec:
            return 0.0
        unit, amount = spec
        return amount * self.bar_length() if unit == "bars" else amount

    def nearest_grid_line(self, beat):
        """The global quantization's grid line nearest `beat` (`beat` itself without a grid)."""
        grid = self.grid(self._song._values["clip_trigger_quantization"])
        return beat if grid <= 0 else round(beat / grid) * grid

    def next_boundary(self, grid, beat):
        if grid <= 0:
            return beat
        steps = int(beat / grid - 1e-9) + 1
        boundary = steps * grid
        return beat if abs(boundary - grid - beat) < 1e-9 else boundary

    def _launch_grid(self, clip, quantization=None):
        if quantization is not None:  # ClipSlot.fire's launch_quantization "overriding the value in the song"
            return self.grid(quantization)
        own = int(clip._values["launch_quantization"]) if clip is not None else 0
        if own == 0:
            return self.grid(self._song._values["clip_trigger_quantization"])
        return self.grid(_CLIP_TO_SONG.get(own, 0))

    def playing_slot(self, track):
        playing = self._playing.get(track)
        return playing.slot if playing is not None else None

    # ------------------------------------------------------------ transport
    @_not_an_edit
    def start(self, beat=None):
        song = self._song
        if beat is not None:
            self._anchor_beat = beat
        self._anchor_time = self._clock()
        if not song._values["is_playing"]:
            song._update("is_playing", True)
            self._next_tick = 0.0
            self._started = (HOST.turn, self._anchor_beat)
        self._time_moved()

    @_not_an_edit
    def stop(self):
        song = self._song
        if not song._values["is_playing"]:
            self._anchor_beat = song._values["start_time"]
            self._time_moved()
            return
        self._anchor_beat = self.beat()
        song._update("is_playing", False)
        for track in list(self._playing):
            self._stop_now(track)
        for launch in self._pending:
            self._clear_fired(launch)
        self._pending = []
        self._jump = None
        self._finish_all_recordings()
        self._time_moved()

    def _time_moved(self):
        """The song time jumped or ran on: its listeners hear it, and the cue flags follow."""
        self._song._notify("current_song_time")
        self._song._cues.update_flags()

    @_not_an_edit
    def jump_to(self, beat):
        """The song time moves; session clips play on undisturbed, and what is fired keeps its distance."""
        now = self._clock()
        before = self.beat(now)
        self._anchor_beat, self._anchor_time = max(0.0, beat), now
        moved = self._anchor_beat - before
        for playing in self._playing.values():
            playing.start_beat += moved
        for launch in self._pending:
            launch.beat += moved
        self._time_moved()

    @_not_an_edit
    def locate(self, beat):
        """Stopped: a jump moves where the song will start (CuePoint.jump's doc)."""
        self._song._update("start_time", float(beat))
        self.jump_to(beat)

    @_not_an_edit
    def jump_quantized(self, beat):
        """Playing: the jump waits for the global quantization's next grid line (Live's manual: locator
        recall is subject to quantization); a later jump replaces one still waiting."""
        line = self.next_boundary(self.grid(self._song._values["clip_trigger_quantization"]), self.beat())
        self._jump = (line, float(beat))
        self.advance()

    # ------------------------------------------------------------ launching
    @_not_an_edit
    def launch(self, slot, scene=None, record_length=None, quantization=None):
        track = slot._track
        clip = slot._clip
        if clip is None:
            if track._can_record():
                self._schedule(_Launch(track, slot, 0.0, scene, record=True, record_length=record_length,
                                       quantization=quantization))
            elif slot._values["has_stop_button"]:
                self.stop_track(track, True)
            return
        current = self._playing.get(track)
        if current is not None and current.slot is slot and clip._values["is_recording"] \
                and not clip._values["is_overdubbing"]:
            # "Clicking [...] again defines the end of the recording and launches the new clips. As these
            # actions are subject to real-time launch quantization, the resulting clips can be
            # automatically cut to the beat." (Live's manual) Firing a recording slot ends it on the grid.
            self.end_recording(track, quantization)
            return
        if clip._values["launch_mode"] == _enums.LaunchMode.toggle and current and current.slot is slot:
            self.stop_track(track, True)
            return
        self._schedule(_Launch(track, slot, 0.0, scene, quantization=quantization))

    def _starting_now(self):
        """True in the main-thread turn the transport started in, before it moved: Live's engine starts
        the transport, and every launch of that turn, at once (README, "Evidence: the transport")."""
        started = self._started
        return started is not None and started[0] == HOST.turn and self._song._values["is_playing"]

    def _schedule(self, launch):
        song = self._song
        clip = launch.slot._clip if launch.slot is not None else None
        if not song._values["is_playing"]:
            self.start()
            launch.beat = self.beat()
        elif self._starting_now():
            launch.beat = self._started[1]  # the first launch started the transport: this one starts with it
        else:
            launch.beat = self.next_boundary(self._launch_grid(clip, launch.quantization), self.beat())
        for other in [p for p in self._pending if p.track is launch.track]:
            self._pending.remove(other)
            self._clear_fired(other)
        self._pending.append(launch)
        if launch.slot is not None:
            launch.track._update("fired_slot_index", launch.slot._index)
            launch.slot._update("is_triggered", True)
            if clip is not None:
                clip._values["is_triggered"] = True
                clip._notify("playing_status")
        else:
            launch.track._update("fired_slot_index", STOP_FIRED)
        if launch.scene is not None:
            launch.scene._update("is_triggered", True)
        self.advance()

    @_not_an_edit
    def launch_scene(self, scene):
        for track in self._song._tracks:
            if track._kind == "group":
                continue  # its tracks launch their own slots
            slot = track._slots[scene._index]
            if slot._clip is not None or track._can_record():
                self.launch(slot, scene)
            elif slot._values["has_stop_button"]:
                self.stop_track(track, True, scene)
        if not any(p.scene is scene for p in self._pending) and scene._values["is_triggered"]:
            scene._update("is_triggered", False)

    @_not_an_edit
    def stop_slot(self, slot):
        current = self._playing.get(slot._track)
        pending = [p for p in self._pending if p.slot is slot]
        if (current and current.slot is slot) or pending:
            self.stop_track(slot._track, True)

    @_not_an_edit
    def stop_track(self, track, quantized=True, scene=None):
        if track not in self._playing and not any(p.track is track for p in self._pending):
            return
        if quantized and self._song._values["is_playing"]:
            self._schedule(_Launch(track, None, 0.0, scene))
        else:
            for launch in [p for p in self._pending if p.track is track]:
                self._pending.remove(launch)
                self._clear_fired(launch)
            self._stop_now(track)

    @_not_an_edit
    def stop_all(self, quantized=True):
        for track in self._song._tracks:
            self.stop_track(track, quantized)

    # ------------------------------------------------------------ scrubbing
    @_not_an_edit
    def scrub(self, clip, position):
        """Clip.scrub: "Global quantization applies to the scrub's position": the clip plays from the
        grid line at or before `position` (started now if it was not playing) until stop_scrub."""
        grid = self.grid(self._song._values["clip_trigger_quantization"])
        if grid > 0:
            position = int(position / grid + 1e-9) * grid
        track = clip._track
        playing = self._playing.get(track)
        if playing is None or playing.clip is not clip:
            if not self._song._values["is_playing"]:
                self.start()
            self._apply(_Launch(track, clip._parent, self.beat()))
            playing = self._playing[track]
            playing.scrubbed = True
        playing.start_beat = self.beat() - (position - clip._values["start_marker"])
        playing.last_position = position
        self._song._midi_out.relocated(track)
        clip._update("playing_position", position)

    @_not_an_edit
    def stop_scrub(self, clip):
        playing = self._playing.get(clip._track)
        if playing is not None and playing.clip is clip and playing.scrubbed:
            self._stop_now(clip._track)

    @_not_an_edit
    def forget_slot(self, slot):
        """A slot loses its clip (deleted): it stops without waiting for the grid."""
        current = self._playing.get(slot._track)
        if current and current.slot is slot:
            self._stop_now(slot._track)
        for launch in [p for p in self._pending if p.slot is slot]:
            self._pending.remove(launch)
            self._clear_fired(launch)

    def move_playing_position(self, clip, beats):
        for track, playing in self._playing.items():
            if playing.clip is clip:
                playing.start_beat -= beats
                self._song._midi_out.relocated(track)

    # ------------------------------------------------------------ the clock moves
    def next_wake(self):
        """When the host must call `advance()` next (monotonic seconds), or None."""
        if not self._song._values["is_playing"]:
            return self._last_decay + TICK_SECONDS if self._meters else None
        wake = self._next_tick
        for launch in self._pending:
            wake = min(wake, self._time_of(launch.beat))
        for playing in self._playing.values():
            if playing.record_end is not None:
                wake = min(wake, self._time_of(playing.record_end))
        if self._jump is not None:
            wake = min(wake, self._time_of(self._jump[0]))
        note = self._song._midi_out.next_beat()  # a note for the MIDI port goes out on its beat, not a tick later
        if note is not None:
            wake = min(wake, self._time_of(note))
        return wake

    @_not_an_edit
    def advance(self):
        song = self._song
        now = self._clock()
        beat = self.beat(now)
        values = song._values
        if self._jump is not None and values["is_playing"] and beat >= self._jump[0] - 1e-9:
            line, target = self._jump
            self._jump = None
            self.jump_to(target + (beat - line))
            beat = self.beat(now)
        if values["is_playing"] and values["loop"] and not self._playing:
            loop_end = values["loop_start"] + values["loop_length"]
            if beat >= loop_end > values["loop_start"]:
                self.jump_to(values["loop_start"] + (beat - loop_end) % values["loop_length"])
                beat = self.beat(now)
        for track, playing in list(self._playing.items()):
            if playing.record_end is not None and beat >= playing.record_end - 1e-9:
                self._finish_recording(track, playing.clip, playing.record_end)
        due = sorted([p for p in self._pending if p.beat <= beat + 1e-9], key=lambda p: p.beat)
        for launch in due:
            self._pending.remove(launch)
            self._apply(launch)
        if values["is_playing"] and now >= self._next_tick:
            self._next_tick = now + TICK_SECONDS
            self._time_moved()
            self._move_clips(beat)
        if values["is_playing"]:
            self._song._midi_out.play(beat)
        self._decay_meters(now)

    def _apply(self, launch):
        track = launch.track
        if launch.scene is not None and not any(p.scene is launch.scene for p in self._pending):
            launch.scene._update("is_triggered", False)
        if launch.slot is None:
            self._stop_now(track)
            return
        slot = launch.slot
        current = self._playing.get(track)
        if current is not None and current.slot is not slot:
            self._stop_clip(current, launch.beat)
        if launch.record:
            self._new_recording(track, slot)
        clip = slot._clip
        playing = self._playing[track] = _Playing(slot, clip, launch.beat)
        self._song._midi_out.launched(track, playing)
        record_length = launch.record_length if launch.record_length is not None else (
            self._record_length if launch.record else None)
        if launch.record and record_length is not None:
            # "the clip will be refired after the given recording length" (the dumps; the probes: a
            # recording with record_length=8.0 "auto-finished at exactly 8.0 beats")
            playing.record_end = launch.beat + record_length
        clip._values["is_triggered"] = False
        clip._update("playing_position", clip._values["start_marker"])
        clip._update("is_playing", True)
        clip._notify("playing_status")
        if clip._values["is_recording"]:
            clip._notify("is_recording")
        slot._update("is_triggered", False)
        slot._update("playing_status", _enums.ClipSlotPlayingState.recording if clip._values["is_recording"]
                     else _enums.ClipSlotPlayingState.started)
        track._update("fired_slot_index", NOT_FIRED)
        track._playing_slot(slot._index)
        if self._song._values["select_on_launch"] and launch.scene is not None:
            self._song._view._select_scene(launch.scene)

    def _clear_fired(self, launch):
        track = launch.track
        if launch.slot is not None:
            launch.slot._update("is_triggered", False)
            if launch.slot._clip is not None:
                launch.slot._clip._values["is_triggered"] = False
                launch.slot._clip._notify("playing_status")
        track._update("fired_slot_index", NOT_FIRED)

    def _stop_now(self, track):
        current = self._playing.pop(track, None)
        if current is not None:
            self._stop_clip(current)
        track._update("fired_slot_index", NOT_FIRED)
        if current is not None or track._values["playing_slot_index"] >= 0:
            track._playing_slot(STOPPED_BY_SESSION)

    def _stop_clip(self, playing, at_beat=None):
        clip, slot = playing.clip, playing.slot
        self._song._midi_out.stopped(slot._track, playing, self.beat() if at_beat is None else at_beat)
        if clip._values["is_recording"]:
            self._finish_recording(slot._track, clip, self.beat() if at_beat is None else at_beat)
        if not clip._deleted:
            clip._update("is_playing", False)
            clip._update("playing_position", clip._values["start_marker"])
            clip._notify("playing_status")
        if not slot._deleted:
            slot._update("playing_status", _enums.ClipSlotPlayingState.stopped)

    def _position(self, playing, beat):
        values = playing.clip._values
        position = values["start_marker"] + (beat - playing.start_beat)
        if values["looping"]:
            loop_start, loop_end = values["loop_start"], values["loop_end"]
            if position >= loop_end and loop_end > loop_start:
                position = loop_start + (position - loop_end) % (loop_end - loop_start)
        return position

    def _move_clips(self, beat):
        for track, playing in list(self._playing.items()):
            clip = playing.clip
            if clip._deleted:
                self._playing.pop(track, None)
                continue
            values = clip._values
            if values["is_recording"] and not values["is_overdubbing"]:
                grown = beat - playing.start_beat
                if grown > values["loop_end"]:
                    bars = self.bar_length()
                    clip._update("loop_end", (int(grown / bars) + 1) * bars)
                    clip._update("end_marker", values["loop_end"])
                if clip._audio is not None:  # the file grows as it records (silence)
                    clip._audio["sample_beats"] = max(0.0, grown)
                    clip._audio["sample_length"] = int(max(0.0, grown) * 60.0 / self._song._values["tempo"]
                                                       * clip._audio["sample_rate"])
                clip._update("playing_position", max(0.0, grown))
                continue
            position = self._position(playing, beat)
            if not values["looping"] and position >= values["end_marker"]:
                self._stop_now(track)
                continue
            if position < playing.last_position:
                clip._notify("loop_jump")
            self._light_meter(track, clip, playing.last_position, position)
            playing.last_position = position
            clip._update("playing_position", position)
            self._play_automation(clip, position)

    def _light_meter(self, track, clip, start, end):
        if clip._values["muted"] or not clip._values["is_midi_clip"]:
            return
        notes = clip._notes
        # the notes starting since the last tick (the loop may have wrapped in between)
        starting = notes.starting_in(start, end) if end >= start else (
            notes.starting_in(start, float("inf")) + notes.starting_in(float("-inf"), end))
        hits = [state[VELOCITY] for state in starting if not state[MUTE]]
        if hits:
            self.meter(track, max(hits) / 127.0)

    def meter(self, track, level):
        if not self._meters:
            self._last_decay = self._clock()
        track._update("output_meter_level", level)
        track._update("output_meter_left", level)
        track._update("output_meter_right", level * 0.97)
        self._meters.add(track)

    def _decay_meters(self, now):
        """Meters fall back by time, like Live's (about 8 dB per 100 ms)."""
        factor = METER_DECAY ** ((now - self._last_decay) / TICK_SECONDS)
        self._last_decay = now
        for track in list(self._meters):
            if track._deleted:
                self._meters.discard(track)
                continue
            level = track._values["output_meter_level"] * factor
            if level < 0.01:
                level = 0.0
                self._meters.discard(track)
            track._update("output_meter_level", level)
            track._update("output_meter_left", level)
            track._update("output_meter_right", level * 0.97)

    def _play_automation(self, clip, position):
        for envelope in clip._envelopes.values():
            envelope._parameter._set_value_from_automation(envelope._shape.value_at(position))

    # ------------------------------------------------------------ recording
    def automation_recorder(self):
        """Session automation recording: a control moved while its track plays a clip writes steps."""
        if not (self._song._values["session_automation_record"] and self._song._values["is_playing"]):
            return None
        return self._record_automation

    def _record_automation(self, parameter, value):
        track = parameter._track()
        playing = self._playing.get(track)
        if playing is None or playing.clip._deleted:
            return
        clip = playing.clip
        envelope = clip._envelopes.get(parameter._ptr)
        if envelope is None:
            envelope = clip._new_envelope(parameter)
        position = self._position(playing, self.beat())
        envelope._shape.insert_step(position, 0.0625, value)
        clip._envelopes_changed(record=False)  # what the transport records is not journaled (README)

    def _new_recording(self, track, slot):
        """A new clip in `slot`, recording: MIDI, or audio (silence: there is no audio input here)."""
        audio = None
        if track._kind == "audio":
            take = self._takes[track._values["name"]] = self._takes.get(track._values["name"], 0) + 1
            path = _audio.recorded_path(track._values["name"], take)
            audio = _audio.clip_audio(path, 0, _audio.DEFAULT_RATE, 0.0)
        name = _audio.clip_name(audio["file_path"]) if audio is not None else ""
        clip = slot._new_clip(self.bar_length(), name=name, color_index=track._values["color_index"], audio=audio)
        clip._values["is_recording"] = True
        self._recording[track] = {}
        return clip

    @_not_an_edit
    def end_recording(self, track, quantization=None):
        """A new recording ends on the next line of the launch grid (now without a grid), and its clip plays on."""
        playing = self._playing.get(track)
        if playing is None or not playing.clip._values["is_recording"]:
            return
        if playing.clip._values["is_overdubbing"]:
            self._finish_recording(track, playing.clip, self.beat())
            return
        end = self.next_boundary(self._launch_grid(playing.clip, quantization), self.beat())
        if end <= playing.start_beat + 1e-9:
            end = playing.start_beat + (self._launch_grid(playing.clip, quantization) or self.bar_length())
        playing.record_end = end if playing.record_end is None else min(playing.record_end, end)
        self.advance()

    @_not_an_edit
    def note_in(self, track, status, pitch, velocity):
        """A note reaching an armed track: lights its meter, is kept for Capture MIDI, and is recorded
        while the session records."""
        if velocity > 0 and status == 0x90:
            self.meter(track, velocity / 127.0)
        if track._values["has_midi_input"]:
            self._song._capture.note(track, status, pitch, velocity)
        playing = self._playing.get(track)
        if playing is None or not playing.clip._values["is_recording"] or playing.clip._audio is not None:
            return
        held = self._recording.setdefault(track, {})
        if playing.clip._values["is_overdubbing"]:  # into the loop as it plays
            position = self._position(playing, self.beat())
        else:
            position = max(0.0, self.beat() - playing.start_beat)
        if status == 0x90 and velocity > 0:
            held[pitch] = (position, velocity)
        elif pitch in held:
            start, on_velocity = held.pop(pitch)
            playing.clip._add_note(pitch, start, max(position - start, 1.0 / 64), on_velocity)
            playing.clip._notes_changed()

    @_not_an_edit
    def record_session(self, enabled, record_length=None):
        """Session record on: armed MIDI tracks overdub their playing clip, armed tracks record a new
        clip in the selected scene's empty slot (for `record_length` beats, if given). Off: the
        recordings end on the launch grid and their clips play on; overdubs end at once."""
        song = self._song
        if not enabled:
            self._record_length = None
            for track in list(self._playing):
                self.end_recording(track)
            for launch in [p for p in self._pending if p.record]:
                self._pending.remove(launch)
                self._clear_fired(launch)
            return
        self._record_length = record_length
        scene_index = song._view._selected_scene()._index
        for track in song._tracks:
            if not track._can_record():
                continue
            playing = self._playing.get(track)
            if playing is not None and track._values["has_midi_input"]:
                playing.clip._update("is_overdubbing", True)
                playing.clip._update("is_recording", True)
                self._recording[track] = {}
            elif track._slots[scene_index]._clip is None:  # an audio track records into it, a playing clip or not
                self._schedule(_Launch(track, track._slots[scene_index], 0.0, record=True,
                                       record_length=record_length))

    def _finish_recording(self, track, clip, end_beat=None):
        """A recording ends at `end_beat`: an overdub keeps its clip's length; a new recording's clip is
        as long as it recorded (cut on the grid where it was ended there), loops, and plays on."""
        held = self._recording.pop(track, {})
        playing = self._playing.get(track)
        overdub = clip._values["is_overdubbing"]
        end_beat = self.beat() if end_beat is None else end_beat
        if playing is not None and playing.clip is clip and not overdub:
            length = end_beat - playing.start_beat
            if length < 1e-6:
                length = self.bar_length()
            position = length
            playing.record_end = None
        else:
            length = None
            position = max(0.0, end_beat - playing.start_beat) if playing else clip._values["loop_end"]
        for pitch, (start, velocity) in held.items():
            clip._add_note(pitch, start, max(position - start, 1.0 / 64), velocity)
        if length is not None:
            self._set_recorded_length(clip, length)
        clip._update("is_recording", False)
        clip._update("is_overdubbing", False)
        clip._notes_changed()
        slot = clip._parent
        if not slot._deleted and playing is not None and playing.clip is clip:
            slot._update("playing_status", _enums.ClipSlotPlayingState.started)

    def _set_recorded_length(self, clip, length):
        for name, value in (("looping", True), ("loop_start", 0.0), ("start_marker", 0.0), ("loop_end", length),
                            ("end_marker", length)):
            clip._update(name, value)
        audio = clip._audio
        if audio is not None:
            audio["sample_beats"] = length
            audio["sample_length"] = int(round(length * 60.0 / self._song._values["tempo"] * audio["sample_rate"]))

    def _finish_all_recordings(self):
        for track, playing in list(self._playing.items()):
            if playing.clip._values["is_recording"]:
                self._finish_recording(track, playing.clip)
