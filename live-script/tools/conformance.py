"""Public remote scripts, unmodified, on the simulator: do their operations work?

    python3 live-script/tools/conformance.py [--mode 11|12] [--direct] [--own-tests] [--json]

The scripts are other people's code and the project commits none of it. AbletonJS comes
from npm (the `ableton-js` devDependency ships its `midi-script/`, the folder Live users
copy as `AbletonJS`). AbletonOSC and XoneK2 are not packaged: each is its repository as
downloaded (a clone at the commit named in SOURCES), in the folder given by
LIVESURFACE_THIRD_PARTY_SCRIPTS (by default live-script/tests/third_party/, ignored by git
but for its README.md, which says how to get them). A script that is not there is skipped,
and the table says where to get it.

For each script present and each Live mode, a child process copies the script into a
temporary Remote Scripts folder, under the name Live users give it, loads it as Live does,
and runs its operations on a simulated clock:
- XoneK2 (a `_Framework` controller): its MIDI into the set's input, checking
  the set changes and the LEDs it sends back;
- AbletonOSC (`ableton.v2`, OSC over UDP): OSC messages over loopback UDP
  (or, with --direct, straight to its handlers), checking the replies;
- AbletonJS (`_Framework`, JSON over UDP): its commands to its handler.
It prints a table (script, mode, passed/failed) and why each failure fails.
With --own-tests it also runs the scripts' own test suites where they have
them: XoneK2's unit tests, and AbletonOSC's tests (written against a running
Live, pytest over UDP on 127.0.0.1:11000/11001) against a simulator running in
real time. Exit status 0 when every script present loaded and nothing failed.

The harness changes no script file. It points AbletonOSC's server (bound to
0.0.0.0:11000 by default, answering to 11001) at loopback and free ports, the
way a user edits its constants.py, and gives each run a private temporary folder (AbletonJS keeps
its port files there).
"""
import argparse
import importlib.util
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
LIVE_SCRIPT = os.path.dirname(HERE)
REPO = os.path.dirname(LIVE_SCRIPT)
THIRD_PARTY = os.path.abspath(os.environ.get("LIVESURFACE_THIRD_PARTY_SCRIPTS")
                              or os.path.join(LIVE_SCRIPT, "tests", "third_party"))
ABLETON_JS = os.path.join(REPO, "node_modules", "ableton-js")
SCRIPTS = ("XoneK2", "AbletonOSC", "AbletonJS")

# Where each script comes from. "folder": the download in THIRD_PARTY (a clone keeps the
# repository's name); "script": the Remote Script inside it, "" when it is the repository itself;
# "tests": its own test suite, inside the download.
SOURCES = {
    "XoneK2": {"repository": "https://github.com/MindseekerMedia/xone-k2-remote-script",
               "commit": "9a31f80701220a1bca27059513d64fb283e94add",
               "folder": "xone-k2-remote-script", "script": "XoneK2", "tests": "tests"},
    "AbletonOSC": {"repository": "https://github.com/ideoforms/AbletonOSC",
                   "commit": "0ca68214bd62c9b5cb641ca34006cfd70ba94430",
                   "folder": "AbletonOSC", "script": "", "tests": "tests"},
    "AbletonJS": {"npm": "ableton-js"},
}
NOT_COPIED = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".pytest_cache")


def download(name):
    """The folder holding the script as published (a download, or the npm package), or None."""
    source = SOURCES[name]
    folder = ABLETON_JS if "npm" in source else os.path.join(THIRD_PARTY, source["folder"])
    return folder if os.path.isdir(folder) else None


def script_folder(name):
    """The Remote Script's own folder, as published, or None when it is not on this machine."""
    folder = download(name)
    if folder is None:
        return None
    folder = os.path.join(folder, "midi-script" if name == "AbletonJS" else SOURCES[name]["script"])
    return folder if os.path.isfile(os.path.join(folder, "__init__.py")) else None


def missing(name):
    """Why a script is skipped and where to get it; None when it is here."""
    if script_folder(name) is not None:
        return None
    source = SOURCES[name]
    if "npm" in source:
        return "%s: %s not found; it comes from npm: `npm ci` (or `npm install`) installs the `%s` devDependency" % (
            name, os.path.relpath(os.path.join(ABLETON_JS, "midi-script")), source["npm"])
    return "%s: %s not found; clone %s at %s there (live-script/tests/third_party/README.md)" % (
        name, os.path.relpath(os.path.join(THIRD_PARTY, source["folder"])), source["repository"], source["commit"])


def available(scripts=SCRIPTS):
    return [name for name in scripts if missing(name) is None]


