"""The demo set: eleven tracks that look like music, two returns, a master, eight scenes.

Drums and percussion on Drum Racks, bass, keys on an Instrument Rack, pad,
lead, arp, and vocals on an audio track; after those eight, a group track ("Atmos", unfolded)
holding a MIDI and an audio track, so tracks 0 to 7 keep their indexes. Colored clips with real
note patterns, mixer settings and sends, and clip automation of every kind an editor meets
(live-script/README.md lists them): steps, curves, the mixer's volume, quantized parameters.
"""
import Live
from Live import _colors
from Live._tracks import AUDIO, MIDI

from . import devices, patterns
from .default_set import register_browser_devices

SCENES = ("Intro", "Groove", "Verse", "Build", "Drop", "Break", "Drop 2", "Outro")
CUES = ((0.0, "Intro"), (32.0, "Drop"), (64.0, "Outro"))  # the arrangement's locators, in beats
DRUM_PADS = ((36, "Kick 808"), (37, "Rim"), (38, "Snare Tight"), (39, "Clap"), (41, "Low Tom"),
             (42, "Closed Hat"), (44, "Pedal Hat"), (45, "High Tom"), (46, "Open Hat"), (49, "Crash"), (51, "Ride"))
PERC_PADS = ((36, "Conga Low"), (37, "Conga High"), (38, "Shaker"), (39, "Tambourine"), (40, "Cowbell"),
             (41, "Clave"))


def _clip(track, scene, name, length, notes=(), color=None, audio=None):
    slot = track._slots[scene]
    clip = slot._new_clip(float(length), name=name, color_index=track._values["color_index"] if color is None else color,
                          audio=audio)
    for spec in notes:
        clip._add_note(**spec)
    clip._notes_changed()
    return clip


def _steps(clip, parameter, steps):
    """Automation drawn with insert_step's steps: [(time, length, value)]."""
    envelope = clip._new_envelope(parameter)
    for time, length, value in steps:
        envelope._shape.insert_step(float(time), float(length), float(value))
    clip._envelopes_changed(record=False)  # part of the set as it opens, not an edit to undo


def _drawn(clip, parameter, points):
    """Automation drawn in Live's editor: events (time, value, curve), curves included, which
    no API of Live 12.3 can make (EnvelopeEvent's control coefficients are only read)."""
    envelope = clip._new_envelope(parameter)
    envelope._shape.points = envelope._shape.points + [(float(t), float(v), c) for t, v, c in points]
    clip._envelopes_changed(record=False)


def _mixer(track, volume=0.85, pan=0.0, sends=()):
    track._mixer._volume._values["value"] = volume
    track._mixer._panning._values["value"] = pan
    for send, level in zip(track._mixer._sends, sends):
        send._values["value"] = level


def _drums(song):
    track = song._add_track(MIDI, "Drums", color_index=14)
    track._add_device(devices.drum_rack(track, "Studio Kit", DRUM_PADS, [
        "Kick Tune", "Kick Decay", "Snare Tune", "Hat Decay", "Drive", "Room", "Transient", "Volume"]))
    track._add_device(devices.glue_compressor(track))
    _clip(track, 0, "Hats", 4, patterns.hats_only())
    _clip(track, 1, "Beat A", 8, patterns.beat(full=False))
    _clip(track, 2, "Beat B", 8, patterns.beat(ghost=True))
    _clip(track, 3, "Snare Roll", 16, patterns.snare_roll(), color=15)
    _clip(track, 4, "Beat Drop", 8, patterns.beat(open_hats=True, crash=True))
    _clip(track, 6, "Beat Drop 2", 8, patterns.beat(ghost=True, open_hats=True, crash=True))
    _clip(track, 7, "Outro Beat", 8, patterns.beat(full=False))
    _mixer(track, 0.85, 0.0, (0.1, 0.0))
    return track


