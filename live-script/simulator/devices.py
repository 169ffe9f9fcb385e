"""Devices of the demo set, with the parameter names, ranges and value items Live's own have."""
import Live
from Live._params import Display

INSTRUMENT = Live.Device.DeviceType.instrument
AUDIO_EFFECT = Live.Device.DeviceType.audio_effect


def on_off(name, on=True):
    return dict(name=name, value=1.0 if on else 0.0, items=["Off", "On"])


def choice(name, items, index=0):
    return dict(name=name, value=float(index), items=list(items))


def amount(name, value, low=0.0, high=1.0, unit="", decimals=2):
    return dict(name=name, value=value, min=low, max=high, display=Display("plain", unit, decimals))


def signed(name, value, low, high, unit):
    """Semitones and cents: whole steps shown with their sign ("+12 st", "-50 ct", "0 st")."""
    return dict(name=name, value=value, min=low, max=high, display=Display("signed", unit, 0))


def ratio(name, value):
    """A compression ratio, 0..1 from 1:1 to inf:1, shown as Live does ("4.00 : 1")."""
    return dict(name=name, value=value, display=Display("ratio"))


def percent(name, value, default=None):
    return dict(name=name, value=value, default=default, display=Display("percent"))


def exponential(name, value, low, high, unit):
    """A 0..1 parameter shown on an exponential scale (frequencies, times)."""
    return dict(name=name, value=value, display=Display("exp", unit, 1, low, high))


def pan(name, value=0.0):
    return dict(name=name, value=value, min=-1.0, max=1.0, default=0.0, display=Display("pan"))


def _device(parent, name, class_name, display_name, kind, parameters):
    return Live.Device.Device(parent, name, class_name, display_name, kind, parameters)


def glue_compressor(parent, threshold=-12.0):
    return _device(parent, "Glue Compressor", "GlueCompressor", "Glue Compressor", AUDIO_EFFECT, [
        amount("Threshold", threshold, -40.0, 0.0, "dB", 1),
        # a quantized ratio: its items are the knob's marks, its text a ratio ("2.00 : 1")
        dict(name="Ratio", value=0.0, items=["2", "4", "10"], display=Display("ratio")),
        choice("Attack", ["0.01 ms", "0.1 ms", "0.3 ms", "1 ms", "3 ms", "10 ms", "30 ms"], 4),
        choice("Release", ["0.1 s", "0.2 s", "0.4 s", "0.6 s", "0.8 s", "1.2 s", "Auto"], 6),
        amount("Makeup", 2.0, 0.0, 20.0, "dB", 1),
        amount("Range", 70.0, 0.0, 70.0, "dB", 1),
        percent("Dry/Wet", 1.0, 1.0),
        on_off("Peak Clip In", False),
    ])


def compressor(parent):
    """Compressor (Live's class Compressor2): a continuous ratio, times, on/off switches."""
    return _device(parent, "Compressor", "Compressor2", "Compressor", AUDIO_EFFECT, [
        amount("Threshold", -18.0, -70.0, 6.0, "dB", 1),
        ratio("Ratio", 0.75),
        exponential("Attack", 0.35, 0.01, 1000.0, "ms"),
        exponential("Release", 0.45, 1.0, 3000.0, "ms"),
        on_off("Auto Release On/Off", False),
        amount("Output", 2.0, -36.0, 36.0, "dB", 2),
        on_off("Makeup", False),
        percent("Dry/Wet", 1.0, 1.0),
        amount("Knee", 6.0, 0.0, 18.0, "dB", 1),
        choice("Model", ["Peak", "RMS", "Expand"], 0),
        choice("LookAhead", ["0 ms", "1 ms", "10 ms"], 0),
    ])


def limiter(parent):
    return _device(parent, "Limiter", "Limiter", "Limiter", AUDIO_EFFECT, [
        amount("Gain", 0.0, -24.0, 24.0, "dB", 2),
        amount("Ceiling", -0.3, -24.0, 0.0, "dB", 2),
        exponential("Release", 0.3, 0.01, 3000.0, "ms"),
        on_off("Auto Release", True),
        choice("Lookahead", ["1.5 ms", "3 ms", "6 ms"], 1),
        choice("Stereo Link", ["L/R", "M/S"], 0),
    ])


def saturator(parent, drive=6.0):
    return _device(parent, "Saturator", "Saturator", "Saturator", AUDIO_EFFECT, [
        amount("Drive", drive, -36.0, 36.0, "dB", 2),
        choice("Type", ["Analog Clip", "Soft Sine", "Medium Curve", "Hard Curve", "Sinoid Fold",
                        "Digital Clip", "Bass Shaper", "Waveshaper"], 2),
        on_off("Color", False),
        amount("Output", -4.0, -36.0, 0.0, "dB", 2),
        on_off("Soft Clip", True),
        percent("Dry/Wet", 0.8, 1.0),
    ])