def install(name, into):
    """Copies a script, unmodified, into a Remote Scripts folder under the name Live users give it
    (AbletonJS's package says to copy `midi-script` as `AbletonJS`); returns the folder Live would load."""
    folder = os.path.join(into, name)
    shutil.copytree(script_folder(name), folder, ignore=NOT_COPIED)
    return folder


# ---------------------------------------------------------------- the rig (inside a child process)


class Rig(object):
    """A simulated Live on a simulated clock with one script loaded."""

    def __init__(self, script_dir, before_load=None):
        sys.path.insert(0, LIVE_SCRIPT)
        from simulator import demo_set
        from simulator.clock import SimulatedClock
        from simulator.host import Host
        self.log_dir = tempfile.mkdtemp(prefix="conformance-log-")
        self.clock = SimulatedClock()
        self.host = Host(demo_set.build, log_dir=self.log_dir, clock=self.clock)
        self.song = self.host.song
        if before_load is not None:
            before_load(self)
        self.host.begin([script_dir])
        self.surface = self.host.surfaces[0]
        self.script = self.surface.instance

    def advance(self, seconds=0.1):
        self.host.advance(seconds)

    def midi(self, *message):
        self.host.midi_in(tuple(message))

    def sent(self):
        return [message for _, message in self.host.sent_midi]

    def clear_sent(self):
        self.host.sent_midi.clear()

    def log_text(self):
        with open(os.path.join(self.log_dir, "Log.txt")) as handle:
            return handle.read()

    def close(self):
        self.host.shutdown()


def check(condition, message="check failed"):
    if not condition:
        raise AssertionError(message)


def near(a, b, tolerance=1e-4):
    return abs(a - b) <= tolerance


# ---------------------------------------------------------------- XoneK2 (_Framework, MIDI)

NOTE_ON = 0x90


def xonek2_operations(rig):
    song = rig.song
    tracks = song.visible_tracks

    def loads():
        check(type(rig.script).__name__ == "XoneK2")
        check(rig.surface.c_instance.feedback_channels == (0, 1, 2, 3), rig.surface.c_instance.feedback_channels)

    def red_box_drawn():
        check(rig.surface.c_instance.session_highlight == (0, 0, 16, 4, False), rig.surface.c_instance.session_highlight)

    def fader_sets_volume():
        volume = tracks[0].mixer_device.volume
        rig.midi(0xB0, 16, 100)
        check(near(volume.value, volume.default_value), volume.value)
        rig.midi(0xB0, 16, 50)
        check(near(volume.value, volume.min + (volume.default_value - volume.min) * 0.5), volume.value)

    def pots_set_sends():
        sends = tracks[1].mixer_device.sends
        rig.midi(0xB0, 13, 127)  # pan pot of column 1: Send A
        check(near(sends[0].value, sends[0].max), sends[0].value)
        rig.midi(0xB0, 9, 0)  # send B pot of column 1
        check(near(sends[1].value, sends[1].min), sends[1].value)

    def mute_button_toggles_and_lights():
        rig.clear_sent()
        before = tracks[0].mute
        rig.midi(NOTE_ON, 40, 127)  # E2: the script's mute
        rig.midi(NOTE_ON, 40, 0)
        check(tracks[0].mute != before, "mute did not toggle")
        check((NOTE_ON, 40, 127) in rig.sent() if tracks[0].mute else True, rig.sent())
        rig.midi(NOTE_ON, 40, 127)
        check(tracks[0].mute == before)

    def solo_button_toggles():
        rig.midi(NOTE_ON, 44, 127)  # G#2
        check(tracks[0].solo)
        rig.midi(NOTE_ON, 44, 127)
        check(not tracks[0].solo)

    def arm_button_toggles():
        track = next(t for t in tracks[:4] if t.can_be_armed)
        column = list(tracks).index(track)
        before = track.arm
        rig.midi(NOTE_ON, 48 + column, 127)  # C3.. : the script's arm
        check(track.arm != before)
        rig.midi(NOTE_ON, 48 + column, 127)
        check(track.arm == before)

    def select_button_selects_track():
        rig.midi(NOTE_ON, 53, 127)  # F3: column 1
        check(song.view.selected_track == tracks[1])

    def clip_button_launches_clip():
        slot = next(s for s in (t.clip_slots[0] for t in tracks[:4]) if s.has_clip)
        column = [t.clip_slots[0] for t in tracks[:4]].index(slot)
        rig.midi(NOTE_ON, 36 + column, 127)  # C2 row: scene 0
        rig.midi(NOTE_ON, 36 + column, 0)
        check(slot.clip.is_triggered or slot.clip.is_playing, "clip not launched")
        rig.advance(4.0)
        check(slot.clip.is_playing, "clip not playing")
        song.stop_playing()
        song.stop_all_clips(False)
        rig.advance(0.5)

    def clip_leds_show_clip_colours():
        rig.clear_sent()
        rig.midi(0xB0, 21, 1)  # scene navigation redraws the pads
        rig.midi(0xB0, 21, 127)
        lit = [m for m in rig.sent() if m[0] == NOTE_ON and m[2] == 127 and m[1] >= 24]
        check(lit, "no pad LED lit: %r" % rig.sent()[:8])

    def play_button_toggles_transport():
        rig.clear_sent()
        rig.midi(NOTE_ON, 12, 127)  # C0
        check(song.is_playing)
        check((NOTE_ON, 12, 127) in rig.sent(), rig.sent())
        rig.midi(NOTE_ON, 12, 127)
        check(not song.is_playing)

    def scene_encoder_moves_box():
        rig.midi(0xB0, 21, 1)
        check(rig.surface.c_instance.session_highlight == (0, 1, 16, 4, False), rig.surface.c_instance.session_highlight)
        rig.midi(0xB0, 21, 127)
        check(rig.surface.c_instance.session_highlight == (0, 0, 16, 4, False))

    def lock_button_lights():
        rig.clear_sent()
        rig.midi(NOTE_ON, 15, 127)  # D#0
        check((NOTE_ON, 15, 127) in rig.sent(), rig.sent())
        rig.midi(NOTE_ON, 15, 127)

    def tempo_encoder_nudges_tempo():
        before = song.tempo
        rig.midi(0xB3, 21, 1)  # the last unit's (channel 4) bottom-right encoder
        check(near(song.tempo, before + 0.1), song.tempo)
        rig.midi(0xB3, 21, 127)
        check(near(song.tempo, before), song.tempo)

    def blink_runs_on_ticks():
        song.start_playing()
        slot = next(s for s in (t.clip_slots[0] for t in tracks[:4]) if s.has_clip)
        slot.fire()
        rig.advance(1.0)
        rig.clear_sent()
        rig.advance(1.0)  # schedule_message(4, ...) every 400 ms
        check(rig.sent(), "no blinking")
        song.stop_playing()
        song.stop_all_clips(False)
        rig.advance(0.5)

    return [loads, red_box_drawn, fader_sets_volume, pots_set_sends, mute_button_toggles_and_lights,
            solo_button_toggles, arm_button_toggles, select_button_selects_track, clip_button_launches_clip,
            clip_leds_show_clip_colours, play_button_toggles_transport, scene_encoder_moves_box,
            lock_button_lights, tempo_encoder_nudges_tempo, blink_runs_on_ticks]


