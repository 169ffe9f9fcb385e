"""The script's log file, beside Live's own Log.txt; quiet in normal operation
(connections and problems only).

No client can fill the disk through it: the file rotates by size while the
script runs (`LiveSurface.log`, then `.1` .. `.3`, about 8 MB at most), an
entry is cut to a bounded length, and a message that repeats (the same
traceback, the same warning with other numbers) is written once, then counted,
then summed up in one line when its window ends.
"""
import os
import re
import sys
import tempfile
import time
import traceback

FILE_NAME = "LiveSurface.log"
MAX_BYTES = 2 * 1024 * 1024  # one file; rotated past this
KEEP = 3  # rotated files kept: LiveSurface.log.1 .. .3
MAX_ENTRY = 4000  # characters of one entry (a request can be 256 kB)
REPEAT_WINDOW = 60.0  # seconds a repeated message is counted before its summary
MAX_KINDS = 200  # different messages counted at once; past this, the rest share one count
_NUMBERS = re.compile(r"\d+")


def live_preferences_dir(major, minor, bugfix):
    """Where Live keeps Log.txt for this version, if it can be found."""
    version = "Live %d.%d.%d" % (major, minor, bugfix)
    if sys.platform == "darwin":
        candidate = os.path.expanduser(os.path.join("~", "Library", "Preferences", "Ableton", version))
    elif sys.platform.startswith("win"):
        candidate = os.path.join(os.environ.get("APPDATA", ""), "Ableton", version, "Preferences")
    else:
        return None
    return candidate if os.path.isdir(candidate) else None


def log_dir(version):
    """LIVESURFACE_LOG_DIR, else Live's preferences folder, else the temporary folder."""
    return os.environ.get("LIVESURFACE_LOG_DIR") or live_preferences_dir(*version) or tempfile.gettempdir()


class _Repeats(object):
    """How often each kind of message came in its current window."""

    __slots__ = ("first", "count", "example")

    def __init__(self, first, example):
        self.first = first
        self.count = 0  # repeats not written
        self.example = example


class ScriptLog(object):
    def __init__(self, directory, max_bytes=MAX_BYTES, keep=KEEP, clock=time.monotonic):
        self.path = os.path.join(directory, FILE_NAME)
        self.max_bytes = max_bytes
        self.keep = keep
        self._clock = clock
        self._file = None
        self._size = 0
        self._repeats = {}
        self._overflow = None  # counts kinds of message past MAX_KINDS
        try:
            if not os.path.isdir(directory):
                os.makedirs(directory)
            if os.path.exists(self.path) and os.path.getsize(self.path) > self.max_bytes // 2:
                self._rotate_files()
            self._open()
        except (IOError, OSError):
            self._file = None  # no log is better than a script that cannot start

    # ------------------------------------------------------------ writing
    def _open(self):
        self._file = open(self.path, "a", encoding="utf-8", errors="replace")
        self._size = self._file.tell()

    def _rotate_files(self):
        for index in range(self.keep - 1, 0, -1):
            older = "%s.%d" % (self.path, index)
            if os.path.exists(older):
                os.replace(older, "%s.%d" % (self.path, index + 1))
        if os.path.exists(self.path):
            os.replace(self.path, self.path + ".1")

    def _rotate(self):
        try:
            self._file.close()
            self._rotate_files()
            self._open()
        except (IOError, OSError, ValueError):
            self._file = None

    def _write(self, level, message):
        if self._file is None:
            return
        if len(message) > MAX_ENTRY:
            message = "%s ... (%d characters cut)" % (message[:MAX_ENTRY], len(message) - MAX_ENTRY)
        line = "%s %s %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"), level, message)
        try:
            if self._size + len(line) > self.max_bytes and self._size > 0:
                self._rotate()
                if self._file is None:
                    return
            self._file.write(line)
            self._file.flush()
            self._size += len(line.encode("utf-8", "replace"))
        except (IOError, OSError, ValueError):
            pass

    # ------------------------------------------------------------ repeats
    def _once(self, level, message, kind):
        """Write `message` unless a message of its `kind` was written in the current window: count it then."""
        now = self._clock()
        self.tick(now)
        repeats = self._repeats.get(kind)
        if repeats is not None:
            repeats.count += 1
            return
        if len(self._repeats) >= MAX_KINDS:
            if self._overflow is None:
                self._overflow = _Repeats(now, message)
            self._overflow.count += 1
            return
        self._repeats[kind] = _Repeats(now, message)
        self._write(level, message)

    def tick(self, now=None):
        """Sum up the windows that ended (called with every entry, and now and then by the script)."""
        now = self._clock() if now is None else now
        ended = [kind for kind, repeats in self._repeats.items() if now - repeats.first >= REPEAT_WINDOW]
        for kind in ended:
            repeats = self._repeats.pop(kind)
            if repeats.count:
                self._write("warning", "repeated %d more time%s in %d s: %s" % (
                    repeats.count, "" if repeats.count == 1 else "s", REPEAT_WINDOW, _first_line(repeats.example)))
        if self._overflow is not None and now - self._overflow.first >= REPEAT_WINDOW:
            self._write("warning", "%d more messages of other kinds were not written" % self._overflow.count)
            self._overflow = None

    # ------------------------------------------------------------ the log's interface
    def info(self, message):
        self._once("info", message, ("info", _kind(message)))

    def warning(self, message):
        self._once("warning", message, ("warning", _kind(message)))

    def error(self, message):
        self._once("error", message, ("error", _kind(message)))

    def exception(self, message):
        """An error with the traceback being handled; the same traceback is written once per window."""
        trace = traceback.format_exc()
        self._once("error", "%s\n%s" % (message, trace), ("exception", _kind(trace)))

    def close(self):
        if self._file is not None:
            self.tick(self._clock() + REPEAT_WINDOW)  # what was counted is written before the end
            self._file.close()
            self._file = None


def _kind(message):
    """Messages that differ only in their numbers (ports, ids, counts) are of one kind."""
    return _NUMBERS.sub("#", message[:MAX_ENTRY])


def _first_line(message):
    line = message.split("\n", 1)[0]
    return line if len(line) <= 200 else line[:200] + "..."
