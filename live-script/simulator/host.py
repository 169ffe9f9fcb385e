"""The host: Live's main thread, for a Live set and the remote scripts it loads.

What it does, as Live does:
- calls every script's `update_display()` about every 100 ms;
- runs `Live.Base.Timer`s at their interval (an error in the callback stops the timer);
- hands MIDI arriving at the script's input to `receive_midi` (sysex always;
  notes and CCs when the script forwards them in `build_midi_map`), and
  notes not taken by a script to armed tracks;
- sends what MIDI tracks play to the "LiveSurface Return" port (a socket of its own,
  midi_return.py): their clips' notes and, while monitored, their input;
- moves the transport (clips fire on the launch quantization grid);
- runs everything on one thread, the one that called `run()`;
- `stall(ms)` freezes that thread, like a heavy set does.

Every call into a script (timers, `update_display`, `receive_midi`) is timed:
`longest_block` is the longest so far, and with LIVESURFACE_SIM_BLOCKS=FILE each
call of 1 ms or more is appended to FILE as `<end, epoch s> <ms> <what>`, so a
benchmark can tell how long a script held Live's main thread, and when.
"""
import collections
import gc
import heapq
import importlib
import itertools
import logging
import os
import select
import socket
import sys
import threading
import time
import traceback

import Live  # the simulator's (see __init__.py)
from Live import _lom

from .c_instance import CInstance
from .midi_input import MidiInput
from .midi_return import MidiReturn

DISPLAY_INTERVAL = 0.1
RECENT_MIDI = 256
BLOCK_REPORTED = 0.001  # calls into a script this long or longer go to LIVESURFACE_SIM_BLOCKS


class LiveLogHandler(logging.Handler):
    """Python's `logging`, as a script inside Live sees it: records reach Live's Log.txt as
    `info: Python: INFO:abletonosc:415 - message` (the form public scripts' notes quote from a running
    Live 12); the root logger lets INFO and above through."""

    def __init__(self, host):
        super(LiveLogHandler, self).__init__(logging.INFO)
        self._host = host
        self.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(lineno)s - %(message)s"))

    def emit(self, record):
        try:
            self._host.log("Python: " + self.format(record))
        except Exception:
            self.handleError(record)


class BlockTimes(object):
    """How long each call into a script held the main thread."""

    def __init__(self, path=None):
        self.longest = 0.0
        self.longest_what = None
        self._file = open(path, "a", buffering=1) if path else None

    def record(self, what, seconds):
        if seconds > self.longest:
            self.longest, self.longest_what = seconds, what
        if self._file is not None and seconds >= BLOCK_REPORTED:
            self._file.write("%.6f %.3f %s\n" % (time.time(), seconds * 1000.0, what))

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None


class MidiMapState(object):
    """What one script asked for in its last `build_midi_map`."""

    def __init__(self):
        self.forwarded = set()
        self.mapped = {}

    def forward(self, key):
        self.forwarded.add(key)

    def map(self, key, parameter, mode):
        self.mapped[key] = (parameter, mode)


class Surface(object):
    """A loaded remote script."""

    def __init__(self, name, instance, c_instance):
        self.name = name
        self.instance = instance
        self.c_instance = c_instance
        self.midi_map = MidiMapState()

    def call(self, method, *args):
        function = getattr(self.instance, method, None)
        if function is not None:
            return function(*args)
        return None


class ListenError(OSError):
    """A MIDI socket the host cannot listen on: which one (`what`), its port, and why."""

    def __init__(self, what, port, error):
        super(ListenError, self).__init__(*error.args)  # reads as the error it stands for
        self.what, self.port = what, port


def _listen(what, make, port):
    try:
        return make(port)
    except OSError as error:
        raise ListenError(what, port, error)