# ---------------------------------------------------------------- AbletonOSC (ableton.v2, OSC over UDP)


class OscLink(object):
    """Talks OSC to AbletonOSC: over loopback UDP, or (direct) to its handlers."""

    def __init__(self, rig, osc, direct):
        self.rig = rig
        self.osc = osc
        self.direct = direct
        self.received = []
        self.server = rig.script.osc_server
        if direct:
            self.server.send = lambda address, params=(), remote_addr=None: self.received.append(
                (address, tuple(params)))

    def send(self, address, *params):
        if self.direct:
            class Message(object):
                pass
            message = Message()
            message.address, message.params = address, list(params)
            self.server.process_message(message, ("127.0.0.1", 0))
        else:
            builder = self.osc.osc_message_builder.OscMessageBuilder(address)
            for param in params:
                builder.add_arg(param)
            self.osc.sock.sendto(builder.build().dgram, self.server._socket.getsockname())
        self.rig.advance(0.1)
        self._drain()

    def _drain(self, wait=0.02):
        """Reads what arrived (loopback UDP may take a moment to be readable)."""
        if self.direct:
            return
        select.select([self.osc.sock], [], [], wait)
        while True:
            try:
                data = self.osc.sock.recv(65536)
            except (BlockingIOError, socket.timeout):
                return
            message = self.osc.osc_message.OscMessage(data)
            self.received.append((message.address, tuple(message.params)))

    def query(self, address, *params):
        self.received = [r for r in self.received if r[0] != address]
        self.send(address, *params)
        for _ in range(5):
            for entry in self.received:
                if entry[0] == address:
                    self.received.remove(entry)
                    return entry[1]
            self.rig.advance(0.1)
            self._drain()
        raise AssertionError("no reply to %s" % address)

    def wait(self, address):
        for _ in range(10):
            self._drain()
            for entry in self.received:
                if entry[0] == address:
                    self.received.remove(entry)
                    return entry[1]
            self.rig.advance(0.1)
        raise AssertionError("no %s" % address)


