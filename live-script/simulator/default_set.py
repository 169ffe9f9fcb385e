"""A set shaped like the one Live opens for File > New: two MIDI tracks and two audio tracks
named as Live names them, eight empty scenes, returns "A-Reverb" and "B-Delay" with a Reverb and
a Delay on them, and the master (live-script/README.md, "Evidence: the default set").

Remote scripts' own tests often assume this set (track 0 an empty MIDI track, track 2 an audio
track, two returns): `python3 live-script/sim.py --set default`.
"""
import Live
from Live import _browser
from Live._tracks import AUDIO, MIDI

from . import devices

SCENES = 8
TEMPO = 120.0


def register_browser_devices():
    """The browser's devices, made with the parameters the simulator's devices have (devices.py)."""
    factories = {
        "UltraAnalog": lambda parent, name: devices.analog(parent, name),
        "LoungeLizard": lambda parent, name: devices.electric(parent),
        "Operator": lambda parent, name: devices.operator(parent, name),
        "OriginalSimpler": lambda parent, name: devices.simpler(parent, name),
        "AutoFilter": lambda parent, name: devices.auto_filter(parent),
        "Chorus2": lambda parent, name: devices.chorus(parent),
        "Compressor2": lambda parent, name: devices.compressor(parent),
        "Delay": lambda parent, name: devices.delay(parent),
        "Echo": lambda parent, name: devices.echo(parent),
        "GlueCompressor": lambda parent, name: devices.glue_compressor(parent),
        "Limiter": lambda parent, name: devices.limiter(parent),
        "Reverb": lambda parent, name: devices.reverb(parent),
        "Saturator": lambda parent, name: devices.saturator(parent),
        "StereoGain": lambda parent, name: devices.utility(parent),
    }
    for class_name, make in factories.items():
        _browser.register_factory(class_name, make)


def build(clock):
    """Live's default set, ready for the host."""
    register_browser_devices()
    song = Live.Song.Song(clock, name="Untitled")
    song._values["tempo"] = TEMPO
    for index in range(SCENES):
        song._insert_scene(index)
    reverb = song._add_return("A-Reverb", color_index=8)
    reverb._add_device(devices.reverb(reverb))
    delay = song._add_return("B-Delay", color_index=10)
    delay._add_device(devices.delay(delay))
    # Live names a new track after its number and kind; the colors: no evidence of the template's own
    for number, (kind, color) in enumerate(((MIDI, 18), (MIDI, 21), (AUDIO, 25), (AUDIO, 0)), 1):
        song._add_track(kind, "%d-%s" % (number, "MIDI" if kind == MIDI else "Audio"), color_index=color)
    song._master._mixer._song_tempo._values["value"] = TEMPO
    song._view._values["selected_track"] = song._tracks[0]
    song._view._values["selected_scene"] = song._scenes[0]
    return song