def _percussion(song):
    track = song._add_track(MIDI, "Perc", color_index=1)
    track._add_device(devices.drum_rack(track, "Percussion Kit", PERC_PADS, [
        "Tune", "Decay", "Shaker Level", "Conga Level", "Drive", "Room", "Swing", "Volume"]))
    _clip(track, 1, "Shaker", 8, patterns.percussion(2))
    _clip(track, 2, "Congas", 8, patterns.percussion(2, busy=True))
    _clip(track, 3, "Perc Build", 8, patterns.percussion(2))
    _clip(track, 4, "Perc Drop", 8, patterns.percussion(2, busy=True))
    _clip(track, 6, "Perc Drop", 8, patterns.percussion(2, busy=True))
    _mixer(track, 0.72, 0.25, (0.2, 0.1))
    return track


def _bass(song):
    track = song._add_track(MIDI, "Bass", color_index=4)
    bass = track._add_device(devices.analog(track, "Sub Bass", cutoff=0.35))
    track._add_device(devices.saturator(track))
    track._add_device(devices.compressor(track))
    _clip(track, 2, "Bass Verse", 16, patterns.bass("verse"))
    build = _clip(track, 3, "Bass Build", 16, patterns.bass("build"))
    # the filter opens slowly, then fast, holds, and drops back on the last two beats
    _drawn(build, bass._parameters[10], [(0, 0.2, (0.65, 0.0, 0.9, 0.35)), (8, 0.55, (0.1, 0.6, 0.35, 1.0)),
                                         (14, 0.85, None), (14, 0.4, None)])
    _clip(track, 4, "Bass Drop", 16, patterns.bass("drop"))
    _clip(track, 6, "Bass Drop 2", 16, patterns.bass("drop"))
    _clip(track, 7, "Bass Outro", 16, patterns.bass("long"))
    _mixer(track, 0.8, 0.0, (0.0, 0.0))
    return track


def _keys(song):
    track = song._add_track(MIDI, "Keys", color_index=19)
    track._add_device(devices.instrument_rack(
        track, "Keys Rack", ["Tone", "Tine Mix", "Decay", "Chorus", "Drive", "Width", "Space", "Volume"],
        [("Electric", devices.electric), ("Tines", lambda chain: devices.operator(chain, "Tines", 0.7))]))
    track._add_device(devices.chorus(track))
    _clip(track, 0, "Keys Intro", 16, patterns.chords("whole"))
    _clip(track, 2, "Keys Stabs", 16, patterns.chords("stabs"))
    _clip(track, 5, "Keys Break", 16, patterns.chords("halves"))
    _clip(track, 7, "Keys Outro", 16, patterns.chords("whole"))
    _mixer(track, 0.75, -0.2, (0.35, 0.15))
    return track


def _pad(song):
    track = song._add_track(MIDI, "Pad", color_index=21)
    track._add_device(devices.operator(track, "Warm Pad", cutoff=0.45))
    sweep_filter = track._add_device(devices.auto_filter(track, frequency=0.55))
    track._add_device(devices.reverb(track, wet=0.35))
    intro = _clip(track, 0, "Pad Intro", 16, patterns.chords("whole", voicing=2))
    build = _clip(track, 3, "Pad Build", 16, patterns.chords("whole", voicing=2))
    pad_break = _clip(track, 5, "Pad Break", 16, patterns.chords("whole", voicing=2))
    _clip(track, 7, "Pad Outro", 16, patterns.chords("whole", voicing=2))
    _mixer(track, 0.7, 0.15, (0.4, 0.0))
    _drawn(intro, track._mixer._volume, [(0, 0.55, (0.5, 0.0, 0.75, 0.6)), (8, 0.78, None)])  # a swell
    _steps(build, sweep_filter._parameters[3], [(beat, 1, round(0.3 + 0.04 * beat, 2)) for beat in range(16)])
    _steps(pad_break, sweep_filter._parameters[1], [(0, 4, 0), (4, 4, 2), (8, 4, 1), (12, 4, 3)])  # Filter Type
    return track