def abletonosc_prepare(direct):
    """Before the script loads: its server on loopback and a free port, replies to a socket of ours."""
    reply = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    reply.bind(("127.0.0.1", 0))
    reply.setblocking(False)

    def before_load(rig):
        import AbletonOSC.abletonosc.osc_server as osc_server
        port = reply.getsockname()[1]
        osc_server.OSCServer.__init__.__defaults__ = (("127.0.0.1", 0), ("127.0.0.1", port))
        osc_server.OSC_RESPONSE_PORT = port  # where it sends listen updates (its constants.py: 11001)
    return reply, before_load


def abletonosc_operations(rig, link):
    song = rig.song

    def loads():
        check(type(rig.script).__name__ == "Manager")
        check(len(rig.script.handlers) == 9)

    def test_replies_ok():
        check(link.query("/live/test") == ("ok",))

    def application_version():
        major, minor = link.query("/live/application/get/version")
        check(major == rig.host.application.get_major_version() and minor == 3, (major, minor))

    def set_and_get_tempo():
        link.send("/live/song/set/tempo", 125.0)
        check(link.query("/live/song/get/tempo") == (125.0,))

    def start_and_stop_playing():
        link.send("/live/song/start_playing")
        check(link.query("/live/song/get/is_playing") == (True,))
        link.send("/live/song/stop_playing")
        check(link.query("/live/song/get/is_playing") == (False,))

    def num_tracks_and_scenes():
        check(link.query("/live/song/get/num_tracks") == (len(song.tracks),))
        check(link.query("/live/song/get/num_scenes") == (len(song.scenes),))

    def create_and_delete_track():
        count = len(song.tracks)
        link.send("/live/song/create_midi_track", -1)
        check(len(song.tracks) == count + 1)
        link.send("/live/song/delete_track", count)
        check(len(song.tracks) == count)

    def track_name_and_mute():
        check(link.query("/live/track/get/name", 0) == (0, song.tracks[0].name))
        link.send("/live/track/set/mute", 0, 1)
        check(link.query("/live/track/get/mute", 0) == (0, True))
        link.send("/live/track/set/mute", 0, 0)

    def track_volume():
        link.send("/live/track/set/volume", 1, 0.5)
        check(near(link.query("/live/track/get/volume", 1)[1], 0.5))

    def create_clip_and_notes():
        track = next(i for i, t in enumerate(song.tracks) if t.has_midi_input)
        slot = next(i for i, s in enumerate(song.tracks[track].clip_slots) if not s.has_clip)
        link.send("/live/clip_slot/create_clip", track, slot, 4.0)
        check(song.tracks[track].clip_slots[slot].has_clip)
        link.send("/live/clip/add/notes", track, slot, 60, 0.0, 1.0, 100, False)
        notes = link.query("/live/clip/get/notes", track, slot)
        check(notes[2:7] == (60, 0.0, 1.0, 100, False), notes)
        link.send("/live/clip_slot/delete_clip", track, slot)
        check(not song.tracks[track].clip_slots[slot].has_clip)

    def fire_clip():
        track, slot = next((i, j) for i, t in enumerate(song.tracks) for j, s in enumerate(t.clip_slots)
                           if s.has_clip)
        link.send("/live/clip/fire", track, slot)
        rig.advance(3.0)
        check(link.query("/live/clip/get/is_playing", track, slot) == (track, slot, True))
        link.send("/live/song/stop_all_clips")
        link.send("/live/song/stop_playing")
        rig.advance(1.0)

    def fire_scene():
        link.send("/live/scene/fire", 1)
        rig.advance(3.0)
        check(song.is_playing)
        link.send("/live/song/stop_all_clips")
        link.send("/live/song/stop_playing")
        rig.advance(1.0)

    def select_track():
        link.send("/live/view/set/selected_track", 2)
        check(link.query("/live/view/get/selected_track") == (2,))

    def device_names():
        track = next(i for i, t in enumerate(song.tracks) if len(t.devices))
        names = link.query("/live/track/get/devices/name", track)
        check(names[1:] == tuple(d.name for d in song.tracks[track].devices), names)

    def listen_to_tempo():
        link.send("/live/song/start_listen/tempo")
        check(link.wait("/live/song/get/tempo") == (song.tempo,))
        song.tempo = 99.0
        check(link.wait("/live/song/get/tempo") == (99.0,))
        link.send("/live/song/stop_listen/tempo")

    def map_cc_to_device_parameter():
        track = next(i for i, t in enumerate(song.tracks) if len(t.devices) and len(t.devices[0].parameters) > 1)
        parameter = song.tracks[track].devices[0].parameters[1]
        link.send("/live/midimap/map_cc", track, 0, 1, 0, 77)
        rig.advance(0.1)  # Live rebuilds the MIDI map on its next turn
        rig.midi(0xB0, 77, 127)
        check(near(parameter.value, parameter.max), (parameter.value, parameter.max))

    def undo():
        link.send("/live/song/set/tempo", 111.0)
        rig.advance(0.1)
        link.send("/live/song/undo")
        check(song.tempo != 111.0, song.tempo)

    def logs_reach_live_log():
        text = rig.log_text()
        check("Python: INFO:abletonosc:" in text, text[-400:])

    def wildcard_query():
        link.send("/live/track/get/*", 0)
        check(any(address.startswith("/live/track/get/") for address, _ in link.received))

    return [loads, test_replies_ok, application_version, set_and_get_tempo, start_and_stop_playing,
            num_tracks_and_scenes, create_and_delete_track, track_name_and_mute, track_volume,
            create_clip_and_notes, fire_clip, fire_scene, select_track, device_names, listen_to_tempo,
            map_cc_to_device_parameter, undo, logs_reach_live_log, wildcard_query]


