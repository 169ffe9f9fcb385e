"""A small remote script written to a temporary folder: shows the host loads any script
the way Live does, and records what Live calls."""
import os
import tempfile
import textwrap

SOURCE = textwrap.dedent('''
    import Live
    from _Framework.ControlSurface import ControlSurface

    CALLS = []


    class Probe(ControlSurface):
        def __init__(self, c_instance):
            ControlSurface.__init__(self, c_instance)
            self.displays = 0
            self.midi = []
            self.timer_calls = 0
            self.scheduled = []
            self.log_message("probe loaded")

        def update_display(self):
            self.displays += 1
            ControlSurface.update_display(self)

        def receive_midi(self, midi_bytes):
            self.midi.append(tuple(midi_bytes))

        def build_midi_map(self, midi_map_handle):
            script = self._c_instance.handle()
            Live.MidiMap.forward_midi_note(script, midi_map_handle, 0, 48)
            Live.MidiMap.forward_midi_cc(script, midi_map_handle, 0, 1)
            volume = self.song().tracks[0].mixer_device.volume
            Live.MidiMap.map_midi_cc(midi_map_handle, volume, 0, 7, Live.MidiMap.MapMode.absolute, False)

        def disconnect(self):
            CALLS.append("disconnect")
            ControlSurface.disconnect(self)


    def create_instance(c_instance):
        return Probe(c_instance)
''')


def write_probe_script():
    """A fresh folder holding the probe script package; returns the package folder."""
    parent = tempfile.mkdtemp(prefix="probe-script-")
    package = os.path.join(parent, "ProbeSurface")
    os.makedirs(package)
    with open(os.path.join(package, "__init__.py"), "w") as handle:
        handle.write(SOURCE)
    return package