class Host(object):
    def __init__(self, build_set, midi_port=None, log_dir=None, clock=time.monotonic, midi_return_port=None):
        self.clock = clock
        self.log_dir = log_dir
        self._log_file = None
        if log_dir:
            os.makedirs(log_dir, exist_ok=True)
            self._log_file = open(os.path.join(log_dir, "Log.txt"), "a", buffering=1)
        self._python_log = LiveLogHandler(self)
        logging.getLogger().addHandler(self._python_log)
        if logging.getLogger().level == logging.NOTSET or logging.getLogger().level > logging.INFO:
            logging.getLogger().setLevel(logging.INFO)
        _lom.HOST.scheduler = self
        _lom.HOST.log = self.log
        _lom.HOST.main_thread = None
        self.song = build_set(clock)
        self.song._history.clear()  # Live opens a set with nothing to undo
        self.application = Live.Application.Application(self.song)
        _lom.HOST.application = self.application
        self.surfaces = []
        self.recent_midi = collections.deque(maxlen=RECENT_MIDI)
        self.sent_midi = collections.deque(maxlen=RECENT_MIDI)  # (script or None, message): MIDI scripts sent
        self._timers = []
        self._timer_seq = itertools.count()
        self._midi_maps = {}
        self._rebuild = set()
        self._calls = collections.deque()
        self._stopping = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self.midi = _listen("MIDI", MidiInput, midi_port) if midi_port is not None else None
        try:
            self.midi_return = _listen("MIDI out", MidiReturn, midi_return_port) \
                if midi_return_port is not None else None
        except ListenError:
            if self.midi is not None:
                self.midi.close()
            raise
        _lom.HOST.midi_return = self.midi_return.send if self.midi_return is not None else None
        self._next_display = 0.0
        self.blocks = BlockTimes(os.environ.get("LIVESURFACE_SIM_BLOCKS"))

    @property
    def longest_block(self):
        """The longest call into a script so far, in seconds."""
        return self.blocks.longest

    # ------------------------------------------------------------ logging
    def log(self, message, level="info"):
        """A line of Live's Log.txt: `2024-11-03T16:40:31.423584: info: <message>` (Live's own format)."""
        if self._log_file is not None:
            now = time.time()
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(now)) + ".%06d" % int((now % 1) * 1e6)
            self._log_file.write("%s: %s: %s\n" % (stamp, level, message))

    # ------------------------------------------------------------ scripts
    def load_script(self, script_dir):
        """Load a remote script folder the way Live does: import the package, call create_instance."""
        script_dir = os.path.abspath(script_dir)
        parent, name = os.path.split(script_dir.rstrip(os.sep))
        if parent not in sys.path:
            sys.path.insert(0, parent)
        module = importlib.import_module(name)
        c_instance = CInstance(self, name)
        instance = module.create_instance(c_instance)
        surface = Surface(name, instance, c_instance)
        self.surfaces.append(surface)
        self._build_midi_map(surface)
        self.log("Remote script %s loaded" % name)
        return surface

    def connect_script_instances(self):
        """What Live does once every control surface is made: tell each of them all of them."""
        instances = tuple(surface.instance for surface in self.surfaces)
        for surface in self.surfaces:
            self._safely(surface, "connect_script_instances", instances)

    def request_midi_map_rebuild(self, c_instance):
        for surface in self.surfaces:
            if surface.c_instance is c_instance:
                self._rebuild.add(surface)
        self._poke()

    def _build_midi_map(self, surface):
        state = MidiMapState()
        handle = next(self._timer_seq) + 1000
        self._midi_maps[handle] = state
        try:
            surface.call("build_midi_map", handle)
        except Exception:
            self.log("Error in build_midi_map: " + traceback.format_exc())
        finally:
            del self._midi_maps[handle]
        surface.midi_map = state

    def midi_map(self, handle):
        return self._midi_maps.get(handle)

    # ------------------------------------------------------------ timers (Live.Base.Timer)
    def schedule_timer(self, timer):
        timer._token = next(self._timer_seq)
        heapq.heappush(self._timers, (self.clock() + timer._interval / 1000.0, timer._token, timer))
        self._poke()

    def cancel_timer(self, timer):
        timer._token = None

    def _run_timers(self, now):
        fired = 0
        while self._timers and self._timers[0][0] <= now and fired < 1000:
            due, token, timer = heapq.heappop(self._timers)
            if token != getattr(timer, "_token", None) or not timer._running:
                continue
            fired += 1
            if timer._repeat:
                timer._token = next(self._timer_seq)
                next_due = due + timer._interval / 1000.0
                heapq.heappush(self._timers, (max(next_due, now), timer._token, timer))
            else:
                timer._running = False
            started = time.perf_counter()
            try:
                timer._callback()
            except Exception:
                timer._running = False
                timer._token = None
                self.log("Timer callback failed, timer stopped: " + traceback.format_exc())
            finally:
                self.blocks.record("timer", time.perf_counter() - started)

    # ------------------------------------------------------------ MIDI in and out
    def midi_in(self, message):
        """A complete MIDI message reaching the script's input port."""
        if message[0] == 0xF0:
            for surface in self.surfaces:
                self._safely(surface, "receive_midi", message)
            return
        status = message[0] & 0xF0
        channel = message[0] & 0x0F
        key = _map_key(status, channel, message)
        for surface in self.surfaces:
            if key in surface.midi_map.forwarded:
                self._safely(surface, "receive_midi", message)
                return
            mapped = surface.midi_map.mapped.get(key)
            if mapped is not None:
                _apply_mapping(mapped, status, message)
                return
        self._to_tracks(status, channel, message)

    def _to_tracks(self, status, channel, message):
        targets = [t for t in self.song._tracks if t._can_record() and t._values["has_midi_input"]]
        self.recent_midi.append((self.clock(), message, [t._values["name"] for t in targets]))
        if status in (0x80, 0x90):
            for track in targets:
                velocity = message[2] if status == 0x90 else 0
                self.song._transport.note_in(track, 0x90 if velocity else 0x80, message[1], velocity)
        self.song._midi_out.thru(message)  # monitored tracks sent to the LiveSurface Return port play it on
        if targets:
            self.log("MIDI in %s -> %s" % (" ".join("%02X" % b for b in message),
                                           ", ".join(t._values["name"] for t in targets)))

    def send_midi(self, midi_bytes, script=None):
        self.sent_midi.append((script, tuple(midi_bytes)))
        if self.midi is not None:
            self.midi.send(midi_bytes)

    def _safely(self, surface, method, *args):
        started = time.perf_counter()
        try:
            surface.call(method, *args)
        except Exception:
            self.log("Error in %s.%s: %s" % (surface.name, method, traceback.format_exc()))
        finally:
            self.blocks.record(method, time.perf_counter() - started)

    # ------------------------------------------------------------ the main loop
    def call_soon(self, function):
        """Run `function` on the main thread (from any thread)."""
        self._calls.append(function)
        self._poke()

    def call(self, function, timeout=10.0):
        """Run `function` on the main thread and return its result (from another thread)."""
        done = threading.Event()
        box = {}

        def run():
            try:
                box["value"] = function()
            except BaseException as error:  # handed to the caller
                box["error"] = error
            finally:
                done.set()

        self.call_soon(run)
        if not done.wait(timeout):
            raise TimeoutError("the host did not run the call in time")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def stall(self, milliseconds):
        """Freeze the main thread for a while, as a heavy set or a modal dialog does."""
        self.call_soon(lambda: time.sleep(milliseconds / 1000.0))

    def stop(self):
        self._stopping = True
        self._poke()

    def _poke(self):
        try:
            self._wake_w.send(b"x")
        except (BlockingIOError, OSError):
            pass

    def begin(self, scripts=()):
        """Become Live's main thread (the calling thread) and load the scripts."""
        _lom.HOST.main_thread = threading.get_ident()
        for script_dir in scripts:
            self.load_script(script_dir)
        self.connect_script_instances()
        self._next_display = self.clock() + DISPLAY_INTERVAL

    def run(self, scripts=(), on_ready=None):
        """Be Live's main thread until `stop()`."""
        self.begin(scripts)
        # The set and the fake Live module stand for Live's C++ objects, which Python's collector
        # never walks: frozen once loaded, they add nothing to its pauses (a full collection over a
        # big set took 15-20 ms of the main thread). Only here, in the simulator's own process:
        # tests build many hosts in one process, and frozen cycles would never be freed.
        gc.collect()
        gc.freeze()
        if on_ready is not None:
            on_ready(self)
        try:
            while not self._stopping:
                self._iterate()
        finally:
            self._shutdown()

    def advance(self, seconds):
        """With a SimulatedClock: live through `seconds` of Live's time, event by event."""
        target = self.clock() + seconds
        while True:
            # never stand still: an event due "now" that float rounding keeps pending must not spin
            deadline = max(self._next_deadline(), self.clock() + 1e-6)
            if deadline > target:
                self.clock.set(target)
                self._iterate(timeout=0.0)
                return
            self.clock.set(deadline)
            self._iterate(timeout=0.0)

    def shutdown(self):
        """End a host driven by `advance()` (what `run()` does when it stops)."""
        self._shutdown()

    def _next_deadline(self):
        deadline = self._next_display
        if self._timers:
            deadline = min(deadline, self._timers[0][0])
        transport_wake = self.song._transport.next_wake()
        if transport_wake is not None:
            deadline = min(deadline, transport_wake)
        return deadline

    def _iterate(self, timeout=None):
        if timeout is None:
            timeout = 0.0 if self._calls or self._rebuild else max(0.0, self._next_deadline() - self.clock())
        sockets = [self._wake_r] + (self.midi.sockets() if self.midi is not None else [])
        if self.midi_return is not None:
            self.midi_return.flush()
            sockets += self.midi_return.sockets()
        readable, _, _ = select.select(sockets, [], [], timeout)
        for sock in readable:
            if sock is self._wake_r:
                try:
                    while self._wake_r.recv(4096):
                        pass
                except (BlockingIOError, OSError):
                    pass
            elif self.midi_return is not None and self.midi_return.owns(sock):
                self.midi_return.handle_readable(sock)
            else:
                for message in self.midi.handle_readable(sock):
                    self.midi_in(message)
        while self._calls:
            self._calls.popleft()()
        while self._rebuild:
            self._build_midi_map(self._rebuild.pop())
        self.song._transport.advance()
        now = self.clock()
        self._run_timers(now)
        if now >= self._next_display:
            for surface in list(self.surfaces):
                self._safely(surface, "update_display")
            self._next_display += DISPLAY_INTERVAL
            if self._next_display < now:
                self._next_display = now + DISPLAY_INTERVAL
        self.song._history.end_turn()  # what scripts changed in this turn may now enter the undo history

    def _shutdown(self):
        for surface in self.surfaces:
            self._safely(surface, "disconnect")
        self.surfaces = []
        if self.midi is not None:
            self.midi.close()
        if self.midi_return is not None:
            self.midi_return.close()
            if _lom.HOST.midi_return == self.midi_return.send:  # not another host's, started since
                _lom.HOST.midi_return = None
        self._wake_r.close()
        self._wake_w.close()
        _lom.HOST.main_thread = None
        logging.getLogger().removeHandler(self._python_log)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        self.blocks.close()