# ---------------------------------------------------------------- AbletonJS (_Framework, JSON over UDP)


def abletonjs_operations(rig):
    script = rig.script
    song = rig.song
    sent = []
    original_send = script.socket.send
    script.socket.send = lambda name, obj=None, uuid=None, immediate=False: sent.append((name, obj, uuid))
    counter = [0]

    def call(ns, name, args=None, nsid=None):
        counter[0] += 1
        uuid = "u%d" % counter[0]
        script.command_handler({"uuid": uuid, "ns": ns, "nsid": nsid, "name": name,
                                "args": {} if args is None else args})
        for event, obj, reply_uuid in sent:
            if reply_uuid == uuid:
                if event == "error":
                    raise AssertionError("error: %s" % (obj,))
                return json.loads(json.dumps(obj, default=lambda o: list(o) if hasattr(o, "__iter__") else str(o)))
        raise AssertionError("no reply to %s %s" % (ns, name))

    def loads():
        check(type(script).__name__ == "AbletonJS")
        check("Starting AbletonJS" in rig.log_text())

    def version():
        check(isinstance(call("internal", "get_prop", {"prop": "version"}), str))

    def get_and_set_tempo():
        call("song", "set_prop", {"prop": "tempo", "value": 131.0})
        check(call("song", "get_prop", {"prop": "tempo"}) == 131.0)

    def start_and_stop():
        call("song", "start_playing")
        check(song.is_playing)
        call("song", "stop_playing")
        check(not song.is_playing)

    def tracks_serialized():
        tracks = call("song", "get_prop", {"prop": "tracks"})
        check([t["name"] for t in tracks] == [t.name for t in song.tracks], tracks[:2])

    def track_by_id():
        track_id = call("song", "get_prop", {"prop": "tracks"})[0]["id"]
        check(call("track", "get_prop", {"prop": "name"}, nsid=track_id) == song.tracks[0].name)
        call("track", "set_prop", {"prop": "mute", "value": True}, nsid=track_id)
        check(song.tracks[0].mute)
        call("track", "set_prop", {"prop": "mute", "value": False}, nsid=track_id)

    def create_midi_track():
        count = len(song.tracks)
        call("song", "create_midi_track", {"index": -1})
        check(len(song.tracks) == count + 1)
        call("song", "delete_track", [count])  # Live's functions take no keywords

    def clip_slot_fire():
        track_id = call("song", "get_prop", {"prop": "tracks"})[0]["id"]
        slots = call("track", "get_prop", {"prop": "clip_slots"}, nsid=track_id)
        call("clip_slot", "fire", nsid=slots[0]["id"])
        check(song.tracks[0].clip_slots[0].is_triggered or song.tracks[0].clip_slots[0].is_playing)
        song.stop_all_clips(False)
        song.stop_playing()

    def session_box():
        call("session", "setup_session_box", {"num_tracks": 4, "num_scenes": 2})
        check(rig.surface.c_instance.session_highlight == (0, 0, 4, 2, False), rig.surface.c_instance.session_highlight)
        call("session", "set_session_offset", {"track_offset": 1, "scene_offset": 2})
        check(rig.surface.c_instance.session_highlight == (1, 2, 4, 2, False))

    def tempo_listener():
        event = call("song", "add_listener", {"prop": "tempo", "eventId": "tempo-event", "nsid": None})
        check(event == "tempo-event")
        song.tempo = 97.0
        check(any(name == "tempo-event" and obj == 97.0 for name, obj, _ in sent))
        call("song", "remove_listener", {"prop": "tempo", "nsid": None})

    def midi_forwarding():
        call("midi", "set_midi_outputs", {"outputs": [{"type": "cc", "channel": 0, "target": 20}]})
        call("midi", "add_listener", {"prop": "midi", "eventId": "midi-event"})
        rig.advance(0.1)  # Live rebuilds the MIDI map on its next turn
        rig.midi(0xB0, 20, 64)
        check(any(name == "midi-event" and tuple(obj["bytes"]) == (0xB0, 20, 64) for name, obj, _ in sent), sent[-3:])

    def device_parameters():
        index = next(i for i, t in enumerate(song.tracks) if len(t.devices))
        track_id = call("song", "get_prop", {"prop": "tracks"})[index]["id"]
        devices = call("track", "get_prop", {"prop": "devices"}, nsid=track_id)
        parameters = call("device", "get_prop", {"prop": "parameters"}, nsid=devices[0]["id"])
        check(parameters[0]["name"] == song.tracks[index].devices[0].parameters[0].name, parameters[:1])

    def scheduled_tick():
        check(script._last_tick > 0)

    script.socket.send_over_udp = original_send
    return [loads, version, get_and_set_tempo, start_and_stop, tracks_serialized, track_by_id, create_midi_track,
            clip_slot_fire, session_box, tempo_listener, midi_forwarding, device_parameters, scheduled_tick]