def auto_filter(parent, frequency=0.7):
    return _device(parent, "Auto Filter", "AutoFilter", "Auto Filter", AUDIO_EFFECT, [
        choice("Filter Type", ["Lowpass", "Highpass", "Bandpass", "Notch", "Morph"], 0),
        choice("Filter Circuit - LP/HP", ["Clean", "OSR", "MS2", "SMP", "PRD"], 0),
        exponential("Frequency", frequency, 26.0, 19900.0, "Hz"),
        percent("Resonance", 0.25, 0.0),
        amount("Drive", 0.0, 0.0, 24.0, "dB", 2),
        amount("Env. Modulation", 0.0, -127.0, 127.0, "", 0),
        percent("LFO Amount", 0.0, 0.0),
        choice("LFO Sync", ["Free", "Sync"], 1),
        choice("LFO Sync Rate", ["1/16", "1/8", "1/4", "1/2", "1", "2", "4", "8"], 2),
        choice("LFO Waveform", ["Sine", "Triangle", "Saw Up", "Saw Down", "Square", "Random"], 0),
        percent("Dry/Wet", 1.0, 1.0),
    ])


def reverb(parent, wet=1.0):
    return _device(parent, "Reverb", "Reverb", "Reverb", AUDIO_EFFECT, [
        exponential("PreDelay", 0.45, 0.5, 250.0, "ms"),
        exponential("In Filter Freq", 0.6, 50.0, 18000.0, "Hz"),
        exponential("Decay Time", 0.42, 200.0, 60000.0, "ms"),
        amount("Room Size", 100.0, 0.22, 500.0, "", 2),
        amount("Stereo Image", 100.0, 0.0, 120.0, "", 2),
        amount("Reflect Level", 0.0, -30.0, 6.0, "dB", 1),
        amount("Diffuse Level", 0.0, -30.0, 6.0, "dB", 1),
        on_off("Freeze On", False),
        percent("Dry/Wet", wet, 1.0),
    ])


def delay(parent, wet=1.0):
    divisions = ["1", "2", "3", "4", "5", "6", "8", "16"]
    return _device(parent, "Delay", "Delay", "Delay", AUDIO_EFFECT, [
        on_off("L Sync", True),
        choice("L 16th", divisions, 2),
        on_off("R Sync", True),
        choice("R 16th", divisions, 3),
        on_off("Link", False),
        on_off("Ping Pong", True),
        percent("Feedback", 0.45, 0.5),
        on_off("Freeze", False),
        on_off("Filter On", True),
        exponential("Filter Freq", 0.55, 50.0, 18000.0, "Hz"),
        amount("Filter Width", 6.0, 0.5, 9.0, "", 1),
        percent("Dry/Wet", wet, 0.5),
    ])


def chorus(parent):
    return _device(parent, "Chorus-Ensemble", "Chorus2", "Chorus-Ensemble", AUDIO_EFFECT, [
        choice("Mode", ["Classic", "Ensemble", "Vibrato"], 1),
        exponential("Rate", 0.3, 0.01, 20.0, "Hz"),
        percent("Amount", 0.6, 0.5),
        percent("Feedback", 0.0, 0.0),
        percent("Width", 1.0, 1.0),
        percent("Dry/Wet", 0.5, 0.5),
    ])


def echo(parent):
    divisions = ["1/16", "1/8", "3/16", "1/4", "3/8", "1/2", "1"]
    return _device(parent, "Echo", "Echo", "Echo", AUDIO_EFFECT, [
        choice("L Division", divisions, 2),
        choice("R Division", divisions, 3),
        percent("Feedback", 0.35, 0.5),
        percent("Reverb Level", 0.2, 0.0),
        amount("Input Gain", 0.0, -30.0, 12.0, "dB", 1),
        percent("Dry Wet", 0.3, 0.5),
    ])


def utility(parent):
    return _device(parent, "Utility", "StereoGain", "Utility", AUDIO_EFFECT, [
        on_off("Left Inv", False),
        on_off("Right Inv", False),
        choice("Channel Mode", ["Left", "Stereo", "Right", "Swap"], 1),
        amount("Stereo Width", 1.0, 0.0, 4.0, "", 2),
        on_off("Mono", False),
        on_off("Bass Mono", False),
        amount("Gain", 0.0, -35.0, 35.0, "dB", 2),
        pan("Balance"),
        on_off("Mute", False),
    ])