def _lead(song):
    track = song._add_track(MIDI, "Lead", color_index=23)
    track._add_device(devices.operator(track, "Saw Lead", cutoff=0.75))
    track._add_device(devices.echo(track))
    _clip(track, 4, "Hook", 16, patterns.hook())
    _clip(track, 6, "Hook High", 16, patterns.hook(12), color=9)
    _mixer(track, 0.78, 0.0, (0.25, 0.3))
    return track


def _arp(song):
    track = song._add_track(MIDI, "Arp", color_index=25)
    track._add_device(devices.analog(track, "Pluck", cutoff=0.6))
    echoes = track._add_device(devices.delay(track, wet=0.3))
    _clip(track, 3, "Arp 8ths", 16, patterns.arpeggio(0.5))
    sixteenths = _clip(track, 4, "Arp 16ths", 16, patterns.arpeggio(0.25))
    _steps(sixteenths, echoes._parameters[6], [(0, 4, 1), (4, 4, 0), (8, 4, 1), (12, 4, 0)])  # Ping Pong on, off
    _clip(track, 6, "Arp 16ths", 16, patterns.arpeggio(0.25))
    _mixer(track, 0.68, -0.35, (0.2, 0.25))
    return track


def _vocals(song):
    track = song._add_track(AUDIO, "Vox", color_index=0)
    track._add_device(devices.auto_filter(track, frequency=0.9))
    track._add_device(devices.utility(track))
    _clip(track, 2, "Vox Chop", 8, audio=dict(file_path="Samples/Vox/vox_chop_Am_122bpm.wav", sample_length=173115))
    _clip(track, 4, "Vox Phrase", 16, audio=dict(file_path="Samples/Vox/vox_phrase_Am_122bpm.wav",
                                                 sample_length=346230))
    _clip(track, 5, "Vox Break", 8, audio=dict(file_path="Samples/Vox/vox_air_Am.wav", sample_length=173115), color=12)
    _mixer(track, 0.76, 0.0, (0.3, 0.2))
    return track


def _atmos(song):
    """A group track, "Atmos", holding a MIDI track and an audio track (after the eight others)."""
    group = song._add_group("Atmos", color_index=17)
    group._add_device(devices.reverb(group, wet=0.25))
    riser = song._add_track(MIDI, "Riser", color_index=16, group=group)
    riser._add_device(devices.operator(riser, "Riser", cutoff=0.3))
    _clip(riser, 3, "Riser Build", 16, patterns.chords("whole", voicing=2))
    _mixer(riser, 0.7, 0.0, (0.3, 0.0))
    texture = song._add_track(AUDIO, "Texture", color_index=18, group=group)
    _clip(texture, 5, "Texture Break", 8, audio=dict(file_path="Samples/Atmos/texture_air.wav", sample_length=173115))
    _mixer(texture, 0.65, 0.2, (0.2, 0.1))
    return group


def build(clock):
    """The demo set, ready for the host."""
    register_browser_devices()
    song = Live.Song.Song(clock, name="LiveSurface Demo")
    song._values["tempo"] = 122.0
    for index, name in enumerate(SCENES):
        scene = song._insert_scene(index, name)
        _colors.set_index(scene, (20, 21, 22, 23, 14, 24, 15, 25)[index])
    reverb_return = song._add_return("A-Reverb", color_index=8)
    reverb_return._add_device(devices.reverb(reverb_return))
    delay_return = song._add_return("B-Delay", color_index=10)
    delay_return._add_device(devices.delay(delay_return))
    for make in (_drums, _percussion, _bass, _keys, _pad, _lead, _arp, _vocals, _atmos):
        make(song)
    master = song._master
    master._add_device(devices.glue_compressor(master, threshold=-8.0))
    master._add_device(devices.limiter(master))
    master._mixer._song_tempo._values["value"] = 122.0
    for time, name in CUES:
        song._cues.add(time, name)
    song._view._values["selected_track"] = song._tracks[0]
    song._view._values["selected_scene"] = song._scenes[0]
    return song