def abletonjs_udp_roundtrip(rig, tmp):
    """One request over the script's own UDP protocol: zlib'd JSON in numbered chunks."""
    import zlib
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.bind(("127.0.0.1", 0))
    client.settimeout(0.2)
    with open(os.path.join(tmp, "ableton-js-server.port")) as handle:
        server_port = int(handle.read())
    rig.script.socket.send = rig.script.socket.send_over_udp  # the harness's capture off: real replies
    rig.script.socket._client_addr = ("127.0.0.1", client.getsockname()[1])
    payload = zlib.compress(json.dumps({"uuid": "x1", "ns": "song", "nsid": None, "name": "get_prop",
                                        "args": {"prop": "tempo"}}).encode())
    client.sendto(struct.pack("BBB", 1, 0, 1) + payload, ("127.0.0.1", server_port))
    reply = None
    for _ in range(10):
        rig.advance(0.1)
        try:
            data = client.recv(65536)
        except socket.timeout:
            continue
        message = json.loads(zlib.decompress(data[3:].rstrip(b"\n")).decode())
        if message.get("uuid") == "x1":
            reply = message
            break
    client.close()
    check(reply is not None and reply["event"] == "result" and reply["data"] == rig.song.tempo, reply)


# ---------------------------------------------------------------- running (child process)

EXPLAINED = {
    # operation name: why it fails on the simulator (filled in as gaps are found)
}


def run_operations(operations):
    results = []
    for operation in operations:
        name = operation.__name__
        try:
            operation()
            results.append({"op": name, "ok": True})
        except Exception as error:
            why = EXPLAINED.get(name) or "%s: %s" % (type(error).__name__, str(error)[:300])
            results.append({"op": name, "ok": False, "why": why,
                            "trace": traceback.format_exc(limit=4)[-1500:]})
    return results


def run_script(name, direct):
    tmp = tempfile.mkdtemp(prefix="conformance-%s-" % name)
    folder = install(name, tmp)
    sys.path.insert(0, tmp)
    result = {"script": name, "loaded": False, "results": []}
    rig = None
    try:
        if name == "AbletonOSC":
            reply, before_load = abletonosc_prepare(direct)
            rig = Rig(folder, before_load)
            result["loaded"] = True

            class Osc(object):
                pass
            osc = Osc()
            import AbletonOSC.pythonosc.osc_message as osc_message
            import AbletonOSC.pythonosc.osc_message_builder as osc_message_builder
            osc.osc_message, osc.osc_message_builder, osc.sock = osc_message, osc_message_builder, reply
            rig.advance(0.2)
            link = OscLink(rig, osc, direct)
            result["results"] = run_operations(abletonosc_operations(rig, link))
            reply.close()
        elif name == "AbletonJS":
            rig = Rig(folder)
            result["loaded"] = True
            rig.advance(0.2)
            operations = abletonjs_operations(rig)
            if not direct:
                def udp_round_trip():
                    abletonjs_udp_roundtrip(rig, tempfile.gettempdir())
                operations.append(udp_round_trip)
            result["results"] = run_operations(operations)
        else:
            rig = Rig(folder)
            result["loaded"] = True
            rig.advance(0.2)
            result["results"] = run_operations(xonek2_operations(rig))
    except Exception:
        result["load_error"] = traceback.format_exc(limit=6)[-2000:]
    finally:
        if rig is not None:
            try:
                rig.close()
            except Exception:
                result.setdefault("close_error", traceback.format_exc(limit=4))
    shutil.rmtree(tmp, ignore_errors=True)
    return result


