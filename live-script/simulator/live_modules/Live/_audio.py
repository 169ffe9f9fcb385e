"""Audio files and audio clips' sample time (private module; live-script/README.md, "Evidence: audio").

Live takes an absolute path to an audio file for `ClipSlot.create_audio_clip` and
`Track.create_audio_clip`: a relative path raises ValueError("Please provide an absolute path"),
anything that is not a readable audio file ValueError("The provided path does not appear to
point to a valid audio file") (a project's probes of Live 12.4). The simulator reads the length
and rate of WAV, AIFF and FLAC files from their headers (standard library only; other formats
Live reads, MP3 and Ogg, are refused: no header reader here).

A new audio clip is warped and its sample plays at the tempo the set had when the clip was made
(the probes: a 2.0 s file is a 4.0-beat clip at 120 BPM): beat and sample time are in a straight
line, `sample_beats` beats for the whole sample, as two warp markers would make them.
"""
import os
import struct
import tempfile
import time
import wave

NOT_ABSOLUTE = "Please provide an absolute path"
NOT_AUDIO = "The provided path does not appear to point to a valid audio file"
DEFAULT_RATE = 44100.0
WARP_MODES = (0, 1, 2, 3, 4, 6)  # every Clip.WarpMode but rex (5), which only REX files have (the probes)


def _aiff(handle):
    """(frames, rate) from an AIFF or AIFF-C file's COMM chunk, or None."""
    header = handle.read(12)
    if len(header) < 12 or header[:4] != b"FORM" or header[8:12] not in (b"AIFF", b"AIFC"):
        return None
    while True:
        chunk = handle.read(8)
        if len(chunk) < 8:
            return None
        name, size = chunk[:4], struct.unpack(">I", chunk[4:])[0]
        if name == b"COMM":
            data = handle.read(size)
            if len(data) < 18:
                return None
            frames = struct.unpack(">I", data[2:6])[0]
            return frames, _extended(data[8:18])
        handle.seek(size + (size & 1), os.SEEK_CUR)


def _extended(data):
    """An IEEE 754 80-bit extended float (AIFF's sample rate)."""
    exponent = struct.unpack(">H", data[:2])[0] & 0x7FFF
    mantissa = struct.unpack(">Q", data[2:10])[0]
    if exponent == 0 and mantissa == 0:
        return 0.0
    return mantissa * 2.0 ** (exponent - 16383 - 63)


def _flac(handle):
    """(frames, rate) from a FLAC file's STREAMINFO block, or None."""
    if handle.read(4) != b"fLaC":
        return None
    block = handle.read(4)
    if len(block) < 4 or block[0] & 0x7F != 0:
        return None
    info = handle.read(34)
    if len(info) < 34:
        return None
    bits = int.from_bytes(info[10:18], "big")
    rate = bits >> 44
    frames = bits & ((1 << 36) - 1)
    return frames, float(rate)


def read_audio_file(path):
    """(frames, sample rate) of the audio file at `path`, raising as Live does when it is none."""
    if not isinstance(path, str) or not os.path.isabs(path):
        raise ValueError(NOT_ABSOLUTE)
    try:
        with wave.open(path, "rb") as audio:
            return audio.getnframes(), float(audio.getframerate())
    except (wave.Error, EOFError, OSError):
        pass
    try:
        with open(path, "rb") as handle:
            for reader in (_aiff, _flac):
                handle.seek(0)
                found = reader(handle)
                if found is not None and found[1] > 0:
                    return found
    except (OSError, struct.error):
        pass
    raise ValueError(NOT_AUDIO)


def clip_audio(file_path, frames, rate, beats):
    """What an audio clip keeps of its sample (Clip._audio)."""
    return dict(file_path=file_path, sample_length=frames, sample_rate=rate, sample_beats=beats)


def beats_of(frames, rate, tempo):
    """How many beats a sample of `frames` lasts at `tempo` (a new clip, warped at the set's tempo)."""
    return frames / rate * tempo / 60.0 if rate else 0.0


def clip_name(file_path):
    """A clip made from a file is named after the file (its name without the extension)."""
    return os.path.splitext(os.path.basename(file_path))[0]


def processed_path(kind, file_path):
    """Where Live writes a processed copy of a sample (`Samples/Processed/<kind>` in the project:
    a set-file tool lists Crop, Consolidate, Freeze and Reverse there)."""
    stem = clip_name(file_path) or "Audio"
    return os.path.join(project_folder(), "Samples", "Processed", kind, "%s %s.wav" % (stem, kind))


def recorded_path(track_name, take):
    """Where a session recording goes: `Samples/Recorded/<track> <take> [<date> <time>].aif` in the
    project (a set file: "10-Audio 0005 [2024-02-03 124542].aif"; the probes: "PROBE-AUDIO 0001 [...]")."""
    stamp = time.strftime("%Y-%m-%d %H%M%S")
    return os.path.join(project_folder(), "Samples", "Recorded", "%s %04d [%s].aif" % (track_name, take, stamp))


_PROJECT = []


def project_folder():
    """An unsaved set's temporary project (the probes: ".../Live Recordings/<date> <time> Temp Project");
    the simulator's is under the system's temporary folder and nothing is written there."""
    if not _PROJECT:
        _PROJECT.append(os.path.join(tempfile.gettempdir(), "Live Recordings",
                                     "%s Temp Project" % time.strftime("%Y-%m-%d %H%M%S")))
    return _PROJECT[0]