def analog(parent, name, cutoff=0.5):
    return _device(parent, name, "UltraAnalog", "Analog", INSTRUMENT, [
        on_off("OSC1 On", True),
        choice("OSC1 Shape", ["Sine", "Saw", "Rect", "Noise"], 1),
        amount("OSC1 Octave", 0.0, -3.0, 3.0, "", 0),
        signed("OSC1 Semi", 0.0, -12.0, 12.0, "st"),
        percent("OSC1 Level", 0.8, 0.8),
        on_off("OSC2 On", True),
        choice("OSC2 Shape", ["Sine", "Saw", "Rect", "Noise"], 2),
        amount("OSC2 Detune", 0.1, -1.0, 1.0, "", 2),
        choice("F1 Type", ["LP12", "LP24", "BP6", "BP12", "Notch", "HP12", "HP24", "Formant"], 1),
        exponential("F1 Freq", cutoff, 30.0, 18000.0, "Hz"),
        percent("F1 Resonance", 0.3, 0.0),
        amount("F1 Freq < Env", 0.5, -1.0, 1.0, "", 2),
        exponential("FEG1 Decay", 0.35, 1.0, 20000.0, "ms"),
        exponential("AEG1 Attack", 0.05, 1.0, 20000.0, "ms"),
        exponential("AEG1 Decay", 0.4, 1.0, 20000.0, "ms"),
        percent("AEG1 Sustain", 0.6, 0.7),
        exponential("AEG1 Release", 0.3, 1.0, 20000.0, "ms"),
        exponential("Glide Time", 0.0, 0.5, 10000.0, "ms"),
        amount("Volume", -6.0, -36.0, 0.0, "dB", 1),
    ])


def electric(parent):
    return _device(parent, "Electric", "LoungeLizard", "Electric", INSTRUMENT, [
        percent("M Stiffness", 0.45, 0.5),
        percent("M Force", 0.55, 0.5),
        signed("Noise Pitch", 0.0, -48.0, 48.0, "st"),
        percent("Noise Amount", 0.2, 0.2),
        percent("F Tine Color", 0.6, 0.5),
        percent("F Tine Decay", 0.5, 0.5),
        percent("F Tine Vol", 0.7, 0.7),
        percent("F Tone Vol", 0.4, 0.4),
        percent("Damp Tone", 0.5, 0.5),
        percent("P Symmetry", 0.5, 0.5),
        percent("P Distance", 0.4, 0.4),
        amount("Volume", -8.0, -36.0, 6.0, "dB", 1),
    ])


def operator(parent, name, cutoff=0.6):
    return _device(parent, name, "Operator", "Operator", INSTRUMENT, [
        choice("Algorithm", [str(n) for n in range(1, 12)], 10),
        choice("Osc-A Wave", ["Sine", "Saw D", "Square D", "Triangle D", "Saw 32", "Square 32", "Noise White"], 4),
        amount("A Coarse", 1.0, 0.0, 48.0, "", 0),
        amount("A Fine", 0.0, 0.0, 1000.0, "", 0),
        amount("Osc-A Level", 0.0, -70.0, 0.0, "dB", 1),
        on_off("Filter On", True),
        choice("Filter Type", ["Low 12dB", "Low 24dB", "Band 6dB", "Band 12dB", "High 12dB", "High 24dB"], 1),
        exponential("Filter Freq", cutoff, 30.0, 18500.0, "Hz"),
        percent("Filter Res", 0.2, 0.2),
        exponential("Ae Attack", 0.1, 0.1, 20000.0, "ms"),
        exponential("Ae Decay", 0.5, 1.0, 20000.0, "ms"),
        amount("Ae Sustain", -6.0, -70.0, 0.0, "dB", 1),
        exponential("Ae Release", 0.45, 1.0, 20000.0, "ms"),
        percent("Tone", 0.7, 0.7),
        signed("Transpose", 0.0, -48.0, 48.0, "st"),
        percent("Spread", 0.3, 0.0),
        amount("Volume", -9.0, -36.0, 6.0, "dB", 1),
    ])


def simpler(parent, name):
    return Live.SimplerDevice.SimplerDevice(parent, name, "OriginalSimpler", "Simpler", INSTRUMENT, [
        exponential("Ve Attack", 0.0, 0.1, 20000.0, "ms"),
        exponential("Ve Decay", 0.5, 1.0, 60000.0, "ms"),
        signed("Transpose", 0.0, -48.0, 48.0, "st"),
        signed("Detune", 0.0, -50.0, 50.0, "ct"),
        exponential("Filter Freq", 0.8, 30.0, 22000.0, "Hz"),
        percent("Filter Res", 0.1, 0.1),
        pan("Pan"),
        amount("Volume", -6.0, -36.0, 6.0, "dB", 1),
    ])


def drum_rack(parent, name, pads, macros):
    """A Drum Rack with a Simpler on each named pad (pads: [(note, name)])."""
    rack = Live.RackDevice.RackDevice(parent, name, "DrumGroupDevice", "Drum Rack", INSTRUMENT, macros, drum=True)
    for note, pad_name in pads:
        chain = Live.DrumChain.DrumChain(rack, pad_name, note)
        chain._add_device(simpler(chain, pad_name))
        rack._add_chain(chain)
    return rack


def instrument_rack(parent, name, macros, chains):
    """An Instrument Rack; chains: [(chain name, device factory)]."""
    rack = Live.RackDevice.RackDevice(parent, name, "InstrumentGroupDevice", "Instrument Rack", INSTRUMENT, macros)
    for chain_name, make_device in chains:
        chain = Live.Chain.Chain(rack, chain_name)
        chain._add_device(make_device(chain))
        rack._add_chain(chain)
    return rack