def child(mode, direct, scripts):
    print(json.dumps({"mode": mode, "scripts": [run_script(name, direct) for name in scripts]}))


# ---------------------------------------------------------------- own test suites


def own_tests_xonek2(mode):
    if missing("XoneK2"):
        return {"suite": "XoneK2 tests/ (unittest)", "mode": mode, "skipped": missing("XoneK2")}
    tmp = tempfile.mkdtemp(prefix="conformance-own-")
    install("XoneK2", tmp)  # its tests import XoneK2 from the repository's root, beside tests/
    shutil.copytree(os.path.join(download("XoneK2"), SOURCES["XoneK2"]["tests"]), os.path.join(tmp, "tests"),
                    ignore=NOT_COPIED)
    run = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests"], cwd=tmp,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    text = run.stdout.decode(errors="replace")
    shutil.rmtree(tmp, ignore_errors=True)
    ran = int(_after(text, "Ran ", " test") or 0)
    failed = sum(int(_after(text, key, ")") or _after(text, key, ",") or 0) for key in ("failures=", "errors="))
    return {"suite": "XoneK2 tests/ (unittest)", "mode": mode, "passed": ran - failed, "failed": failed}


def _after(text, start, end):
    index = text.find(start)
    if index < 0:
        return None
    stop = text.find(end, index + len(start))
    value = text[index + len(start):stop]
    return value if value.strip().isdigit() else None


def like_a_new_set(song):
    """Live's default new set, which AbletonOSC's tests assume: 2 MIDI and 2 audio tracks, empty, 8 scenes
    (made through Live's API from the demo set; its two return tracks stay, as a new set has two)."""
    old = list(song.tracks)
    song.create_midi_track(-1)
    song.create_midi_track(-1)
    song.create_audio_track(-1)
    song.create_audio_track(-1)
    for track in old:
        tracks = list(song.tracks)
        if track in tracks:  # a group's tracks go with it
            song.delete_track(tracks.index(track))
    while len(song.scenes) < 8:
        song.create_scene(-1)
    song.tempo = 120.0
    song._history.clear()  # a new set has nothing to undo


def serve_abletonosc(mode, folder):
    """A simulator in real time with AbletonOSC on 127.0.0.1:11000, replies to :11001 (its tests' ports)."""
    sys.path.insert(0, LIVE_SCRIPT)
    sys.path.insert(0, os.path.dirname(folder))
    from simulator import demo_set
    from simulator.host import Host
    import AbletonOSC.abletonosc.osc_server as osc_server
    osc_server.OSCServer.__init__.__defaults__ = (("127.0.0.1", 11000), ("127.0.0.1", 11001))
    host = Host(demo_set.build, log_dir=tempfile.mkdtemp(prefix="conformance-serve-"))
    like_a_new_set(host.song)

    def ready(_host):
        print("ready")
        sys.stdout.flush()
    import signal
    signal.signal(signal.SIGTERM, lambda *a: host.stop())
    host.run([folder], on_ready=ready)


def own_tests_abletonosc(mode):
    if importlib.util.find_spec("pytest") is None:  # their suite needs it; the project does not
        return {"suite": "AbletonOSC tests/ (pytest)", "mode": mode, "skipped": "pytest is not installed"}
    if missing("AbletonOSC"):
        return {"suite": "AbletonOSC tests/ (pytest)", "mode": mode, "skipped": missing("AbletonOSC")}
    tmp = tempfile.mkdtemp(prefix="conformance-osc-")
    folder = install("AbletonOSC", tmp)  # the repository is the script; its tests/ come along
    env = dict(os.environ, LIVESURFACE_SIM_LIVE_VERSION=mode, LIVESURFACE_HOST="simulator")
    errors = open(os.path.join(tmp, "serve-stderr.txt"), "w+")
    server = subprocess.Popen([sys.executable, __file__, "--serve", folder, "--mode", mode], env=env,
                              stdout=subprocess.PIPE, stderr=errors)
    try:
        line = server.stdout.readline().decode()
        if "ready" not in line:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                pass
            errors.seek(0)
            why = (errors.read().strip().splitlines() or ["?"])[-1]
            return {"suite": "AbletonOSC tests/ (pytest)", "mode": mode,
                    "skipped": "the simulator did not start: " + why}
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=folder,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        text = run.stdout.decode(errors="replace")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        errors.close()
        shutil.rmtree(tmp, ignore_errors=True)
    summary = [line for line in text.splitlines() if " passed" in line or " failed" in line]
    passed = failed = 0
    for word_count, word in ((w.split()[0], w.split()[1]) for w in (summary[-1].split(",") if summary else [])
                             if len(w.split()) >= 2):
        if word.startswith("passed"):
            passed = int(word_count)
        elif word.startswith("failed") or word.startswith("error"):
            failed += int(word_count)
    failures = [line[len("FAILED "):] for line in text.splitlines() if line.startswith("FAILED ")]
    return {"suite": "AbletonOSC tests/ (pytest, UDP)", "mode": mode, "passed": passed, "failed": failed,
            "failures": failures}