def _map_key(status, channel, message):
    if status in (0x80, 0x90):
        return ("note", channel, message[1])
    if status == 0xB0:
        return ("cc", channel, message[1])
    if status == 0xE0:
        return ("pitchbend", channel, None)
    return ("other", channel, status)


def _relative_steps(mode, value):
    """The step a relative map mode reads from a CC value (0 for the absolute modes)."""
    if mode in (3, 8):  # relative_two_compliment, relative_smooth_two_compliment
        return value if value < 64 else value - 128
    if mode in (2, 7):  # relative_binary_offset
        return value - 64
    if mode in (1, 6):  # relative_signed_bit: bit 6 is the sign, set for down
        return -(value & 63) if value & 64 else value & 63
    if mode in (4, 9):  # relative_signed_bit2: bit 6 set for up
        return (value & 63) if value & 64 else -(value & 63)
    return 0


def _apply_mapping(mapped, status, message):
    """Live moves a mapped parameter itself: absolute modes set it, relative ones step it by 1/127
    of its range per step (an assumption: Live's own step size for relative encoders is not public)."""
    parameter, mode = mapped
    if parameter._deleted:
        return
    values = parameter._values
    if status == 0xB0 and mode not in (0, 5):
        steps = _relative_steps(mode, message[2])
        if steps:
            span = values["max"] - values["min"]
            target = values["value"] + steps * span / 127.0
            parameter._set_value_from_control(max(values["min"], min(values["max"], target)))
        return
    if status == 0xE0:
        amount = ((message[2] << 7) | message[1]) / 16383.0
    elif status == 0xB0:
        amount = message[2] / 127.0
    elif status == 0x90:
        if message[2] == 0:
            return
        amount = 0.0 if values["value"] > values["min"] else 1.0
    else:
        return
    parameter._set_value_from_control(values["min"] + amount * (values["max"] - values["min"]))