# ---------------------------------------------------------------- the table (parent)


def run_mode(mode, direct, scripts=SCRIPTS):
    """The scripts present run in a child process; the others are reported skipped, with where to get them."""
    present = available(scripts)
    report = {"mode": mode, "scripts": []}
    if present:
        env = dict(os.environ, LIVESURFACE_SIM_LIVE_VERSION=mode, LIVESURFACE_HOST="simulator",
                   LIVESURFACE_THIRD_PARTY_SCRIPTS=THIRD_PARTY, TMPDIR=tempfile.mkdtemp(prefix="conformance-tmp-"))
        command = [sys.executable, __file__, "--child", "--mode", mode] + (["--direct"] if direct else []) + \
            ["--scripts", ",".join(present)]
        run = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        shutil.rmtree(env["TMPDIR"], ignore_errors=True)
        try:
            report = json.loads(run.stdout.decode().strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise RuntimeError("the conformance child failed:\n" + run.stderr.decode(errors="replace")[-3000:])
    ran = dict((script["script"], script) for script in report["scripts"])
    report["scripts"] = [ran.get(name) or {"script": name, "skipped": missing(name), "loaded": False, "results": []}
                         for name in scripts]
    return report


def print_table(reports, suites):
    print("%-11s %-4s %-7s %7s %7s" % ("script", "mode", "loaded", "passed", "failed"))
    skipped = {}
    for report in reports:
        for script in report["scripts"]:
            if "skipped" in script:
                print("%-11s %-4s skipped (not on this machine)" % (script["script"], report["mode"]))
                skipped[script["script"]] = script["skipped"]
                continue
            results = script["results"]
            passed = sum(1 for r in results if r["ok"])
            print("%-11s %-4s %-7s %7d %7d" % (script["script"], report["mode"], "yes" if script["loaded"] else "NO",
                                              passed, len(results) - passed))
            if not script["loaded"]:
                print("    load error: " + script.get("load_error", "?").strip().splitlines()[-1])
            for r in results:
                if not r["ok"]:
                    print("    %s: %s" % (r["op"], r["why"]))
    for suite in suites:
        if "skipped" in suite:
            reason = suite["skipped"]
            print("%s, Live %s: skipped (%s)" % (suite["suite"], suite["mode"],
                                                 "not on this machine" if reason in skipped.values() else reason))
            continue
        total = suite["passed"] + suite["failed"]
        print("%s, Live %s: %d/%d passed (%.0f%%)" % (suite["suite"], suite["mode"], suite["passed"], total,
                                                      100.0 * suite["passed"] / total if total else 0))
        for failure in suite.get("failures", []):
            print("    " + failure)
    for name in sorted(skipped):
        print("skipped %s" % skipped[name])


def main(argv):
    parser = argparse.ArgumentParser(prog="conformance.py", description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("11", "12"), action="append")
    parser.add_argument("--direct", action="store_true", help="call AbletonOSC's handlers instead of UDP")
    parser.add_argument("--own-tests", action="store_true", help="also run the scripts' own test suites")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scripts", default=",".join(SCRIPTS))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    modes = args.mode or ["11", "12"]
    scripts = [s for s in args.scripts.split(",") if s]
    if set(scripts) - set(SCRIPTS):
        parser.error("--scripts: one or more of %s" % ",".join(SCRIPTS))
    if args.serve:
        serve_abletonosc(modes[0], args.serve)
        return 0
    if args.child:
        child(modes[0], args.direct, scripts)
        return 0
    reports = [run_mode(mode, args.direct, scripts) for mode in modes]
    suites = []
    if args.own_tests:
        for mode in modes:
            suites.append(own_tests_xonek2(mode))
            suites.append(own_tests_abletonosc(mode))
    if args.json:
        print(json.dumps({"reports": reports, "suites": suites}, indent=1))
    else:
        print_table(reports, suites)
    ok = all(s["loaded"] and all(r["ok"] for r in s["results"])
             for report in reports for s in report["scripts"] if "skipped" not in s)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
